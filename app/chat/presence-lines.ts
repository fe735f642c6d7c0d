import { awarenessUserOf } from '../presence'
import type { UserProfile } from '../profile'

/** A line the chat shows, but never stores, when someone joins or leaves the document. */
export interface PresenceLine {
  readonly kind: 'joined' | 'left'
  readonly person: UserProfile
  /** Milliseconds since the epoch, on this copy's clock. */
  readonly at: number
}

/**
 * Turns who is in the document (from awareness) into "joined" and "left" lines. Every copy
 * derives its own lines from what it sees; nothing is written to the document, so N people never
 * write N copies of the same line. People are told apart by name, so someone opening a second tab
 * does not "join" again, and leaves only when their last tab closes.
 *
 * Lines only make sense while this copy is connected and in sync: it starts paused, `resume`
 * takes the people present at that moment as the baseline (their arrival is not news), and `pause`
 * (a lost connection) stops the lines, so the departures a lost connection seems to show, and the
 * arrivals a reconnection seems to show, produce none.
 */
export class PresenceLines {
  private present: Map<string, UserProfile> | null = null

  /** Stops reporting until the next `resume`: this copy lost its connection. */
  pause(): void {
    this.present = null
  }

  /** Starts reporting, with `people` (others only) as the ones already there. */
  resume(people: readonly UserProfile[]): void {
    this.present = byName(people)
  }

  get paused(): boolean {
    return this.present === null
  }

  /** Records the people in the document now (others only); returns the lines since the last call, none while paused. */
  observe(people: readonly UserProfile[], at: number): PresenceLine[] {
    const before = this.present
    if (before === null) return []
    const now = byName(people)
    this.present = now
    const lines: PresenceLine[] = []
    for (const [name, person] of now) if (!before.has(name)) lines.push({ kind: 'joined', person, at })
    for (const [name, person] of before) if (!now.has(name)) lines.push({ kind: 'left', person, at })
    return lines
  }
}

const byName = (people: readonly UserProfile[]): Map<string, UserProfile> => new Map(people.map((person) => [person.name, person]))

/** The people in awareness `states` other than the client `selfClientId`, as `PresenceLines.observe` takes them. */
export const othersIn = (states: ReadonlyMap<number, Record<string, unknown>>, selfClientId: number): UserProfile[] => {
  const people: UserProfile[] = []
  states.forEach((state, clientId) => {
    const user = clientId === selfClientId ? null : awarenessUserOf(state)
    if (user !== null) people.push({ name: user.name, color: user.color })
  })
  return people
}
