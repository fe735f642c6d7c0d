import { mergeManyUpdates } from '../merge-updates'
import type { DocumentStorage } from './document-storage'

/** Keeps documents in this process only; for tests and throwaway relays. */
export class MemoryStorage implements DocumentStorage {
  private readonly logs = new Map<string, Uint8Array[]>()

  async load(name: string): Promise<Uint8Array | null> {
    const log = this.logs.get(name)
    return log === undefined || log.length === 0 ? null : mergeManyUpdates(log)
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    const log = this.logs.get(name)
    if (log === undefined) this.logs.set(name, [update])
    else log.push(update)
  }

  async compact(name: string): Promise<void> {
    // Read and replace in one step, so an append made meanwhile is not dropped.
    const log = this.logs.get(name)
    if (log !== undefined && log.length > 1) this.logs.set(name, [mergeManyUpdates(log)])
  }

  async flush(): Promise<void> {}

  async list(): Promise<string[]> {
    return [...this.logs.keys()]
  }

  async delete(name: string): Promise<void> {
    this.logs.delete(name)
  }

  async close(): Promise<void> {}

  /** Number of entries in a document's log; lets tests observe compaction. */
  logLength(name: string): number {
    return this.logs.get(name)?.length ?? 0
  }
}
