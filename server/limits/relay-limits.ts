/**
 * The limits that keep one client from hurting the others. Each has a CLI flag and environment
 * variable (`cli-options.ts`), is reported in `/metrics` as `ensemble_limit{limit="…"}`, and is
 * logged and counted in `ensemble_limit_hits_total` when it bites.
 */
export interface RelayLimits {
  /** Open connections in total; more are refused with HTTP 503. */
  readonly maxConnections: number
  /** Open connections from one remote address; more are refused with HTTP 429. */
  readonly maxConnectionsPerAddress: number
  /** Sustained frames per second per connection (token bucket refill); beyond the burst: close 1008. */
  readonly messagesPerSecond: number
  /** Frames a connection may send at once before the sustained rate applies (token bucket size). */
  readonly messageBurst: number
  /** Documents held in memory; the least recently used empty one is dropped first, else HTTP 503. */
  readonly maxRooms: number
  /** Unsent bytes queued for one connection before it is closed as a slow consumer with 1013. */
  readonly maxBufferedBytes: number
}

export const defaultRelayLimits: RelayLimits = {
  maxConnections: 10_000,
  maxConnectionsPerAddress: 100,
  messagesPerSecond: 200,
  messageBurst: 2000,
  maxRooms: 10_000,
  maxBufferedBytes: 8 * 1024 * 1024
}

/** Names used for limits in metrics labels and log lines. */
export type LimitName =
  | 'max-connections'
  | 'max-connections-per-address'
  | 'message-rate'
  | 'max-rooms'
  | 'max-buffered-bytes'

/** What the relay did when a limit bit. */
export type LimitAction = 'refused' | 'closed' | 'evicted'

/** Each limit's metric label, paired with its value. */
export const limitValues = (limits: RelayLimits): Record<LimitName | 'message-burst', number> => ({
  'max-connections': limits.maxConnections,
  'max-connections-per-address': limits.maxConnectionsPerAddress,
  'message-rate': limits.messagesPerSecond,
  'message-burst': limits.messageBurst,
  'max-rooms': limits.maxRooms,
  'max-buffered-bytes': limits.maxBufferedBytes
})

/** Throws a `RangeError` naming the first limit that is not a positive whole number. */
export const checkRelayLimits = (limits: RelayLimits): void => {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`relay limit ${name} must be a whole number of at least 1; got ${String(value)}`)
    }
  }
}
