/** The order in which the relays run, turn by turn. */
import type { RelayName } from './relay-process'

/**
 * `relays` rotated by `turn`, so that over as many turns as there are relays each goes first once:
 * slow drifts in the machine's load then fall on every relay alike. With two relays this alternates.
 */
export const relayOrderForTurn = (relays: readonly RelayName[], turn: number): RelayName[] => {
  const shift = relays.length === 0 ? 0 : turn % relays.length
  return [...relays.slice(shift), ...relays.slice(0, shift)]
}
