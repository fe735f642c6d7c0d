/** One LevelDB write, as `ClassicLevel#batch` takes it. */
export type BatchOperation<K = unknown> = PutOperation<K> | DelOperation<K>

export interface PutOperation<K = unknown> {
  readonly type: 'put'
  readonly key: K
  readonly value: Uint8Array
}

export interface DelOperation<K = unknown> {
  readonly type: 'del'
  readonly key: K
}

interface Waiting<K> {
  readonly operations: readonly BatchOperation<K>[]
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

/**
 * Gathers the puts made within `windowMs` of the first one, from every document, into one atomic
 * `batch` call. Under load a relay appends to many rooms in quick succession, and one native call
 * per append was its largest cost after the socket writes themselves (Load A: 1.9 s of CPU for
 * 20,000 puts; about 0.1 s for the same appends in 20 ms batches). Nothing waits on these writes
 * to forward an update, so the window only delays durability, by at most `windowMs`. Batches
 * commit one after the other, and puts that arrive while one commits wait for the next. Each
 * `put` or `write` settles with its batch: a failed batch rejects every write in it and the next
 * batch is tried all the same. Because no two batches are ever in flight together, the commit
 * function learns of a failure before the next batch reaches the database (`LevelDbStorage` relies
 * on this to stop writing to a store whose log a failed write may have damaged).
 */
export class WriteBatcher<K = unknown> {
  private waiting: Waiting<K>[] = []
  private scheduled = false
  /** Settles after the last batch scheduled so far; never rejects. */
  private committed: Promise<void> = Promise.resolve()

  constructor(
    private readonly commit: (operations: BatchOperation<K>[]) => Promise<void>,
    private readonly windowMs: number
  ) {}

  put(key: K, value: Uint8Array): Promise<void> {
    return this.write([{ type: 'put', key, value }])
  }

  /** Writes `operations` together (all or none) in the next batch. */
  write(operations: readonly BatchOperation<K>[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ operations, resolve, reject })
      if (this.scheduled) return
      this.scheduled = true
      this.committed = this.committed.then(() => this.windowClosed()).then(() => this.commitWaiting())
    })
  }

  /** Resolves once every put made so far has been committed or has failed. */
  idle(): Promise<void> {
    return this.committed
  }

  private windowClosed(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.windowMs))
  }

  private async commitWaiting(): Promise<void> {
    const batch = this.waiting
    this.waiting = []
    this.scheduled = false
    try {
      await this.commit(batch.flatMap((entry) => entry.operations))
    } catch (error) {
      for (const entry of batch) entry.reject(error)
      return
    }
    for (const entry of batch) entry.resolve()
  }
}
