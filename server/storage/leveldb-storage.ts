import { mkdir } from 'node:fs/promises'
import { ClassicLevel } from 'classic-level'
import { LeveldbPersistence } from 'y-leveldb'
import * as Y from 'yjs'
import { StorageError, type DocumentStorage } from './document-storage'

export { StorageError }

/**
 * Documents in LevelDB through `y-leveldb` (one update log per document, compacted on demand and
 * automatically by y-leveldb once a log passes 500 entries on load).
 *
 * y-leveldb logs and swallows errors inside its transactions, returning `null`; this class turns
 * those `null`s back into `StorageError`s so that a failed write is never silent.
 */
export class LevelDbStorage implements DocumentStorage {
  private readonly inFlight = new Set<Promise<unknown>>()

  private constructor(
    private readonly location: string,
    private readonly db: ClassicLevel<unknown, unknown>,
    private readonly persistence: LeveldbPersistence
  ) {}

  /** Opens (creating if needed) the store in `directory`; fails clearly when another process holds it. */
  static async open(directory: string): Promise<LevelDbStorage> {
    await mkdir(directory, { recursive: true })
    let db: ClassicLevel<unknown, unknown> | undefined
    // y-leveldb constructs its own Level instance; hand it ours so that opening errors surface here.
    const Level = function (location: string, options: object) {
      db = new ClassicLevel(location, options)
      return db
    }
    const persistence = new LeveldbPersistence(directory, { Level })
    if (db === undefined) throw new StorageError('y-leveldb did not create its database')
    try {
      await db.open()
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)
      throw new StorageError(
        `Cannot open the document store in ${directory}: ${cause}. ` +
          'Is another relay using this data directory? Stop it or pass a different --data folder.',
        { cause: error }
      )
    }
    return new LevelDbStorage(directory, db, persistence)
  }

  async load(name: string): Promise<Uint8Array | null> {
    const doc = await this.persistence.getYDoc(name)
    if (doc === null) throw new StorageError(`Cannot read document "${name}" from ${this.location}`)
    try {
      return doc.store.clients.size === 0 ? null : Y.encodeStateAsUpdate(doc)
    } finally {
      doc.destroy()
    }
  }

  append(name: string, update: Uint8Array): Promise<void> {
    return this.track(
      this.persistence.storeUpdate(name, update).then((clock) => {
        if (clock === null) throw new StorageError(`Cannot append to document "${name}" in ${this.location}`)
      })
    )
  }

  compact(name: string): Promise<void> {
    return this.track(this.persistence.flushDocument(name))
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.inFlight])
  }

  async list(): Promise<string[]> {
    const names = await this.persistence.getAllDocNames()
    if (names === null) throw new StorageError(`Cannot list the documents in ${this.location}`)
    return names
  }

  delete(name: string): Promise<void> {
    return this.track(this.persistence.clearDocument(name))
  }

  async close(): Promise<void> {
    await this.flush()
    await this.persistence.destroy()
  }

  private track<T>(operation: Promise<T>): Promise<T> {
    this.inFlight.add(operation)
    const forget = (): void => {
      this.inFlight.delete(operation)
    }
    operation.then(forget, forget)
    return operation
  }
}
