import type { Socket } from 'node:net'
import type { Logger } from 'pino'
import WebSocket from 'ws'
import { CloseCode, storedAcksParam } from '../app/protocol'
import { encodeStoredAck } from '../app/storage-status'
import type { ConnectionContext } from './extension'
import { TokenBucket } from './limits/token-bucket'
import type { LimitName } from './limits/relay-limits'
import { messageTypeLabel, parseClientMessage, ProtocolError } from './messages'
import type { RelayMetrics } from './metrics'
import { flushAfterThisTurn, type Flushable } from './outbox'
import type { Room, RoomMember } from './room'
import { underlyingSocket, WireFrame } from './wire-frame'

/** Frames a connection may send before its room has loaded; more is a misbehaving client. */
const maxFramesBeforeLoad = 1000
/** How long a slow consumer gets to read its close frame before its socket is destroyed. */
const slowConsumerGraceMs = 5000
/** `setTimeout` cannot wait longer than this; longer expiries are re-armed. */
const maxTimerMs = 2 ** 31 - 1

/** The per-connection limits and where to report them when they bite. */
export interface ConnectionPolicy {
  readonly messagesPerSecond: number
  readonly messageBurst: number
  readonly maxBufferedBytes: number
  /** How often the peer is pinged; one that has not answered the previous ping by then is dropped. */
  readonly pingIntervalMs: number
  /** Called when a limit closes the connection, before it closes. */
  readonly onLimit: (limit: LimitName, connection: Connection, details: Record<string, unknown>) => void
}

/**
 * One WebSocket: decodes its frames inside an error boundary of their own, hands valid messages to
 * its room, and closes only itself when something is wrong with what it sent.
 */
export class Connection implements RoomMember, Flushable {
  /** Cleared by each ping, set again by the pong. */
  private alive = true
  /**
   * Each connection pings on its own timer, counted from when it opened, as the reference relay
   * does: one sweep over every connection at once stalled a relay holding 10,000 of them for
   * 250 ms every interval, which every update arriving meanwhile waited out.
   */
  private readonly heartbeat: NodeJS.Timeout
  private waiting: Uint8Array[] | null = []
  private closed = false
  private readonly messageBudget: TokenBucket
  private expiryTimer: NodeJS.Timeout | undefined
  /** Whether a frame went out at once in this event-loop turn; later ones queue in `outbox`. */
  private wroteThisTurn = false
  /** Frames queued in this turn after its first, written together by `flush` at the turn's end. */
  private outbox: WireFrame[] = []
  private outboxBytes = 0
  /** Where pre-framed messages are written; `null` sends through `ws`. */
  private readonly wire: Socket | null

  constructor(
    private readonly socket: WebSocket,
    readonly context: ConnectionContext,
    private readonly room: Room,
    private readonly metrics: RelayMetrics,
    private readonly logger: Logger,
    private readonly policy: ConnectionPolicy,
    private readonly onClosed: (connection: Connection, code: number) => void
  ) {
    this.messageBudget = new TokenBucket(policy.messagesPerSecond, policy.messageBurst)
    socket.binaryType = 'nodebuffer'
    this.wire = underlyingSocket(socket)
    socket.on('message', this.onMessage)
    socket.on('pong', () => {
      this.alive = true
    })
    socket.on('error', (error) => {
      this.metrics.countError('socket')
      this.logger.debug({ room: context.documentName, err: error }, 'socket error')
    })
    socket.on('close', (code) => this.finish(code))
    if (context.expiresAt !== undefined) this.scheduleExpiry(context.expiresAt)
    this.heartbeat = setInterval(() => this.checkLiveness(), policy.pingIntervalMs)
    this.heartbeat.unref()
    room.loaded.then(
      () => this.join(),
      (error: unknown) => {
        this.metrics.countError('storage-read')
        this.logger.error({ room: context.documentName, err: error }, 'document could not be loaded')
        this.close(CloseCode.internalError, 'the document could not be loaded; try again later')
      }
    )
  }

  get wantsStoredAcks(): boolean {
    return this.context.params.get(storedAcksParam) === '1'
  }

  acknowledgeStored(count: number): void {
    const frame = new WireFrame(encodeStoredAck(count))
    this.send(frame)
    this.metrics.countSent('stored-ack', 1, frame.byteLength)
  }

  /** Bytes queued for this connection and not yet written to the network. */
  get bufferedBytes(): number {
    return this.socket.bufferedAmount + this.outboxBytes
  }

  /**
   * Queues a frame. A peer that does not read fast enough would make the queue, and relay memory,
   * grow without end; past the limit it is closed with 1013 and resyncs when it reconnects.
   */
  send(frame: WireFrame): void {
    if (this.socket.readyState !== WebSocket.OPEN) return
    const buffered = this.bufferedBytes
    if (buffered > this.policy.maxBufferedBytes) {
      this.policy.onLimit('max-buffered-bytes', this, { bufferedBytes: buffered })
      this.close(CloseCode.tryAgainLater, 'you are not reading fast enough; reconnect to resync')
      // The close frame waits behind everything unread; do not hold that memory for long.
      setTimeout(() => this.socket.terminate(), slowConsumerGraceMs).unref()
      return
    }
    if (this.wire !== null && !this.wroteThisTurn) {
      // The turn's first frame leaves at once, as the reference relay sends everything: waiting for
      // the turn's end would hold it behind every other message the turn has still to read.
      this.wroteThisTurn = true
      this.wire.write(frame.bytes)
      flushAfterThisTurn(this)
      return
    }
    this.outbox.push(frame)
    this.outboxBytes += frame.byteLength
    // After a frame written at once, the flush at the turn's end is already due.
    if (!this.wroteThisTurn && this.outbox.length === 1) flushAfterThisTurn(this)
  }

  /** Ends this connection's turn: writes the frames queued since its first, several in one `writev`. */
  flush(): void {
    this.wroteThisTurn = false
    const frames = this.outbox
    this.dropOutbox()
    if (frames.length === 0 || this.socket.readyState !== WebSocket.OPEN) return
    const wire = this.wire
    if (wire === null) {
      for (const frame of frames) this.socket.send(frame.payload)
    } else if (frames.length === 1) {
      wire.write(frames[0]!.bytes)
    } else {
      wire.cork()
      for (const frame of frames) wire.write(frame.bytes)
      wire.uncork()
    }
  }

  close(code: number, reason: string): void {
    // Frames queued before the close must not follow the close frame.
    if (code !== CloseCode.tryAgainLater) this.flush()
    else this.dropOutbox()
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, truncateReason(reason))
    }
    this.finish(code)
  }

  private dropOutbox(): void {
    if (this.outbox.length === 0) return
    this.outbox = []
    this.outboxBytes = 0
  }

  /** Drops a peer that did not answer the last ping, and pings one that did. */
  private checkLiveness(): void {
    if (this.alive) {
      this.alive = false
      this.socket.ping()
      return
    }
    this.logger.info({ room: this.context.documentName }, 'dropping a peer that missed its pong')
    this.dropOutbox()
    this.socket.terminate()
    this.finish(CloseCode.goingAway)
  }

  private join(): void {
    if (this.closed) return
    this.room.attach(this)
    const waiting = this.waiting ?? []
    this.waiting = null
    for (const frame of waiting) {
      if (this.closed) return
      this.handle(frame)
    }
  }

  private readonly onMessage = (data: WebSocket.RawData, isBinary: boolean): void => {
    if (this.closed) return
    if (!isBinary || !Buffer.isBuffer(data)) {
      this.reject(
        new ProtocolError('text frames are not part of the y-websocket protocol', CloseCode.unsupportedData, 'text-frame')
      )
      return
    }
    if (!this.messageBudget.take()) {
      this.policy.onLimit('message-rate', this, {})
      this.close(CloseCode.policyViolation, 'too many messages; slow down and reconnect')
      return
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (this.waiting !== null) {
      if (this.waiting.length >= maxFramesBeforeLoad) {
        this.reject(new ProtocolError('too many frames before the document loaded', CloseCode.tryAgainLater, 'flood'))
      } else this.waiting.push(frame)
      return
    }
    this.handle(frame)
  }

  private handle(frame: Uint8Array): void {
    this.metrics.countReceived(messageTypeLabel(frame[0] ?? -1), frame.length)
    let message
    try {
      message = parseClientMessage(frame)
    } catch (error) {
      if (error instanceof ProtocolError) this.reject(error)
      else this.fail(error)
      return
    }
    try {
      this.room.receive(this, message)
    } catch (error) {
      this.fail(error)
    }
  }

  private reject(error: ProtocolError): void {
    this.metrics.countError(error.kind)
    this.logger.warn(
      { room: this.context.documentName, remote: this.context.remoteAddress, code: error.closeCode },
      `closing a connection that sent a bad frame: ${error.message}`
    )
    this.close(error.closeCode, error.message)
  }

  private fail(error: unknown): void {
    this.metrics.countError('internal')
    this.logger.error({ room: this.context.documentName, err: error }, 'failed to handle a message')
    this.close(CloseCode.internalError, 'internal error')
  }

  /** Closes the connection with 4401 once its access expires (an access token's `exp`). */
  private scheduleExpiry(expiresAt: number): void {
    const delay = Math.min(Math.max(expiresAt - Date.now(), 0), maxTimerMs)
    this.expiryTimer = setTimeout(() => {
      if (Date.now() < expiresAt) return this.scheduleExpiry(expiresAt)
      this.logger.info({ room: this.context.documentName, remote: this.context.remoteAddress }, 'access expired; closing with 4401')
      this.close(CloseCode.notAuthenticated, 'your access expired; ask for a new link')
    }, delay)
    this.expiryTimer.unref()
  }

  private finish(code: number): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.expiryTimer)
    clearInterval(this.heartbeat)
    this.waiting = null
    this.room.detach(this)
    this.onClosed(this, code)
  }
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
const truncateReason = (reason: string): string => {
  const bytes = Buffer.from(reason)
  return bytes.length <= 123 ? reason : bytes.subarray(0, 120).toString('utf8').replace(/\uFFFD$/, '') + '...'
}
