import { ObservableV2 } from 'lib0/observable'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { messageStoredAck, messageSync, messageSyncStep2, messageSyncUpdate } from '../../app/protocol'
import { readStoredAck } from '../../app/storage-status'

/** A change's carrier: the next update message this window sends. */
const nextUpdate = 'next update'
type Carrier = number | typeof nextUpdate | null

/** How long a relay may take to acknowledge a first stored message before it counts as one that never does. */
const acknowledgementExpectedMs = 10_000

/** Whether this window's changes are on the relay (`[data-testid=save-status]` shows it). */
export interface SaveState {
  /** Changes made here (or read from the offline copy) that the relay has not confirmed stored. */
  readonly pending: number
  /** `false` once the relay is known not to confirm storage (a relay without stored acks). */
  readonly confirmed: boolean
}

/**
 * Counts this window's changes that the relay has not yet confirmed stored. The relay tells a
 * client that asks (`?stored-acks=1`) how many of the document messages it sent on a connection
 * are stored (`messageStoredAck`, README "When an edit counts as stored"); this matches those
 * counts to the changes each message carried.
 *
 * A change made while connected leaves in the next update message, as soon as the task that
 * made it ends (merged with the task's other changes, `mergeOutgoingUpdates`). One made while
 * offline, or sent on a connection that dropped before its ack, is carried by the sync step 2 of
 * the next connection: the client's answer to the relay's state vector, which holds everything
 * the relay lacks. Counting what is actually written to each socket (`countingWebSocket`) keeps
 * the numbering the relay's.
 */
export class SaveTracker extends ObservableV2<{ change: (state: SaveState) => void }> {
  /**
   * Per unconfirmed change, the number of the message on the current socket that carries it;
   * `nextUpdate`: the next update message (or sync step 2, whichever leaves first); `null`: the
   * next sync step 2.
   */
  private changes: Carrier[] = []
  private sent = 0
  private firstSentAt: number | null = null
  private acknowledgedOnce = false
  private confirmed = true
  private silenceTimer: ReturnType<typeof setTimeout> | undefined
  private provider: WebsocketProvider | null = null

  constructor(private readonly doc: Y.Doc) {
    super()
  }

  /** Starts counting: `provider` was made with `countingWebSocket()` as its `WebSocketPolyfill`. */
  bind(provider: WebsocketProvider): void {
    this.provider = provider
    provider.messageHandlers[messageStoredAck] = (_encoder, decoder) => this.acknowledged(readStoredAck(decoder))
    this.doc.on('update', this.onUpdate)
  }

  get state(): SaveState {
    return { pending: this.changes.length, confirmed: this.confirmed }
  }

  /** A `WebSocket` class for the provider (`WebSocketPolyfill`) that reports what it sends here. */
  countingWebSocket(base: typeof WebSocket = WebSocket): typeof WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const tracker = this
    return class CountingWebSocket extends base {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        tracker.socketOpened()
      }

      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        super.send(data)
        if (data instanceof Uint8Array) tracker.sentMessage(data)
      }
    }
  }

  /**
   * The session moved to another relay (a host hand-over), which has confirmed none of it: until it
   * acknowledges the sync step 2 that carries whatever it lacks, the document counts as one more
   * change not yet on the relay, besides those the old relay never confirmed.
   */
  relayChanged(): void {
    this.acknowledgedOnce = false
    this.changes.push(null)
    this.emit('change', [this.state])
  }

  override destroy(): void {
    clearTimeout(this.silenceTimer)
    this.doc.off('update', this.onUpdate)
    if (this.provider !== null) delete this.provider.messageHandlers[messageStoredAck]
    super.destroy()
  }

  /** A new socket: its messages are numbered from 1, and what the old one did not get confirmed goes with its sync step 2. */
  private socketOpened(): void {
    this.sent = 0
    this.firstSentAt = null
    this.changes = this.changes.map(() => null)
  }

  private sentMessage(data: Uint8Array): void {
    // Message types and sync sub-types are below 128: one byte each.
    if (data[0] !== messageSync || (data[1] !== messageSyncStep2 && data[1] !== messageSyncUpdate)) return
    const number = ++this.sent
    this.firstSentAt ??= Date.now()
    this.expectAcknowledgement()
    const carries = data[1] === messageSyncUpdate ? (carrier: Carrier) => carrier === nextUpdate : (carrier: Carrier) => carrier === null || carrier === nextUpdate
    this.changes = this.changes.map((carrier) => (carries(carrier) ? number : carrier))
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // What the relay sent is on the relay; everything else (typing, the offline copy) may not be.
    if (origin === this.provider || this.provider === null) return
    // y-websocket sends updates only once connected; before that, the sync step 2 will carry it.
    this.changes.push(this.provider.wsconnected ? nextUpdate : null)
    this.emit('change', [this.state])
  }

  private acknowledged(count: number): void {
    this.acknowledgedOnce = true
    this.confirmed = true
    const before = this.changes.length
    this.changes = this.changes.filter((carrier) => typeof carrier !== 'number' || carrier > count)
    if (this.changes.length !== before) this.emit('change', [this.state])
  }

  /** A relay that never acknowledges (not ours, or an old one) is reported as such rather than as unsaved for ever. */
  private expectAcknowledgement(): void {
    if (this.acknowledgedOnce || this.silenceTimer !== undefined) return
    this.silenceTimer = setTimeout(() => {
      this.silenceTimer = undefined
      if (this.acknowledgedOnce || this.firstSentAt === null) return
      this.confirmed = false
      this.emit('change', [this.state])
    }, acknowledgementExpectedMs)
  }
}
