/** One LevelDB operation, as `ClassicLevel#batch` takes it. */
export interface PutOperation {
  readonly type: 'put'
  readonly key: unknown
  readonly value: Uint8Array
}

interface Waiting {
  readonly operation: PutOperation
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

/**
 * Gathers the puts made during one event-loop turn, from every document, into one atomic
 * `batch` call. A relay under load appends to many rooms in the same turn; one native call per
 * append was the largest cost after the socket writes themselves. Batches commit one after the
 * other, and puts that arrive while one commits wait for the next, so the batch grows with the load
 * instead of the number of calls. Each `put` settles with its batch: a failed batch rejects every
 * put in it and the next batch is tried all the same.
 */
export class WriteBatcher {
  private waiting: Waiting[] = []
  private scheduled = false
  /** Settles after the last batch scheduled so far; never rejects. */
  private committed: Promise<void> = Promise.resolve()

  constructor(private readonly commit: (operations: PutOperation[]) => Promise<void>) {}

  put(key: unknown, value: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ operation: { type: 'put', key, value }, resolve, reject })
      if (this.scheduled) return
      this.scheduled = true
      this.committed = this.committed.then(afterThisTurn).then(() => this.commitWaiting())
    })
  }

  /** Resolves once every put made so far has been committed or has failed. */
  idle(): Promise<void> {
    return this.committed
  }

  private async commitWaiting(): Promise<void> {
    const batch = this.waiting
    this.waiting = []
    this.scheduled = false
    try {
      await this.commit(batch.map((entry) => entry.operation))
    } catch (error) {
      for (const entry of batch) entry.reject(error)
      return
    }
    for (const entry of batch) entry.resolve()
  }
}

const afterThisTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
