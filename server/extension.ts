import type { IncomingHttpHeaders } from 'node:http'
import type { Logger } from 'pino'
import type { AccessRole } from '../app/access-token'
import type { PrivateMessage } from '../app/private-message'
import type { RelayMetrics } from './metrics'

export type { AccessRole }

/** What the relay knows about a connection before and after it is accepted. Hooks may refine it. */
export interface ConnectionContext {
  readonly documentName: string
  /** Query parameters of the WebSocket URL, e.g. `token`. */
  readonly params: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly remoteAddress: string
  /** The listener the connection came through: `undefined` for the relay's own port, else the name given to `acceptConnection`. */
  readonly entry?: string | undefined
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
 * What an extension may do with a document in memory. Used by scale-out: another relay instance's
 * updates and awareness changes are applied here and reach this relay's own connections.
 */
export interface RoomHandle {
  readonly name: string
  /**
   * Applies a Yjs update that another relay instance received from one of its clients. It is
   * validated like a client's update (a bad one throws `ProtocolError` and changes nothing), sent to
   * this relay's connections, and not appended to storage: the instance that received it stores it.
   */
  applyRemoteUpdate(update: Uint8Array): void
  /**
   * Applies a Yjs update from the relay this document is replicated from (`server/upstream/`),
   * trusted like storage (it must decode, or it throws `ProtocolError`): what is new is sent to
   * this relay's connections, stored, and reported to the extensions' `onChange`.
   */
  applyUpstreamUpdate(update: Uint8Array): void
  /** Applies another instance's awareness update (validated like a client's) and sends it to this relay's connections. */
  applyRemoteAwareness(update: Uint8Array): void
  /** Reads the stored state again and applies it like a remote update; for catching up after an outage. */
  applyStoredState(): Promise<void>
  /** The whole document as one Yjs update. */
  encodeState(): Uint8Array
  /** An awareness update with the states of this relay's own connections, or `null` when there are none. */
  encodeLocalAwareness(): Uint8Array | null
  /**
   * Delivers a private message that another instance accepted (its sender verified there) to this
   * relay's connections that publish the recipient's awareness id. Returns whether any did.
   */
  deliverPrivateMessage(message: PrivateMessage): boolean
}

/** Reachability of something the relay depends on, as `/healthz` reports it. */
export interface DependencyHealth {
  readonly ok: boolean
  /** Why it is not ok, or what it is (e.g. the address), for operators. */
  readonly detail?: string
}

/** What the relay hands an extension when it starts. */
export interface ExtensionContext {
  readonly metrics: RelayMetrics
  readonly logger: Logger
  /**
   * Keeps document `name` in memory whoever is connected, until `release` (it loads now if it is
   * not, and again after a reload); its `onLoadDocument` runs as for any document, and `room`
   * resolves with it once loaded (also when it was loaded already). For extensions that work on
   * documents without connections, such as replication to another relay.
   */
  keepLoaded(name: string): { readonly room: Promise<RoomHandle>; release(): void }
}

/**
 * A relay extension: an object of optional hooks, run in ascending `priority` (default 100).
 * A hook that throws rejects the operation; the error is logged with the extension's name.
 */
export interface RelayExtension {
  readonly name: string
  readonly priority?: number
  /** Called once when the relay is created, before it listens. */
  onConfigure?(context: ExtensionContext): void
  /** Decides whether a WebSocket upgrade is accepted; may set `role`, `userName`, `expiresAt`. */
  onAuthenticate?(context: ConnectionContext): Promise<void> | void
  /** Called after a connection joined its room. */
  onConnect?(context: ConnectionContext): void
  /** Called after a connection left its room. */
  onDisconnect?(context: ConnectionContext, code: number): void
  /**
   * Runs while a document loads, after its stored state is in memory and before any connection is
   * attached. Throwing fails the load: the document's connections are closed with 1011.
   */
  onLoadDocument?(room: RoomHandle): Promise<void> | void
  /** Called after an update from one of this relay's own connections was applied (never for remote updates). */
  onChange?(room: RoomHandle, update: Uint8Array): void
  /** Called after an awareness change from (or the departure of) one of this relay's own connections. */
  onAwarenessUpdate?(room: RoomHandle, update: Uint8Array): void
  /**
   * Called for a private message whose recipient is in the document (in its awareness) but not
   * connected to this relay. Returns true when the extension passed it on to where the recipient
   * is (another instance); the sender is told it was undelivered when no extension did.
   */
  onPrivateMessage?(room: RoomHandle, message: PrivateMessage): boolean
  /** Called when a document starts unloading; no hook runs for it afterwards. */
  onUnloadDocument?(room: RoomHandle): void
  /** Reachability of the extension's own dependencies, reported by `/healthz`. */
  health?(): Record<string, DependencyHealth>
  /** Called when the relay shuts down, after every document was unloaded. */
  onClose?(): Promise<void> | void
}

/** Sorts extensions into the order their hooks run. */
export const orderExtensions = (extensions: readonly RelayExtension[]): RelayExtension[] =>
  [...extensions].sort((a, b) => (a.priority ?? 100) - (b.priority ?? 100))
