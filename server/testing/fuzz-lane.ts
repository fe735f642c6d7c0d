/**
 * Test support: one fuzz lane, a raw connection that sends hostile frames to a room and learns, for
 * each frame, whether the relay accepted it or closed the connection because of it. Imported by
 * tests only.
 *
 * After each frame the lane sends a WebSocket ping. The relay handles a joined connection's frames
 * synchronously and in order, and stops answering pings once it has closed the connection, so a
 * pong proves the frame before it was accepted, and a close after `n` pongs names frame `n + 1`.
 */
import WebSocket from 'ws'
import type { FuzzFrame, FuzzFrameSource, FuzzKind } from './fuzz-frames'

/** Close codes a frame may earn; 1011 reaches bystanders when a room reloads. */
export const rejectionCodes = [1002, 1003, 1007, 1009] as const

export interface LaneStats {
  /** Frames whose fate is known: accepted (pong) or rejected (close). */
  processed: number
  accepted: Record<string, number>
  rejected: Record<string, number>
  /** Close codes received, by code. */
  closes: Record<number, number>
  /** Connections closed because the room reloaded (not this lane's doing). */
  roomReloads: number
  /** Frames that earned a close code no frame should earn, with the frame. */
  unexpected: { code: number; reason: string; kind: FuzzKind; hex: string }[]
}

export const emptyLaneStats = (): LaneStats => ({
  processed: 0,
  accepted: {},
  rejected: {},
  closes: {},
  roomReloads: 0,
  unexpected: []
})

const bump = (counts: Record<string, number>, key: string | number): void => {
  counts[key] = (counts[key] ?? 0) + 1
}

/** How long the relay may take to answer a batch before the lane calls it hung. */
const batchDeadlineMs = 60_000

export class FuzzLane {
  /** Frames generated but not yet known to be processed, oldest first; resent after a close. */
  private readonly queue: FuzzFrame[] = []
  private socket: WebSocket | null = null
  private readonly closeCodes = new WeakMap<WebSocket, Promise<number>>()

  constructor(
    private readonly url: string,
    private readonly room: string,
    private readonly source: FuzzFrameSource,
    readonly stats: LaneStats
  ) {}

  /**
   * Sends frames in batches of `batchSize` until `done()`; `check(frame, accepted)` runs after each
   * frame whose fate is known (only with `batchSize` 1 is nothing else in flight then).
   */
  async run(done: () => boolean, batchSize: number, check?: (frame: FuzzFrame, accepted: boolean) => void | Promise<void>): Promise<void> {
    while (!done()) {
      const socket = this.socket ?? (this.socket = await this.connect())
      while (this.queue.length < batchSize) this.queue.push(this.source.next())
      const batch = this.queue.slice(0, batchSize)
      if (socket.readyState !== WebSocket.OPEN) {
        // Closed between batches: not for anything this lane sent after its last pong.
        this.socket = null
        const code = await this.closeCodeOf(socket)
        bump(this.stats.closes, code)
        if (code === 1011) this.stats.roomReloads++
        else this.stats.unexpected.push({ code, reason: 'closed between batches', kind: 'valid', hex: '' })
        continue
      }
      const { pongs, close } = await this.sendBatch(socket, batch)
      for (let i = 0; i < pongs; i++) {
        bump(this.stats.accepted, batch[i]!.kind)
        this.stats.processed++
        await check?.(batch[i]!, true)
      }
      this.queue.splice(0, pongs)
      if (close === null) continue
      this.socket = null
      bump(this.stats.closes, close.code)
      if (close.code === 1011) {
        this.stats.roomReloads++
        continue
      }
      const offender = this.queue.shift()!
      this.stats.processed++
      if ((rejectionCodes as readonly number[]).includes(close.code)) bump(this.stats.rejected, offender.kind)
      else {
        this.stats.unexpected.push({ ...close, kind: offender.kind, hex: Buffer.from(offender.bytes).toString('hex') })
      }
      await check?.(offender, false)
    }
    this.socket?.terminate()
  }

  /** Opens a connection and waits for the relay's sync step 1, sent once the room has loaded. */
  private connect(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${this.url}/${encodeURIComponent(this.room)}`, { perMessageDeflate: false })
      this.closeCodes.set(
        socket,
        new Promise((resolveClose) => socket.once('close', (code) => resolveClose(code)))
      )
      socket.once('message', () => resolve(socket))
      socket.once('error', reject)
      socket.once('close', (code) => reject(new Error(`lane connection closed with ${code} before the room greeted it`)))
    })
  }

  private closeCodeOf(socket: WebSocket): Promise<number> {
    return this.closeCodes.get(socket) ?? Promise.resolve(1006)
  }

  private sendBatch(
    socket: WebSocket,
    batch: FuzzFrame[]
  ): Promise<{ pongs: number; close: { code: number; reason: string } | null }> {
    return new Promise((resolve, reject) => {
      let pongs = 0
      const finish = (close: { code: number; reason: string } | null): void => {
        clearTimeout(deadline)
        socket.off('pong', onPong)
        socket.off('close', onClose)
        resolve({ pongs, close })
      }
      const onPong = (): void => {
        if (++pongs === batch.length) finish(null)
      }
      const onClose = (code: number, reason: Buffer): void => finish({ code, reason: reason.toString() })
      const deadline = setTimeout(
        () => reject(new Error(`the relay answered ${pongs} of ${batch.length} frames within ${batchDeadlineMs} ms`)),
        batchDeadlineMs
      )
      socket.on('pong', onPong)
      socket.on('close', onClose)
      for (const frame of batch) {
        socket.send(frame.bytes)
        socket.ping()
      }
    })
  }
}
