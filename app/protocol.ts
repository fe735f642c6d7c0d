/**
 * The y-websocket wire protocol as the stock `y-websocket` client and `@y/websocket-server` speak it.
 * A frame is `varUint(messageType)` followed by the message body.
 */
export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

/** Sync sub-messages, as in `y-protocols/sync`. */
export const messageSyncStep1 = 0
export const messageSyncStep2 = 1
export const messageSyncUpdate = 2

/** WebSocket close codes the relay uses; see ARCHITECTURE.md, "Close codes". */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
  notAuthenticated: 4401,
  forbidden: 4403
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Close codes after which a client must stop reconnecting and show the reason. */
export const isFinalCloseCode = (code: number): boolean =>
  code === CloseCode.notAuthenticated || code === CloseCode.forbidden

/**
 * Ensemble's own top-level message type: a private message to one person in the document (README,
 * "Private messages"). It is not part of y-websocket; stock clients log it as unknown and ignore it.
 * Body: a sub-type (`privateMessageSend`, `privateMessageUndelivered`), then the fields of
 * `app/private-message.ts`.
 */
export const messagePrivate = 100
/** Client → relay → recipient: `from`, `to` (awareness client ids), `id`, `text`. */
export const privateMessageSend = 0
/** Relay → sender: the message `id` to `to` was not delivered, and why. */
export const privateMessageUndelivered = 1

/**
 * Ensemble's own top-level message type, relay → client: whether the relay is storing the
 * document's edits (README, "Storage status"). Sent when that changes and, while edits are not
 * being stored, to every connection that joins. Stock clients log it as unknown and ignore it.
 * Body: `varUint(storageState…)`, then `varString(reason)` (empty when stored).
 */
export const messageStorageStatus = 101
/** Every edit the relay accepted for this document is stored. */
export const storageStateStored = 0
/** Storage refuses writes: edits reach the others but are kept only in memory until it takes them. */
export const storageStateNotStored = 1

/**
 * Ensemble's own top-level message type, relay → client, sent only to connections whose URL asks
 * for it (`storedAcksParam`): `varUint(count)`, meaning that the first `count` document messages
 * (sync step 2 and updates) the client sent on this connection are stored, not just received.
 * What lets the client say "saved" truthfully (README, "When an edit counts as stored").
 */
export const messageStoredAck = 102
/** The query parameter (`?stored-acks=1`) with which a client asks for `messageStoredAck`. */
export const storedAcksParam = 'stored-acks'
