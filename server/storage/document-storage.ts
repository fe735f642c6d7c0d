import type { DependencyHealth } from '../extension'

/**
 * Where the relay keeps documents. Every method is keyed by the document (room) name.
 * Implementations: LevelDB (the default, `leveldb-storage.ts`), PostgreSQL (shared by the instances
 * of a cluster, `postgres-storage.ts`) and in-memory (tests, `--data :memory:`).
 * Failures reject with an error that names the document; none is swallowed.
 */
export interface DocumentStorage {
  /** The document's whole stored state as one Yjs update, or `null` when nothing is stored. */
  load(name: string): Promise<Uint8Array | null>
  /** Appends a Yjs update to the document's log. */
  append(name: string, update: Uint8Array): Promise<void>
  /** Rewrites the document's log as a single update, so that loading it stays fast. */
  compact(name: string): Promise<void>
  /** Resolves when every append started so far is durable. */
  flush(): Promise<void>
  /** Names of every stored document. */
  list(): Promise<string[]>
  delete(name: string): Promise<void>
  close(): Promise<void>
  /** Reachability of a storage server by name (e.g. `postgres`), for `/healthz`; local stores leave it out. */
  health?(): Record<string, DependencyHealth>
}

/** Raised when a document store cannot be opened, read or written; the message says which and what to do. */
export class StorageError extends Error {
  override name = 'StorageError'
}
