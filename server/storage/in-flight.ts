/**
 * The writes a storage has started and not yet finished, so that `flush()` and `close()` can wait
 * for them. A write leaves the set when it settles, whether it succeeded or failed.
 */
export class InFlightWrites {
  private readonly pending = new Set<Promise<unknown>>()

  /** Remembers `operation` until it settles and returns it unchanged, for the caller to await. */
  track<T>(operation: Promise<T>): Promise<T> {
    this.pending.add(operation)
    const forget = (): void => {
      this.pending.delete(operation)
    }
    operation.then(forget, forget)
    return operation
  }

  /** Resolves once every write tracked so far has settled; never rejects (callers saw each failure). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending])
  }
}
