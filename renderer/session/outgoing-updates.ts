import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/**
 * Makes `provider` send this window's document changes merged, one update message per task,
 * instead of one per Yjs transaction. A paste, a replace-all or the replay of an editing trace
 * runs many transactions in one task; each message would otherwise be sent, stored and
 * acknowledged by the relay, and applied and redrawn by every other editor, on its own. A single
 * keystroke is still sent at once: the merged message leaves as soon as the task that made the
 * change ends (a microtask). The provider's own listener is replaced, so its `destroy` removes
 * this one.
 */
export const mergeOutgoingUpdates = (provider: WebsocketProvider): void => {
  const { doc } = provider
  const send = provider._updateHandler
  let pending: Uint8Array[] = []
  const flush = (): void => {
    const updates = pending
    pending = []
    send(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), null)
  }
  const collect = (update: Uint8Array, origin: unknown): void => {
    // What came from the relay goes nowhere; y-websocket's own listener skips it the same way.
    if (origin === provider) return
    if (pending.length === 0) queueMicrotask(flush)
    pending.push(update)
  }
  doc.off('update', send)
  provider._updateHandler = collect
  doc.on('update', collect)
}
