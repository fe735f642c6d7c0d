import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { ObservableV2 } from 'lib0/observable'
import pino, { type Logger } from 'pino'
import * as Y from 'yjs'
import { WebSocketServer, type WebSocket } from 'ws'
import { documentNameProblem } from '../app/document-name'
import { CloseCode } from '../app/protocol'
import { Connection, type ConnectionPolicy } from './connection'
import {
  orderExtensions,
  RelayRefusal,
  type ConnectionContext,
  type DependencyHealth,
  type RelayExtension,
  type RoomHandle
} from './extension'
import { createHttpHandler, sendText } from './http'
import { IdleMemoryReclaimer } from './idle-memory'
import { ConnectionLimiter, type ConnectionSlot } from './limits/connection-limiter'
import {
  checkRelayLimits,
  defaultRelayLimits,
  limitValues,
  type LimitAction,
  type LimitName,
  type RelayLimits
} from './limits/relay-limits'
import { RelayMetrics } from './metrics'
import { createRoomHooks } from './room-hooks'
import { DocumentApi } from './transfer/document-api'
import { RoomRegistry } from './room-registry'
import { StorageProblems } from './storage-problems'
import type { DocumentStorage } from './storage/document-storage'
import { LevelDbStorage } from './storage/leveldb-storage'
import { MemoryStorage } from './storage/memory-storage'

export interface RelayOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string
  /** Port to listen on; `0` picks a free one. Default 4455. */
  port?: number
  /** LevelDB folder; ignored when `storage` is given. Without both, documents live in memory only. */
  dataDir?: string
  storage?: DocumentStorage
  /** How long an empty room stays in memory; default 30 s. */
  lingerMs?: number
  /** Largest frame accepted; larger ones are refused with 1009. Default 16 MiB. */
  maxFrameBytes?: number
  /** Interval of liveness pings; a peer that missed the previous pong is dropped. Default 30 s. */
  pingIntervalMs?: number
  /** Folder of the built web client served at `/`; `null` serves none. */
  webRoot?: string | null
  /** Largest file `POST /api/docs/NAME/import` accepts; default 10 MiB. */
  maxImportBytes?: number
  /** Limits that keep one client from hurting the others; unset ones take `defaultRelayLimits`. */
  limits?: Partial<RelayLimits>
  /** PEM certificate and key: serve HTTPS and `wss://` instead of HTTP and `ws://`. */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Run in `priority` order; access control (`server/access/`) plugs in here. */
  extensions?: RelayExtension[]
  logger?: Logger
}

export const relayDefaults = {
  host: '127.0.0.1',
  port: 4455,
  lingerMs: 30_000,
  maxFrameBytes: 16 * 1024 * 1024,
  pingIntervalMs: 30_000
} as const

export type RelayEvents = {
  /** A room's stored state finished loading. */
  'room-loaded': (name: string) => void
  /** A room was written and dropped from memory. */
  'room-unloaded': (name: string) => void
  'connection-opened': (context: ConnectionContext) => void
  'connection-closed': (context: ConnectionContext, code: number) => void
}

export interface RelayHealth {
  /** `degraded` when a dependency (storage, Redis) is unreachable; the relay still serves its own clients. */
  status: 'ok' | 'degraded'
  /** Reachability of storage and of what extensions depend on, by name. */
  dependencies: Record<string, DependencyHealth>
  rooms: number
  connections: number
  uptimeSeconds: number
}

/** A running relay. */
export interface Relay extends ObservableV2<RelayEvents> {
  /** `ws://host:port`; clients append `/<document name>`. */
  readonly url: string
  readonly port: number
  readonly metrics: RelayMetrics
  readonly limits: RelayLimits
  health(): RelayHealth
  /** Names of the rooms in memory. */
  roomNames(): string[]
  /** The in-memory state of a room as one update, or `null` when the room is not in memory. */
  documentState(name: string): Uint8Array | null
  /**
   * Serves a TCP connection accepted by another listener (the desktop app's LAN listener) as if it
   * had arrived on the relay's port; hooks see `entry` in its connection context.
   */
  acceptConnection(socket: Socket, entry: string): void
  /** Stops accepting, closes every connection with 1001, flushes storage. */
  close(): Promise<void>
}

/** Starts a relay that speaks the y-websocket protocol; resolves once it listens. */
export const createRelay = async (options: RelayOptions = {}): Promise<Relay> => {
  const storage =
    options.storage ?? (options.dataDir !== undefined ? await LevelDbStorage.open(options.dataDir, { logger: options.logger }) : new MemoryStorage())
  // Node's TLS stack only where it is used (a few MB of an idle relay's memory otherwise).
  const https = options.tls === undefined ? null : await import('node:https')
  const relay = new RelayServer(options, storage, https)
  try {
    await relay.listen(options.host ?? relayDefaults.host, options.port ?? relayDefaults.port)
  } catch (error) {
    // Also lets extensions close what they opened (e.g. Redis connections).
    await relay.close()
    throw error
  }
  return relay
}

class RelayServer extends ObservableV2<RelayEvents> implements Relay {
  readonly metrics: RelayMetrics
  readonly limits: RelayLimits
  private readonly logger: Logger
  private readonly extensions: RelayExtension[]
  private readonly connections = new Set<Connection>()
  private readonly connectionLimiter: ConnectionLimiter
  /** The same for every connection. */
  private readonly connectionPolicy: ConnectionPolicy
  private readonly rooms: RoomRegistry
  private readonly storageProblems: StorageProblems
  private readonly idleMemory: IdleMemoryReclaimer
  private readonly httpServer: Server
  private readonly wss: WebSocketServer
  private readonly startedAt = Date.now()
  private readonly entries = new WeakMap<Socket, string>()
  private closing: Promise<void> | undefined
  url = ''
  port = 0

  constructor(
    private readonly options: RelayOptions,
    private readonly storage: DocumentStorage,
    https: typeof import('node:https') | null
  ) {
    super()
    this.logger = options.logger ?? pino({ level: 'silent' })
    this.extensions = orderExtensions(options.extensions ?? [])
    this.limits = { ...defaultRelayLimits, ...options.limits }
    checkRelayLimits(this.limits)
    this.connectionLimiter = new ConnectionLimiter(this.limits)
    this.connectionPolicy = {
      messagesPerSecond: this.limits.messagesPerSecond,
      messageBurst: this.limits.messageBurst,
      maxBufferedBytes: this.limits.maxBufferedBytes,
      pingIntervalMs: options.pingIntervalMs ?? relayDefaults.pingIntervalMs,
      onLimit: (limit, connection, details) =>
        this.limitBit(
          limit,
          'closed',
          { room: connection.context.documentName, remote: connection.context.remoteAddress, ...details },
          'closed a connection'
        )
    }
    this.metrics = new RelayMetrics({
      connections: () => this.connections.size,
      rooms: () => this.rooms.size,
      bufferedBytes: () => {
        let total = 0
        for (const connection of this.connections) total += connection.bufferedBytes
        return total
      },
      limits: limitValues(this.limits)
    })
    this.storageProblems = new StorageProblems(this.logger)
    this.rooms = new RoomRegistry(
      {
        storage,
        metrics: this.metrics,
        logger: this.logger,
        hooks: createRoomHooks(this.extensions, this.metrics, this.logger),
        problems: this.storageProblems
      },
      {
        lingerMs: options.lingerMs ?? relayDefaults.lingerMs,
        maxRooms: this.limits.maxRooms,
        onEvicted: (name) => this.limitBit('max-rooms', 'evicted', { room: name }, 'dropped an empty document early'),
        onLoaded: (name) => this.emit('room-loaded', [name]),
        onUnloaded: (name) => {
          this.logger.debug({ room: name }, 'room unloaded')
          this.emit('room-unloaded', [name])
          this.idleMemory.check()
        }
      }
    )
    const keepLoaded = (name: string): { room: Promise<RoomHandle>; release(): void } => {
      const room = this.rooms.pin(name)
      return { room: room.loaded.then(() => room), release: () => this.rooms.unpin(name) }
    }
    for (const extension of this.extensions) extension.onConfigure?.({ metrics: this.metrics, logger: this.logger, keepLoaded })
    this.idleMemory = new IdleMemoryReclaimer(() => this.rooms.size === 0 && this.connections.size === 0, this.logger)
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes ?? relayDefaults.maxFrameBytes,
      perMessageDeflate: false
    })
    const handleHttp = createHttpHandler({
      health: () => ({ ...this.health() }),
      metrics: this.metrics.registry,
      webRoot: options.webRoot ?? null,
      documents: new DocumentApi({
        authenticate: (context, options) => this.authenticate(context, options),
        rooms: this.rooms,
        storage,
        entryOf: (socket) => this.entries.get(socket),
        closing: () => this.closing !== undefined,
        logger: this.logger,
        maxImportBytes: options.maxImportBytes
      })
    })
    const onRequest: RequestListener = (request, response) => {
      handleHttp(request, response).catch((error: unknown) => {
        this.logger.error({ err: error, url: redactUrl(request.url) }, 'HTTP request failed')
        if (!response.headersSent) sendText(response, 500, 'Internal error; see the relay log.')
        else response.destroy()
      })
    }
    this.httpServer = options.tls === undefined || https === null ? createServer(onRequest) : https.createServer(options.tls, onRequest)
    this.httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', destroySocket)
      const slot = this.connectionLimiter.take(request.socket.remoteAddress ?? 'unknown')
      if (typeof slot === 'string') {
        this.limitBit(slot, 'refused', { remote: request.socket.remoteAddress }, 'refused a connection')
        const status = slot === 'max-connections' ? 503 : 429
        return refuseUpgrade(socket, status, `too many connections${status === 429 ? ' from your address' : ''}; try again later`)
      }
      this.upgrade(request, socket, head, slot).catch((error: unknown) => {
        slot.release()
        this.logger.error({ err: error, url: redactUrl(request.url) }, 'WebSocket upgrade failed')
        refuseUpgrade(socket, 500, 'internal error')
      })
    })
  }

  listen(host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.httpServer.once('error', reject)
      this.httpServer.listen(port, host, () => {
        this.httpServer.off('error', reject)
        const address = this.httpServer.address() as AddressInfo
        this.port = address.port
        this.url = `${this.options.tls === undefined ? 'ws' : 'wss'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
        resolve()
      })
    })
  }

  health(): RelayHealth {
    const dependencies: Record<string, DependencyHealth> = { ...this.storage.health?.(), ...this.storageProblems.health() }
    for (const extension of this.extensions) Object.assign(dependencies, extension.health?.())
    return {
      status: Object.values(dependencies).every((dependency) => dependency.ok) ? 'ok' : 'degraded',
      dependencies,
      rooms: this.rooms.size,
      connections: this.connections.size,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000)
    }
  }

  roomNames(): string[] {
    return this.rooms.names()
  }

  documentState(name: string): Uint8Array | null {
    const room = this.rooms.get(name)
    return room === undefined ? null : Y.encodeStateAsUpdate(room.doc)
  }

  acceptConnection(socket: Socket, entry: string): void {
    if (this.closing !== undefined) {
      socket.destroy()
      return
    }
    this.entries.set(socket, entry)
    // Node's documented way to hand an HTTP server a connection it did not accept itself.
    this.httpServer.emit('connection', socket)
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  private async shutdown(): Promise<void> {
    this.idleMemory.dispose()
    const stoppedListening = new Promise<void>((resolve) => this.httpServer.close(() => resolve()))
    await this.rooms.closeAll(CloseCode.goingAway, 'relay going away')
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'relay going away')
    this.httpServer.closeAllConnections()
    await stoppedListening
    for (const extension of this.extensions) {
      await this.runHook(extension, 'onClose', () => extension.onClose?.())
    }
    await this.storage.flush()
    await this.storage.close()
  }

  /** Decides on an upgrade; `slot` is released here unless the connection is accepted. */
  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, slot: ConnectionSlot): Promise<void> {
    const refuse = (status: number, message: string): void => {
      slot.release()
      refuseUpgrade(socket, status, message)
    }
    if (this.closing !== undefined) return refuse(503, 'the relay is shutting down')
    const url = new URL(request.url ?? '/', 'http://relay.invalid')
    let documentName: string
    try {
      documentName = decodeURIComponent(url.pathname.slice(1))
    } catch {
      return refuse(400, `the document name in ${url.pathname} is not valid URL encoding`)
    }
    const problem = documentNameProblem(documentName)
    if (problem !== null) return refuse(400, problem)
    const context: ConnectionContext = {
      documentName,
      params: url.searchParams,
      headers: request.headers,
      remoteAddress: request.socket.remoteAddress ?? 'unknown',
      entry: this.entries.get(request.socket as Socket),
      role: 'edit'
    }
    const refusal = await this.authenticate(context)
    if (refusal !== null) return refuse(refusal.status, refusal.message)
    if (socket.destroyed) return slot.release()
    if (this.closing !== undefined) return refuse(503, 'the relay is shutting down')
    // No await from here to `accept`: the room made here is the one acquired there.
    if (!this.rooms.makeRoomFor(documentName)) {
      this.limitBit('max-rooms', 'refused', { room: documentName }, 'refused a connection: every document in memory is in use')
      return refuse(503, 'the relay holds as many documents as it may, all in use; try again later')
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, context, slot))
  }

  /**
   * Runs every `onAuthenticate` hook in order, for a WebSocket upgrade or an HTTP API request;
   * resolves with the first refusal, or `null` when every hook accepted. A `quiet` run neither
   * logs nor counts a refusal.
   */
  private async authenticate(context: ConnectionContext, options: { readonly quiet?: boolean } = {}): Promise<RelayRefusal | null> {
    for (const extension of this.extensions) {
      if (extension.onAuthenticate === undefined) continue
      try {
        await extension.onAuthenticate(context)
      } catch (error) {
        if (error instanceof RelayRefusal) {
          // A quiet check (the document list asks for each stored document) is no refused connection.
          if (options.quiet === true) return error
          this.metrics.countError(`refused-${error.status}`)
          this.logger.info(
            { room: context.documentName, remote: context.remoteAddress, status: error.status, extension: extension.name },
            `connection refused: ${error.message}`
          )
          return error
        }
        throw new Error(`extension ${extension.name} failed in onAuthenticate`, { cause: error })
      }
    }
    return null
  }

  private accept(socket: WebSocket, context: ConnectionContext, slot: ConnectionSlot): void {
    const room = this.rooms.acquire(context.documentName)
    const connection = new Connection(socket, context, room, this.metrics, this.logger, this.connectionPolicy, (closed, code) => {
      slot.release()
      this.connections.delete(closed)
      for (const extension of this.extensions) {
        void this.runHook(extension, 'onDisconnect', () => extension.onDisconnect?.(context, code))
      }
      this.emit('connection-closed', [context, code])
    })
    this.connections.add(connection)
    for (const extension of this.extensions) {
      void this.runHook(extension, 'onConnect', () => extension.onConnect?.(context))
    }
    this.emit('connection-opened', [context])
  }

  /** Counts and logs a limit that bit. */
  private limitBit(limit: LimitName, action: LimitAction, details: Record<string, unknown>, what: string): void {
    this.metrics.countLimitHit(limit, action)
    const value = limitValues(this.limits)[limit]
    this.logger.warn({ limit, value, action, ...details }, `limit ${limit} (${value}) reached: ${what}`)
  }

  private async runHook(extension: RelayExtension, hook: string, run: () => unknown): Promise<void> {
    try {
      await run()
    } catch (error) {
      this.metrics.countError('extension')
      this.logger.error({ err: error, extension: extension.name, hook }, `extension ${extension.name} failed in ${hook}`)
    }
  }
}

/** The request URL for logs, with the access token (a credential) replaced by `REDACTED`. */
export const redactUrl = (url: string | undefined): string | undefined =>
  url?.replace(/([?&]token=)[^&#]*/g, '$1REDACTED')

/**
 * The upgrading socket's error listener. It stays for the socket's life, so it is a plain function:
 * an arrow made in the upgrade handler would share that scope and keep its request alive with it.
 */
function destroySocket(this: Duplex): void {
  this.destroy()
}

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
const refuseUpgrade = (socket: Duplex, status: number, message: string): void => {
  if (socket.destroyed) return
  const body = `${message}\n`
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  )
}
