import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import { messageSync, messageSyncStep1 } from '../../app/protocol'
import type { RemoteUpdateHold } from '../editor/composition'

type SyncHandler = WebsocketProvider['messageHandlers'][number]

/**
 * Keeps a provider's incoming document updates (sync step 2 and updates, from the relay or another
 * tab) while held, and applies them in order on release. Sync step 1 is still answered at once:
 * it only reads the document. Nothing is lost or reordered; the updates merely arrive later, as
 * if the network had been slower.
 *
 * Why: y-prosemirror's binding writes every editor change into the Y.Doc and redraws the view on
 * every remote change. During an IME composition both are wrong: the composition's steps are not
 * text yet, and a redraw of the paragraph under composition breaks it (the input method then
 * commits every step). The editor (`renderer/editor/composition.ts`) holds its own writes until
 * the composition ends; it holds remote updates here too, so that its write is made against the
 * document it started from and cannot undo a remote edit, and only then lets the remote ones in.
 */
export class RemoteUpdateGate implements RemoteUpdateHold {
  private held: Array<Parameters<SyncHandler>> | null = null
  private readonly original: SyncHandler

  constructor(private readonly provider: WebsocketProvider) {
    const original = provider.messageHandlers[messageSync]
    if (original === undefined) throw new TypeError('the provider has no sync message handler to hold updates for')
    this.original = original
    provider.messageHandlers[messageSync] = (encoder, decoder, handledBy, emitSynced, messageType) => {
      if (this.held === null || decoding.peekVarUint(decoder) === messageSyncStep1) {
        original(encoder, decoder, handledBy, emitSynced, messageType)
        return
      }
      // Nothing is written to `encoder`, so the provider sends no answer; updates need none.
      this.held.push([encoding.createEncoder(), decoding.clone(decoder), handledBy, emitSynced, messageType])
    }
  }

  /** How many updates are waiting. */
  get waiting(): number {
    return this.held?.length ?? 0
  }

  hold(): void {
    this.held ??= []
  }

  release(): void {
    const held = this.held
    this.held = null
    for (const message of held ?? []) this.original(...message)
  }

  destroy(): void {
    this.release()
    this.provider.messageHandlers[messageSync] = this.original
  }
}
