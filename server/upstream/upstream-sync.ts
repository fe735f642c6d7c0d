import type { Logger } from 'pino'
import pino from 'pino'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createDocumentDoc } from '../../app/document'
import { publishContinuation, readContinuation, type Continuation } from '../../app/session-continuation'
import type { DependencyHealth, ExtensionContext, RelayExtension, RoomHandle } from '../extension'

/** Where a document of this relay is also kept: a document on another relay. */
export interface UpstreamLink {
  /** `ws://` or `wss://` address of the other relay, without a document name. */
  readonly relayUrl: string
  /** The document's name there. */
  readonly document: string
  /** An access token for it, when that relay asks for one. */
  readonly token?: string
}

/** Transaction origin of this relay's own changes applied to a replica's mirror. */
const localOrigin = Symbol('this relay')

/**
 * One linked document's replica: a stock y-websocket client of the other relay, over a mirror
 * Y.Doc. What the other relay sends is applied to the room (stored and sent to this relay's
 * connections); what the room changes is applied to the mirror, which the provider sends on.
 * Every (re)connection syncs by state vector, so after a partition each side sends exactly what
 * the other lacks, both ways.
 */
class Replica {
  private readonly mirror = createDocumentDoc()
  private readonly provider: WebsocketProvider
  /** When the connection to the other relay was last lost, or `null` while connected. */
  offlineSince: number | null = Date.now()

  constructor(
    readonly room: RoomHandle,
    readonly link: UpstreamLink,
    private readonly logger: Logger,
    WebSocketClass: typeof WebSocket
  ) {
    Y.applyUpdate(this.mirror, room.encodeState(), localOrigin)
    this.provider = new WebsocketProvider(link.relayUrl, link.document, this.mirror, {
      WebSocketPolyfill: WebSocketClass as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: link.token === undefined ? {} : { token: link.token },
      maxBackoffTime: 5000
    })
    this.mirror.on('update', this.fromUpstream)
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') {
        if (this.offlineSince !== null) logger.info({ room: room.name, upstream: this.where }, 'connected to the upstream relay')
        this.offlineSince = null
      } else if (this.offlineSince === null) {
        this.offlineSince = Date.now()
        logger.warn({ room: room.name, upstream: this.where }, 'lost the upstream relay; edits on both sides are exchanged when it is back')
      }
    })
  }

  get where(): string {
    return `${this.link.relayUrl}/${this.link.document}`
  }

  /** Whether the last sync with the other relay completed and the connection is up. */
  get synced(): boolean {
    return this.offlineSince === null && this.provider.synced
  }

  /**
   * Makes the document name the other relay as where its session continues (or, with `null`,
   * stops naming it): guests of a LAN session of this relay move there if it goes away
   * (`app/session-continuation.ts`). Written to the mirror and applied to the room, so it is
   * stored, sent to this relay's connections and on to the other relay.
   */
  publishContinuation(continuation: Continuation | null): void {
    const before = Y.encodeStateVector(this.mirror)
    if (!publishContinuation(this.mirror, continuation, localOrigin)) return
    this.room.applyUpstreamUpdate(Y.encodeStateAsUpdate(this.mirror, before))
  }

  /** The continuation this link stands for: the document on the other relay. */
  get continuation(): Continuation {
    return { relayUrl: this.link.relayUrl, documentName: this.link.document }
  }

  /** Whether the document names this link as where it continues (and not, since, another one). */
  get namesContinuation(): boolean {
    const named = readContinuation(this.mirror)
    return named?.relayUrl === this.link.relayUrl && named.documentName === this.link.document
  }

  /** A change of the room's document (a connection's edit, an import, another instance's): on to the other relay. */
  localChange(update: Uint8Array): void {
    Y.applyUpdate(this.mirror, update, localOrigin)
  }

  destroy(): void {
    this.mirror.off('update', this.fromUpstream)
    this.provider.destroy()
    this.mirror.destroy()
  }

  private readonly fromUpstream = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this.provider) return
    try {
      this.room.applyUpstreamUpdate(update)
    } catch (error) {
      this.logger.error({ room: this.room.name, upstream: this.where, err: error }, 'an update from the upstream relay was refused')
    }
  }
}

export interface UpstreamSyncOptions {
  /** The WebSocket client class; `ws`'s by default (tests pass one with TLS options). */
  readonly WebSocket?: typeof WebSocket
}

/**
 * Relay-to-relay sync: keeps documents of this relay (the desktop app's embedded one) also on
 * another relay (an organisation's hosted one), both ways, as a stock y-websocket client of it.
 * A linked document stays in memory while the link exists, so that its edits travel whether or
 * not anyone has it open here; while the other relay is unreachable both sides keep editing, and
 * the next connection exchanges what each lacks.
 */
export class UpstreamSync implements RelayExtension {
  readonly name = 'upstream-sync'
  private readonly links = new Map<string, UpstreamLink>()
  private readonly pins = new Map<string, { release(): void }>()
  private readonly replicas = new Map<string, Replica>()
  private context: ExtensionContext | null = null
  private logger: Logger = pino({ level: 'silent' })
  private readonly WebSocketClass: typeof WebSocket

  constructor(links: Iterable<[string, UpstreamLink]> = [], options: UpstreamSyncOptions = {}) {
    for (const [name, link] of links) this.links.set(name, checkLink(link))
    this.WebSocketClass = options.WebSocket ?? WebSocket
  }

  onConfigure(context: ExtensionContext): void {
    this.context = context
    this.logger = context.logger
    for (const name of this.links.keys()) this.keep(name)
  }

  /** Keeps `name` also on `link` from now on (replacing an earlier link of it). */
  link(name: string, link: UpstreamLink): void {
    const checked = checkLink(link)
    this.stop(name)
    this.links.set(name, checked)
    if (this.context !== null) this.keep(name)
  }

  /** Keeps `name` in memory, and starts its replica if the document was loaded already (no `onLoadDocument` then). */
  private keep(name: string): void {
    const pin = this.context!.keepLoaded(name)
    this.pins.set(name, pin)
    const link = this.links.get(name)
    pin.room.then(
      (room) => {
        if (this.links.get(name) !== link || this.replicas.get(name)?.room === room || link === undefined) return
        this.replicas.get(name)?.destroy()
        this.startReplica(room, link)
      },
      (error: unknown) => this.logger.error({ room: name, err: error }, 'a linked document could not be loaded; it is tried again')
    )
  }

  /** Stops keeping `name` on another relay; what is there stays there. */
  unlink(name: string): void {
    const replica = this.replicas.get(name)
    if (replica?.namesContinuation === true) replica.publishContinuation(null)
    this.stop(name)
  }

  private stop(name: string): void {
    this.links.delete(name)
    this.replicas.get(name)?.destroy()
    this.replicas.delete(name)
    this.pins.get(name)?.release()
    this.pins.delete(name)
  }

  onLoadDocument(room: RoomHandle): void {
    const link = this.links.get(room.name)
    if (link === undefined) return
    this.replicas.get(room.name)?.destroy()
    this.startReplica(room, link)
  }

  private startReplica(room: RoomHandle, link: UpstreamLink): void {
    const replica = new Replica(room, link, this.logger, this.WebSocketClass)
    this.replicas.set(room.name, replica)
    replica.publishContinuation(replica.continuation)
  }

  onChange(room: RoomHandle, update: Uint8Array): void {
    const replica = this.replicas.get(room.name)
    if (replica?.room === room) replica.localChange(update)
  }

  onUnloadDocument(room: RoomHandle): void {
    const replica = this.replicas.get(room.name)
    if (replica?.room !== room) return
    replica.destroy()
    this.replicas.delete(room.name)
  }

  health(): Record<string, DependencyHealth> {
    if (this.links.size === 0) return {}
    const behind = [...this.replicas.values()].filter((replica) => !replica.synced)
    if (behind.length === 0 && this.replicas.size === this.links.size) {
      return { upstream: { ok: true, detail: `${this.links.size} linked ${this.links.size === 1 ? 'document' : 'documents'} in sync` } }
    }
    const first = behind[0]
    return {
      upstream: {
        ok: false,
        detail:
          first === undefined
            ? 'linked documents are loading'
            : `${behind.length} linked ${behind.length === 1 ? 'document is' : 'documents are'} not in sync; ${first.room.name} → ${first.where}` +
              (first.offlineSince === null ? ' is syncing' : ` unreachable since ${new Date(first.offlineSince).toISOString()}`)
      }
    }
  }

  onClose(): void {
    for (const replica of this.replicas.values()) replica.destroy()
    this.replicas.clear()
  }
}

/** Throws a `RangeError` that says what is wrong with `link`. */
const checkLink = (link: UpstreamLink): UpstreamLink => {
  let url: URL
  try {
    url = new URL(link.relayUrl)
  } catch {
    throw new RangeError(`the upstream relay "${link.relayUrl}" is not a URL; give its address as ws://host:port or wss://host`)
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new RangeError(`the upstream relay "${link.relayUrl}" must be a ws:// or wss:// address, not ${url.protocol}`)
  }
  if (link.document.trim() === '') throw new RangeError('the upstream document name is empty')
  return { ...link, relayUrl: link.relayUrl.replace(/\/+$/, '') }
}
