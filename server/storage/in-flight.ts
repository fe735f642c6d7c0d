/**
 * The writes a storage has started and not yet finished, so that `flush()` and `close()` can wait
 * for them, whether each succeeds or fails.
 *
 * A chain of `Promise.allSettled` rather than a Set of pending writes: a long-lived Set that gains
 * and loses an entry on every append regrows its hash table in the old generation, garbage that
 * only full collections free (see `server/outbox.ts`).
 */
export class InFlightWrites {
  /** Settles once every operation tracked so far has settled. */
  private all: Promise<unknown> = Promise.resolve()

  /** Remembers `operation` until it settles and returns it unchanged, for the caller to await. */
  track<T>(operation: Promise<T>): Promise<T> {
    // Settling with nothing matters: `allSettled`'s own result holds the previous one, so a chain of
    // bare `allSettled`s would keep the result of every write ever made.
    this.all = Promise.allSettled([this.all, operation]).then(settledWithNothing)
    return operation
  }

  /** Resolves once every operation tracked before this call has settled; never rejects. */
  async settled(): Promise<void> {
    await this.all
  }
}

const settledWithNothing = (): void => undefined
