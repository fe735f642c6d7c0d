import type { IncomingHttpHeaders } from 'node:http'
import type { AccessRole } from '../app/access-token'

export type { AccessRole }

/** What the relay knows about a connection before and after it is accepted. Hooks may refine it. */
export interface ConnectionContext {
  readonly documentName: string
  /** Query parameters of the WebSocket URL, e.g. `token`. */
  readonly params: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly remoteAddress: string
  role: AccessRole
  /** Display name vouched for by a hook (e.g. a token's `name` claim). */
  userName?: string
  /** When set, the connection is closed with 4401 at this time (ms since the epoch). */
  expiresAt?: number
}

/** Thrown by an `onAuthenticate` hook to refuse a connection with an HTTP status before the upgrade. */
export class RelayRefusal extends Error {
  override name = 'RelayRefusal'
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 429 | 503,
    message: string
  ) {
    super(message)
  }
}

/**
 * A relay extension: an object of optional hooks, run in ascending `priority` (default 100).
 * A hook that throws rejects the operation; the error is logged with the extension's name.
 */
export interface RelayExtension {
  readonly name: string
  readonly priority?: number
  /** Decides whether a WebSocket upgrade is accepted; may set `role`, `userName`, `expiresAt`. */
  onAuthenticate?(context: ConnectionContext): Promise<void> | void
  /** Called after a connection joined its room. */
  onConnect?(context: ConnectionContext): void
  /** Called after a connection left its room. */
  onDisconnect?(context: ConnectionContext, code: number): void
  /** Called when the relay shuts down. */
  onClose?(): Promise<void> | void
}

/** Sorts extensions into the order their hooks run. */
export const orderExtensions = (extensions: readonly RelayExtension[]): RelayExtension[] =>
  [...extensions].sort((a, b) => (a.priority ?? 100) - (b.priority ?? 100))
