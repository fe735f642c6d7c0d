/**
 * When to try the relay again after a connection closed: exponential backoff with "equal jitter"
 * (half the delay fixed, half random), so that a relay restart is not met by every client at the
 * same instant, while no client waits much longer than the nominal delay.
 */
export interface ReconnectPolicy {
  /** Delay before the first retry, in ms. */
  readonly initialDelayMs: number
  /** Upper bound of any delay, in ms. */
  readonly maxDelayMs: number
}

export const defaultReconnectPolicy: ReconnectPolicy = { initialDelayMs: 500, maxDelayMs: 15_000 }

/**
 * Delay before retry number `attempt` (0 for the first retry after a connection was lost).
 * `random` returns a number in [0, 1); tests pass a fixed one.
 */
export const reconnectDelay = (policy: ReconnectPolicy, attempt: number, random: () => number = Math.random): number => {
  const nominal = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt, 30))
  return Math.round(nominal / 2 + (nominal / 2) * random())
}
