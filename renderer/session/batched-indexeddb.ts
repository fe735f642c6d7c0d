import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import { UpdateBatcher } from './update-batcher'

/** How long the offline cache lets the document's updates gather before it writes them. */
export const cacheWriteWindowMs = 100

/**
 * y-indexeddb's offline cache, writing the document's updates in batches (`UpdateBatcher`) instead
 * of one IndexedDB transaction per update. What waits is written when the window ends, when the
 * page is hidden or left (`pagehide`, `visibilitychange`), and when the cache is destroyed; every
 * update also goes to the relay as before, at once.
 */
export class BatchedIndexeddbPersistence extends IndexeddbPersistence {
  private readonly batcher: UpdateBatcher
  private readonly onHidden = (): void => {
    if (document.visibilityState === 'hidden') this.batcher.flush()
  }

  constructor(name: string, doc: Y.Doc) {
    super(name, doc)
    const storeNow = this._storeUpdate
    this.batcher = new UpdateBatcher((update) => storeNow(update, null), cacheWriteWindowMs)
    doc.off('update', storeNow)
    // Updates that came from the cache itself are not written back, as in y-indexeddb.
    this._storeUpdate = (update, origin) => {
      if (origin !== this) this.batcher.add(update)
    }
    doc.on('update', this._storeUpdate)
    window.addEventListener('pagehide', this.batcher.flush)
    document.addEventListener('visibilitychange', this.onHidden)
  }

  override destroy(): Promise<void> {
    this.batcher.flush()
    window.removeEventListener('pagehide', this.batcher.flush)
    document.removeEventListener('visibilitychange', this.onHidden)
    return super.destroy()
  }
}
