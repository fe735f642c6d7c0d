import { mkdir } from 'node:fs/promises'
import { ClassicLevel } from 'classic-level'
import { getLevelUpdatesEntries, LeveldbPersistence } from 'y-leveldb'
import { mergeManyUpdates } from '../merge-updates'
import { StorageError, type DocumentStorage } from './document-storage'
import { InFlightWrites } from './in-flight'
import { WriteBatcher } from './write-batcher'

export { StorageError }

/** How long appends wait to share a LevelDB batch with others (see `WriteBatcher`). */
const appendWindowMs = 20

/**
 * Documents in LevelDB in `y-leveldb`'s format (one update log per document). A document's first
 * append goes through y-leveldb, later ones write the next log key themselves (see `append`);
 * loading and compaction read the log directly and merge it with `mergeManyUpdates`, because
 * y-leveldb's own `getYDoc` and `flushDocument` rebuild the document in a Y.Doc with
 * garbage collection on, which would drop the deleted content that version history needs
 * (app/document.ts). For the same reason this class never calls those two.
 *
 * y-leveldb logs and swallows errors inside its transactions, returning `null`; this class turns
 * those `null`s back into `StorageError`s so that a failed write is never silent.
 */
export class LevelDbStorage implements DocumentStorage {
  private readonly inFlight = new InFlightWrites()
  /** Per document, the clock of its log's last entry once known (`null`: ask the database). */
  private readonly lastKeys = new Map<string, Promise<number | null>>()
  private readonly writes = new WriteBatcher((operations) => this.db.batch(operations), appendWindowMs)

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
    // Reads see every append started before them, as they did through y-leveldb's queue.
    await this.flush()
    const updates = (await this.readLog(name)).map((entry) => entry.value)
    if (updates.length === 0) return null
    return mergeManyUpdates(updates)
  }

  /**
   * Appends under the next key of the document's log. y-leveldb's `storeUpdate` finds that key with
   * a database iterator on every call, which was a fifth of the relay's CPU under load; here the
   * last key of each document is remembered after its first append, each append reserves the next
   * one at once, and the puts of every document within `appendWindowMs` go to LevelDB as one batch
   * (`WriteBatcher`). A document's first append still goes through `storeUpdate`, which also
   * records the document for `list()`. A failed put leaves a gap in the log, which loading skips.
   */
  append(name: string, update: Uint8Array): Promise<void> {
    const previous = this.lastKeys.get(name) ?? Promise.resolve(null)
    const reserved = previous.then(async (last) => {
      if (last === null) return { key: await this.appendFirst(name, update), written: Promise.resolve() }
      const written = this.writes.put(['v1', name, 'update', last + 1], Buffer.from(update)).catch((error: unknown) => {
        throw new StorageError(`Cannot append to document "${name}" in ${this.location}`, { cause: error })
      })
      return { key: last + 1, written }
    })
    // After a failed first append nobody knows the last key: the next append asks the database.
    this.lastKeys.set(name, reserved.then(({ key }) => key, () => null))
    return this.inFlight.track(reserved.then(({ written }) => written))
  }

  /** A document's first append, through y-leveldb, which also records the document; returns its key. */
  private async appendFirst(name: string, update: Uint8Array): Promise<number> {
    const clock = await this.persistence.storeUpdate(name, update)
    if (clock === null) throw new StorageError(`Cannot append to document "${name}" in ${this.location}`)
    return clock
  }

  /**
   * Appends the merged log, then deletes exactly the entries that were merged. An append made
   * meanwhile gets a later key and stays; a crash between the two steps leaves both copies, which
   * merge to the same document.
   */
  compact(name: string): Promise<void> {
    return this.inFlight.track(
      (async () => {
        const log = await this.readLog(name)
        if (log.length < 2) return
        await this.append(name, mergeManyUpdates(log.map((entry) => entry.value)))
        try {
          await this.db.batch(log.map((entry) => ({ type: 'del' as const, key: entry.key })))
        } catch (error) {
          throw new StorageError(`Cannot remove the compacted log entries of document "${name}" in ${this.location}`, { cause: error })
        }
      })()
    )
  }

  private async readLog(name: string): Promise<Array<{ key: unknown; value: Uint8Array }>> {
    try {
      return await getLevelUpdatesEntries(this.db, name)
    } catch (error) {
      throw new StorageError(`Cannot read document "${name}" from ${this.location}`, { cause: error })
    }
  }

  async flush(): Promise<void> {
    await this.inFlight.settled()
  }

  async list(): Promise<string[]> {
    const names = await this.persistence.getAllDocNames()
    if (names === null) throw new StorageError(`Cannot list the documents in ${this.location}`)
    return names
  }

  delete(name: string): Promise<void> {
    const appended = this.lastKeys.get(name) ?? Promise.resolve(null)
    // Puts of this document still waiting in a batch land before the log is cleared.
    const cleared = appended.then(() => this.writes.idle()).then(() => this.persistence.clearDocument(name))
    this.lastKeys.set(name, cleared.then(() => null, () => null))
    return this.inFlight.track(cleared)
  }

  async close(): Promise<void> {
    await this.flush()
    await this.persistence.destroy()
  }
}
