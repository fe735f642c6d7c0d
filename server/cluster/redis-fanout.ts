import { randomBytes } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import * as decoding from 'lib0/decoding'
import pino, { type Logger } from 'pino'
import { encodePrivateMessage, PrivateMessageFormatError, readPrivateMessageFrame, type PrivateMessage } from '../../app/private-message'
import { messagePrivate } from '../../app/protocol'
import type { DependencyHealth, ExtensionContext, RelayExtension, RoomHandle } from '../extension'
import { ProtocolError } from '../messages'
import { decodeFanoutMessage, encodeFanoutMessage, FanoutMessageError, type FanoutKind, type FanoutMessage } from './fanout-message'

export interface RedisFanoutOptions {
  /** `redis://[user:password@]host:port[/db]`. */
  readonly url: string
  /** Names this instance in logs, metrics and Redis client names. */
  readonly instanceId: string
  /** Prefix of every channel and key; lets several clusters share one Redis. Default `ensemble:`. */
  readonly keyPrefix?: string
  /** Updates kept in each document's stream of recent updates (approximately). Default 1000. */
  readonly streamLength?: number
  /** A document's stream is dropped this long after its last update. Default one hour. */
  readonly streamTtlMs?: number
}

/** One document this instance holds in memory, and where its Redis subscription stands. */
interface DocumentLink {
  readonly room: RoomHandle
  /** Messages that arrived while catching up; applied after it. `null` when live. */
  buffer: FanoutMessage[] | null
  /** The catch-up in progress, if any. */
  catchingUp: Promise<void> | null
}

type Counts = Record<FanoutKind, { messages: number; bytes: number }>
const zeroCounts = (): Counts => ({
  update: { messages: 0, bytes: 0 },
  awareness: { messages: 0, bytes: 0 },
  'query-awareness': { messages: 0, bytes: 0 },
  'private-message': { messages: 0, bytes: 0 }
})
const retryCatchUpMs = 1000

/**
 * Scale-out through Redis. While this instance holds a document in memory it subscribes to the
 * document's channel; it publishes each update and awareness change of its own clients (tagged with
 * this process's origin, so nothing loops back) and applies what other instances publish. Updates
 * also go to a short per-document stream, so an instance that (re)subscribes catches up from
 * storage plus that stream and misses nothing published meanwhile. When Redis is lost the relay keeps
 * serving its own clients; when it returns, every document catches up again and each one changed
 * meanwhile is published whole, so the other instances get what they missed.
 */
export class RedisFanout implements RelayExtension {
  readonly name = 'redis-fanout'
  /** This process's origin tag: the instance id plus a per-process nonce, so a restarted instance is a new origin. */
  readonly origin: string
  private readonly prefix: string
  private readonly streamLength: number
  private readonly streamTtlMs: number
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly links = new Map<string, DocumentLink>()
  /** Documents whose local changes could not be published; published whole once Redis is back. */
  private readonly unpublished = new Set<string>()
  /**
   * The state of documents unloaded with unpublished changes. Instances that never lost Redis (only
   * this one was cut off) hold no reason to re-read storage, so these are published when it returns.
   */
  private readonly unpublishedStates = new Map<string, Uint8Array>()
  /** Documents whose whole state will be published shortly because a publish failed while Redis stayed up. */
  private readonly republishSoon = new Set<string>()
  private readonly published = zeroCounts()
  private readonly received = zeroCounts()
  private resyncs = 0
  private wasUp = false
  private lastError = 'not connected yet'
  private logger: Logger = pino({ level: 'silent' })
  private metrics: ExtensionContext['metrics'] | undefined
  private closed = false

  constructor(private readonly options: RedisFanoutOptions) {
    this.origin = `${options.instanceId}/${randomBytes(4).toString('hex')}`
    this.prefix = options.keyPrefix ?? 'ensemble:'
    this.streamLength = options.streamLength ?? 1000
    this.streamTtlMs = options.streamTtlMs ?? 3_600_000
    const common: RedisOptions = {
      // Fail commands at once while disconnected: local clients must never wait for Redis.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      autoResubscribe: false,
      connectTimeout: 2000,
      // A Redis that accepts connections but does not answer must not hold up loading a document.
      commandTimeout: 2000,
      retryStrategy: (attempt) => Math.min(100 * attempt, 1000)
    }
    this.publisher = new Redis(options.url, { ...common, connectionName: `ensemble:${options.instanceId}:pub` })
    this.subscriber = new Redis(options.url, { ...common, connectionName: `ensemble:${options.instanceId}:sub` })
    for (const client of [this.publisher, this.subscriber]) {
      client.on('ready', () => this.onConnectionChange())
      client.on('close', () => this.onConnectionChange())
      client.on('error', (error: Error) => {
        this.lastError = error.message || error.name
      })
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel, message))
  }

  /** True while both Redis connections are ready. */
  get up(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  onConfigure({ metrics, logger }: ExtensionContext): void {
    this.logger = logger.child({ extension: this.name })
    const byKind = (counts: Counts, field: 'messages' | 'bytes') => (): [Record<string, string>, number][] =>
      Object.entries(counts).map(([kind, count]) => [{ kind }, count[field]])
    metrics.counterFrom('ensemble_cluster_messages_published_total', 'Fan-out messages published to other instances, by kind', ['kind'], byKind(this.published, 'messages'))
    metrics.counterFrom('ensemble_cluster_bytes_published_total', 'Fan-out bytes published to other instances, by kind', ['kind'], byKind(this.published, 'bytes'))
    metrics.counterFrom('ensemble_cluster_messages_received_total', 'Fan-out messages received from other instances, by kind', ['kind'], byKind(this.received, 'messages'))
    metrics.counterFrom('ensemble_cluster_bytes_received_total', 'Fan-out bytes received from other instances, by kind', ['kind'], byKind(this.received, 'bytes'))
    metrics.counterFrom('ensemble_cluster_resyncs_total', 'Times the documents in memory caught up after Redis was lost', [], () => [[{}, this.resyncs]])
    metrics.gaugeFrom('ensemble_cluster_redis_up', '1 while both Redis connections are ready', () => (this.up ? 1 : 0))
    this.metrics = metrics
  }

  async onLoadDocument(room: RoomHandle): Promise<void> {
    const link: DocumentLink = { room, buffer: [], catchingUp: null }
    this.links.set(room.name, link)
    // The room has just read storage: subscribing and reading the stream is enough.
    if (this.up) await this.catchUp(link, false)
  }

  onChange(room: RoomHandle, update: Uint8Array): void {
    this.publish(room.name, 'update', update)
  }

  onAwarenessUpdate(room: RoomHandle, update: Uint8Array): void {
    if (this.up) this.publish(room.name, 'awareness', update)
  }

  /** Publishes a private message for a recipient on another instance; only the instance holding its connection delivers it. */
  onPrivateMessage(room: RoomHandle, message: PrivateMessage): boolean {
    if (!this.up) return false
    this.publishRaw(room.name, 'private-message', encodePrivateMessage(message))
    return true
  }

  onUnloadDocument(room: RoomHandle): void {
    if (this.links.get(room.name)?.room !== room) return
    this.links.delete(room.name)
    if (this.unpublished.delete(room.name)) this.unpublishedStates.set(room.name, room.encodeState())
    if (this.up) {
      this.subscriber.unsubscribe(this.channel(room.name)).catch((error: unknown) => {
        this.logger.warn({ room: room.name, err: error }, 'could not unsubscribe; messages for it will be ignored')
      })
    }
  }

  health(): Record<string, DependencyHealth> {
    const where = describeRedis(this.options.url)
    return { redis: this.up ? { ok: true, detail: where } : { ok: false, detail: `${where}: ${this.lastError}` } }
  }

  async onClose(): Promise<void> {
    this.closed = true
    await Promise.all(
      [this.publisher, this.subscriber].map((client) =>
        client.status === 'ready' ? client.quit().then(() => undefined, () => client.disconnect()) : client.disconnect()
      )
    )
  }

  private channel(name: string): string {
    return `${this.prefix}doc:${name}`
  }

  private streamKey(name: string): string {
    return `${this.prefix}log:${name}`
  }

  /**
   * Subscribes (buffering what arrives), optionally re-reads storage, applies the document's recent
   * stream, then the buffer. Anything published before the subscription is in the stream; anything
   * after arrives on the channel; applying both twice is harmless in Yjs.
   */
  private catchUp(link: DocumentLink, fromStorage: boolean): Promise<void> {
    if (link.catchingUp !== null) return link.catchingUp.then(() => this.catchUp(link, fromStorage))
    link.buffer ??= []
    const name = link.room.name
    const run = async (): Promise<void> => {
      try {
        await this.subscriber.subscribe(this.channel(name))
        if (this.links.get(name) !== link) {
          // Unloaded meanwhile: drop the subscription unless a new incarnation of the document holds it.
          if (!this.links.has(name)) await this.subscriber.unsubscribe(this.channel(name))
          return
        }
        if (fromStorage) await link.room.applyStoredState()
        const entries = await this.publisher.xrangeBuffer(this.streamKey(name), '-', '+')
        for (const [, fields] of entries) {
          const bytes = fields[1]
          if (bytes !== undefined) this.apply(link, bytes, false)
        }
        const buffered = link.buffer ?? []
        link.buffer = null
        for (const message of buffered) this.handle(link, message)
        this.publishRaw(name, 'query-awareness', new Uint8Array(0))
      } catch (error) {
        this.logger.warn({ room: name, err: error }, 'could not catch up with the other instances; will retry')
        if (this.up) setTimeout(() => this.links.get(name) === link && void this.catchUp(link, true), retryCatchUpMs).unref()
      }
    }
    link.catchingUp = run().finally(() => {
      link.catchingUp = null
    })
    return link.catchingUp
  }

  /** Redis came back or went away. */
  private onConnectionChange(): void {
    if (this.closed) return
    const up = this.up
    if (up === this.wasUp) return
    this.wasUp = up
    if (!up) {
      this.logger.warn({ error: this.lastError }, 'lost Redis: serving this instance\'s clients only until it returns')
      return
    }
    this.logger.info({ rooms: this.links.size }, 'Redis is reachable: catching up every document in memory')
    void this.resyncAll()
  }

  private async resyncAll(): Promise<void> {
    this.resyncs++
    await Promise.all([...this.links.values()].map((link) => this.catchUp(link, true)))
    for (const name of [...this.unpublished]) {
      const link = this.links.get(name)
      this.unpublished.delete(name)
      if (link !== undefined) this.publish(name, 'update', link.room.encodeState())
    }
    for (const [name, state] of [...this.unpublishedStates]) {
      this.unpublishedStates.delete(name)
      this.publish(name, 'update', state)
    }
    for (const link of this.links.values()) {
      const awareness = link.room.encodeLocalAwareness()
      if (awareness !== null) this.publish(link.room.name, 'awareness', awareness)
    }
  }

  private publish(name: string, kind: FanoutKind, payload: Uint8Array): void {
    if (!this.up) {
      if (kind === 'update') this.unpublished.add(name)
      return
    }
    this.publishRaw(name, kind, payload)
  }

  /** Publishes now; `retry` false marks a retry itself, which is not retried again while Redis stays up. */
  private publishRaw(name: string, kind: FanoutKind, payload: Uint8Array, retry = true): void {
    const message = Buffer.from(encodeFanoutMessage({ origin: this.origin, kind, payload }))
    const pipeline = this.publisher.pipeline()
    if (kind === 'update') {
      const key = this.streamKey(name)
      pipeline.xadd(key, 'MAXLEN', '~', this.streamLength, '*', 'm', message).pexpire(key, this.streamTtlMs)
    }
    pipeline.publish(this.channel(name), message)
    const count = this.published[kind]
    count.messages++
    count.bytes += message.length
    pipeline.exec().then(
      (results) => {
        const failed = results?.find(([error]) => error !== null)?.[0]
        if (failed) this.publishFailed(name, kind, failed, retry)
      },
      (error: unknown) => this.publishFailed(name, kind, error, retry)
    )
  }

  private publishFailed(name: string, kind: FanoutKind, error: unknown, retry: boolean): void {
    this.metrics?.countError('cluster-publish')
    // Awareness is published again when Redis returns and renewed by clients; a private message
    // published while Redis fails is lost (its sender is not told).
    if (kind !== 'update') return
    if (!this.up || !retry) {
      this.unpublished.add(name) // published whole by resyncAll() when Redis next returns
      if (!retry) this.logger.error({ room: name, err: error }, 'Redis refused this document twice; other instances may miss updates until Redis reconnects')
      return
    }
    // Still up (e.g. a command timed out on a busy Redis): publish the whole document shortly, once
    // however many publishes failed meanwhile, so a struggling Redis is not flooded.
    if (this.republishSoon.has(name)) return
    this.republishSoon.add(name)
    this.logger.warn({ room: name, err: error }, 'could not publish an update; publishing the whole document in a second')
    setTimeout(() => {
      this.republishSoon.delete(name)
      const link = this.links.get(name)
      if (link !== undefined && this.up) this.publishRaw(name, 'update', link.room.encodeState(), false)
      else if (link !== undefined) this.unpublished.add(name)
    }, retryCatchUpMs).unref()
  }


  private onMessage(channel: Buffer, bytes: Buffer): void {
    const name = channel.toString().slice(`${this.prefix}doc:`.length)
    const link = this.links.get(name)
    if (link !== undefined) this.apply(link, bytes, true)
  }

  /** Decodes a message from Redis and hands it on; a malformed one is logged, counted and dropped. */
  private apply(link: DocumentLink, bytes: Uint8Array, live: boolean): void {
    let message: FanoutMessage
    try {
      message = decodeFanoutMessage(bytes)
    } catch (error) {
      this.rejected(link, error, bytes.length)
      return
    }
    if (live && message.origin === this.origin) return
    const count = this.received[message.kind]
    count.messages++
    count.bytes += bytes.length
    if (live && link.buffer !== null) link.buffer.push(message)
    else this.handle(link, message)
  }

  private handle(link: DocumentLink, message: FanoutMessage): void {
    try {
      switch (message.kind) {
        case 'update':
          link.room.applyRemoteUpdate(message.payload)
          break
        case 'awareness':
          link.room.applyRemoteAwareness(message.payload)
          break
        case 'private-message': {
          const decoder = decoding.createDecoder(message.payload)
          const type = decoding.readVarUint(decoder)
          const frame = readPrivateMessageFrame(decoder)
          if (type !== messagePrivate || frame.kind !== 'send') throw new FanoutMessageError('a private-message fan-out message that holds no private message')
          link.room.deliverPrivateMessage(frame.message)
          break
        }
        case 'query-awareness': {
          if (message.origin === this.origin) break
          const awareness = link.room.encodeLocalAwareness()
          if (awareness !== null) this.publish(link.room.name, 'awareness', awareness)
          break
        }
      }
    } catch (error) {
      this.rejected(link, error, message.payload.length, message.origin)
    }
  }

  private rejected(link: DocumentLink, error: unknown, bytes: number, origin?: string): void {
    if (error instanceof FanoutMessageError || error instanceof ProtocolError || error instanceof PrivateMessageFormatError) {
      this.metrics?.countError('cluster-malformed')
      this.logger.warn({ room: link.room.name, origin, bytes, err: error }, `dropped a malformed message from Redis: ${error.message}`)
    } else {
      this.metrics?.countError('cluster-apply')
      this.logger.error({ room: link.room.name, origin, err: error }, 'failed to apply a message from another instance')
    }
  }
}

/** `host:port` of a Redis URL, without credentials. */
export const describeRedis = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '6379'}`
  } catch {
    return 'the configured Redis (the URL does not parse)'
  }
}
