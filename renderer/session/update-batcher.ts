import * as Y from 'yjs'

/**
 * Collects Yjs updates and hands them on merged into one, at most `windowMs` after the first of a
 * batch, or at once on `flush()`. Used for the offline cache, where each write is an IndexedDB
 * transaction: one per keystroke costs more than the keystroke's own work in a long document.
 */
export class UpdateBatcher {
  private pending: Uint8Array[] = []
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly store: (update: Uint8Array) => void,
    private readonly windowMs: number
  ) {}

  /** Whether updates wait to be stored. */
  get waiting(): boolean {
    return this.pending.length > 0
  }

  add(update: Uint8Array): void {
    this.pending.push(update)
    this.timer ??= setTimeout(this.flush, this.windowMs)
  }

  /** Stores what waits now (the page is being hidden or closed). */
  readonly flush = (): void => {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (this.pending.length === 0) return
    const update = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending)
    this.pending = []
    this.store(update)
  }
}
