/**
 * A listening client that speaks just enough of the y-websocket protocol to be a real peer without
 * a Y.Doc: it asks for the document, answers the relay's sync step 1 with an empty step 2, keeps an
 * awareness state alive the way the stock provider does, and counts what it receives. Thousands of
 * these fit in one load-generator process where full providers would not.
 */
import * as random from 'lib0/random'
import WebSocket from 'ws'
import { outdatedTimeout } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { awarenessFrame, syncStep1Frame, syncStep2Frame } from '../../server/testing/frames'
import { messageAwareness, messageSync, messageSyncStep1, messageSyncStep2, messageSyncUpdate } from '../../app/protocol'

const emptyDoc = new Y.Doc()
/** "Send me everything": sync step 1 with an empty state vector, as a fresh provider sends it. */
const requestEverythingFrame = syncStep1Frame(Y.encodeStateVector(emptyDoc))
/** "I have nothing you lack": the answer an empty document gives to the relay's sync step 1. */
const emptySyncStep2Frame = syncStep2Frame(Y.encodeStateAsUpdate(emptyDoc))

export interface ListenerOptions {
  /** The awareness state to publish, or `null` to publish none. */
  readonly awarenessState: unknown
  /** Called when the relay closes the connection or it breaks, but not when `close()` closed it. */
  readonly onUnexpectedClose?: (code: number, reason: string) => void
}

export class ListenerClient {
  /** Resolves once the relay's sync step 2 (the whole document) has arrived. */
  readonly ready: Promise<void>
  updateFrames = 0
  awarenessFrames = 0
  otherFrames = 0
  bytesReceived = 0
  private readonly socket: WebSocket
  private readonly clientId = random.uint32()
  private awarenessClock = 0
  private renewTimer: NodeJS.Timeout | undefined
  private closing = false
  private readonly closed: Promise<void>

  constructor(
    url: string,
    room: string,
    private readonly options: ListenerOptions
  ) {
    this.socket = new WebSocket(`${url}/${encodeURIComponent(room)}`, { perMessageDeflate: false })
    this.socket.binaryType = 'nodebuffer'
    let markReady: () => void = () => {}
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve
      this.socket.once('error', (error) => reject(new Error(`listener on ${room}: ${error.message}`)))
      this.socket.once('close', (code, reason) =>
        reject(new Error(`listener on ${room} closed with ${code} ${reason.toString()} before it synced`))
      )
    })
    this.ready.catch(() => {})
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()))
    this.socket.on('error', () => {}) // reported through `ready` or the close event
    this.socket.on('open', () => {
      this.socket.send(requestEverythingFrame)
      this.publishAwareness()
    })
    this.socket.on('message', (data: Buffer) => this.receive(data, markReady))
    this.socket.on('close', (code, reason) => {
      clearTimeout(this.renewTimer)
      if (!this.closing) this.options.onUnexpectedClose?.(code, reason.toString())
    })
  }

  /** Closes the connection normally and resolves once it is closed. */
  close(): Promise<void> {
    this.closing = true
    clearTimeout(this.renewTimer)
    if (this.socket.readyState === WebSocket.CONNECTING) this.socket.terminate()
    else if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000)
    return this.closed
  }

  private receive(data: Buffer, markReady: () => void): void {
    this.bytesReceived += data.length
    // Message types and sync sub-types are below 128, so each is one byte of its varUint.
    if (data[0] === messageSync) {
      switch (data[1]) {
        case messageSyncStep1:
          this.socket.send(emptySyncStep2Frame)
          break
        case messageSyncStep2:
          markReady()
          break
        case messageSyncUpdate:
          this.updateFrames++
          break
        default:
          this.otherFrames++
      }
    } else if (data[0] === messageAwareness) this.awarenessFrames++
    else this.otherFrames++
  }

  /** Publishes the awareness state and renews it at half the timeout, as `Awareness` does. */
  private publishAwareness(): void {
    if (this.options.awarenessState === null || this.socket.readyState !== WebSocket.OPEN) return
    this.socket.send(awarenessFrame(this.clientId, ++this.awarenessClock, this.options.awarenessState))
    // The first renewal comes at a random point so that thousands of listeners do not renew in step.
    const delay = this.awarenessClock === 1 ? Math.random() * (outdatedTimeout / 2) : outdatedTimeout / 2
    this.renewTimer = setTimeout(() => this.publishAwareness(), delay)
    this.renewTimer.unref()
  }
}
