import type { Logger } from 'pino'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { DependencyHealth } from '../extension'
import { mergeManyUpdates } from '../merge-updates'
import { StorageError, type DocumentStorage } from './document-storage'
import { InFlightWrites } from './in-flight'
import { LogLedger } from './leveldb-ledger'
import { documentKeyRange, stateVectorKey, stateVectorKeyRange, updateKey, updateKeyRange, type LevelKey } from './leveldb-keys'
import { DamagedStoreError, openLevelStore, type LevelStore } from './leveldb-open'
import { WriteBatcher, type BatchOperation } from './write-batcher'

export { StorageError }

/** How long appends wait to share a LevelDB batch with others (see `WriteBatcher`). */
const appendWindowMs = 20
/** Waits between attempts to reopen the store after a failed write: doubling up to the last. */
const reopenDelaysMs = [250, 500, 1000, 2000, 5000]


export interface LevelDbStorageOptions {
  readonly logger?: Logger
}

/** Why writes are refused, since when, and how many reopening attempts failed. */
interface Outage {
  readonly since: number
  readonly error: unknown
  failedReopens: number
  /** Set when reopening found the store damaged: no more attempts until an operator repairs it. */
  damaged?: DamagedStoreError
}

/**
 * Documents in LevelDB in `y-leveldb`'s format (one update log per document, and a state-vector
 * key that lists it). Loading and compaction read the log directly and merge it with
 * `mergeManyUpdates`, because y-leveldb's own `getYDoc` and `flushDocument` rebuild the document
 * in a Y.Doc with garbage collection on, which would drop the deleted content that version history
 * needs (app/document.ts).
 *
 * Every write goes through one `WriteBatcher`, so no two are ever in flight at once. That matters
 * when a write fails (a full disk): LevelDB then has a half-written record at the end of its log
 * and, if written to again, puts every later record out of step with the log's blocks, so that the
 * next start drops them all. So after a failed write this class writes nothing more to that
 * handle: it closes it and reopens the store (LevelDB's recovery keeps every whole record and
 * starts a new log), retrying until the disk takes writes again. Meanwhile appends are refused,
 * and their callers (rooms) keep the edits and try again. The logs are checked before every open
 * (`leveldb-open.ts`), and a ledger of the newest log's length (`leveldb-ledger.ts`) is kept so
 * that a log cut short is found too.
 */
export class LevelDbStorage implements DocumentStorage {
  private readonly inFlight = new InFlightWrites()
  /** Per document, the clock of its log's last entry once known (`null`: ask the database). */
  private readonly lastKeys = new Map<string, Promise<number | null>>()
  private readonly writes = new WriteBatcher<LevelKey>((operations) => this.commit(operations), appendWindowMs)
  private readonly ledger: LogLedger
  private outage: Outage | null = null
  /** Settles when the reopening under way has finished (or given up). */
  private reopening: Promise<void> = Promise.resolve()
  private closed = false
  private stopPause: (() => void) | undefined

  private constructor(
    private readonly location: string,
    private db: LevelStore,
    private readonly logger: Logger | undefined
  ) {
    this.ledger = new LogLedger(location)
  }

  /** Opens (creating if needed) the store in `directory`; fails with a `StorageError` that says what is wrong. */
  static async open(directory: string, options: LevelDbStorageOptions = {}): Promise<LevelDbStorage> {
    // No ledger entry yet: the one on disk names the log LevelDB just replayed, which its newer
    // log now supersedes (see `checkLogsAgainstLedger`); the first write records the new one.
    return new LevelDbStorage(directory, await openLevelStore(directory), options.logger)
  }

  async load(name: string): Promise<Uint8Array | null> {
    // Reads see every append started before them.
    await this.flush()
    const updates = (await this.readLog(name)).map((entry) => entry.value)
    if (updates.length === 0) return null
    return mergeManyUpdates(updates)
  }

  /**
   * Appends under the next key of the document's log. The last key of each document is
   * remembered after its first append, each append reserves the next one at once, and the puts of
   * every document within `appendWindowMs` go to LevelDB as one batch (`WriteBatcher`). A
   * document's first append also writes its state-vector key, which lists it. A failed put leaves
   * a gap in the log, which loading skips.
   */
  append(name: string, update: Uint8Array): Promise<void> {
    const previous = this.lastKeys.get(name) ?? Promise.resolve(null)
    const reserved = previous.then(async (known) => {
      const last = known ?? (await this.currentClock(name))
      const key = last + 1
      const operations: BatchOperation<LevelKey>[] = [{ type: 'put', key: updateKey(name, key), value: update }]
      if (last === -1) operations.push({ type: 'put', key: stateVectorKey(name), value: encodeStateVectorEntry(update) })
      const written = this.writes.write(operations).catch((error: unknown) => {
        throw this.writeError(`Cannot append to document "${name}" in ${this.location}`, error)
      })
      return { key, written }
    })
    // After a failed read nobody knows the last key: the next append asks the database.
    this.lastKeys.set(name, reserved.then(({ key }) => key, () => null))
    return this.inFlight.track(reserved.then(({ written }) => written))
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
        await this.writes.write(log.map((entry) => ({ type: 'del' as const, key: entry.key }))).catch((error: unknown) => {
          throw this.writeError(`Cannot remove the compacted log entries of document "${name}" in ${this.location}`, error)
        })
      })()
    )
  }

  async flush(): Promise<void> {
    await this.inFlight.settled()
  }

  async list(): Promise<string[]> {
    const keys = await this.read(`list the documents in ${this.location}`, (db) => db.keys(stateVectorKeyRange).all())
    return keys.map((key) => String(key[1]))
  }

  delete(name: string): Promise<void> {
    const appended = this.lastKeys.get(name) ?? Promise.resolve(null)
    // Puts of this document still waiting in a batch land before the log is cleared.
    const cleared = appended
      .then(() => this.writes.idle())
      .then(async () => {
        const keys = await this.read(`read document "${name}" from ${this.location}`, (db) => db.keys(documentKeyRange(name)).all())
        const operations: BatchOperation<LevelKey>[] = [...keys, stateVectorKey(name)].map((key) => ({ type: 'del', key }))
        await this.writes.write(operations).catch((error: unknown) => {
          throw this.writeError(`Cannot delete document "${name}" from ${this.location}`, error)
        })
      })
    this.lastKeys.set(name, cleared.then(() => null, () => null))
    return this.inFlight.track(cleared)
  }

  async close(): Promise<void> {
    this.closed = true
    this.stopPause?.()
    await this.flush()
    await this.reopening
    if (this.outage === null) await this.recordLedger()
    await this.ledger.settled()
    if (this.db.status === 'open') await this.db.close()
  }

  health(): Record<string, DependencyHealth> {
    const outage = this.outage
    if (outage === null) return { leveldb: { ok: true, detail: this.location } }
    if (outage.damaged !== undefined) return { leveldb: { ok: false, detail: outage.damaged.message } }
    return {
      leveldb: {
        ok: false,
        detail:
          `writes to ${this.location} failing since ${new Date(outage.since).toISOString()}: ${messageOf(outage.error)}; ` +
          `reopening the store (${outage.failedReopens} failed attempts so far); edits are kept in memory until it takes writes again`
      }
    }
  }

  /** The batcher's commit: one batch at a time, refused while the store is out. */
  private async commit(operations: BatchOperation<LevelKey>[]): Promise<void> {
    if (this.outage !== null) throw this.outageError()
    try {
      await this.db.batch(operations)
    } catch (error) {
      this.startOutage(error)
      throw error
    }
    // Between two commits: the newest log holds whole records only.
    if (this.ledger.due()) await this.recordLedger()
  }

  private async recordLedger(): Promise<void> {
    let entry
    try {
      entry = await this.ledger.measure()
    } catch (error) {
      this.logger?.warn({ err: error, data: this.location }, 'could not measure the LevelDB log for the ledger; it stays as it was')
      return
    }
    if (entry === null) return
    void this.ledger.save(entry, (error) =>
      this.logger?.debug({ err: error, data: this.location }, 'could not write the ledger; the previous one stays')
    )
  }

  /** Stops writing to the current handle and reopens the store in the background. */
  private startOutage(error: unknown): void {
    if (this.outage !== null) return
    this.outage = { since: Date.now(), error, failedReopens: 0 }
    this.logger?.error(
      { err: error, data: this.location },
      'a LevelDB write failed; writes stop until the store is reopened, and edits are kept in memory meanwhile'
    )
    this.reopening = this.reopen(this.outage)
  }

  private async reopen(outage: Outage): Promise<void> {
    await this.db.close().catch((error: unknown) => {
      this.logger?.warn({ err: error, data: this.location }, 'closing the failed LevelDB handle failed; reopening anyway')
    })
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        this.db = await openLevelStore(this.location)
      } catch (error) {
        outage.failedReopens++
        if (error instanceof DamagedStoreError) {
          outage.damaged = error
          this.logger?.fatal({ data: this.location }, error.message)
          return
        }
        if (outage.failedReopens === 1) {
          this.logger?.warn({ err: error, data: this.location }, 'reopening the LevelDB store failed; retrying until it succeeds')
        }
        await this.pause(reopenDelaysMs[Math.min(attempt, reopenDelaysMs.length - 1)]!)
        continue
      }
      // Keys reserved for writes that failed are never used again: `lastKeys` only counts up.
      this.outage = null
      this.logger?.info(
        { data: this.location, seconds: Math.round((Date.now() - outage.since) / 100) / 10, failedReopens: outage.failedReopens },
        'the LevelDB store was reopened and takes writes again'
      )
      await this.recordLedger()
      return
    }
  }

  /** Waits `ms` before the next reopening attempt, or less when the storage is closed meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.stopPause = () => {
        clearTimeout(timer)
        resolve()
      }
    })
  }

  private outageError(): StorageError {
    const outage = this.outage!
    if (outage.damaged !== undefined) return outage.damaged
    return new StorageError(
      `The document store in ${this.location} is not taking writes since a write failed at ` +
        `${new Date(outage.since).toISOString()} (${messageOf(outage.error)}); it is being reopened`,
      { cause: outage.error }
    )
  }

  private writeError(what: string, error: unknown): StorageError {
    return error instanceof StorageError ? error : new StorageError(`${what}: ${messageOf(error)}`, { cause: error })
  }

  /** Runs a read on the open handle; while the store is out, fails at once with the reason. */
  private async read<T>(what: string, run: (db: LevelStore) => Promise<T>): Promise<T> {
    if (this.outage !== null) throw this.outageError()
    try {
      return await run(this.db)
    } catch (error) {
      throw new StorageError(`Cannot ${what}: ${messageOf(error)}`, { cause: error })
    }
  }

  private readLog(name: string): Promise<Array<{ key: LevelKey; value: Uint8Array }>> {
    return this.read(`read document "${name}" from ${this.location}`, async (db) =>
      (await db.iterator(updateKeyRange(name)).all()).map(([key, value]) => ({ key, value }))
    )
  }

  /** The clock of the document's last log entry, or -1 when it has none. */
  private currentClock(name: string): Promise<number> {
    return this.read(`read document "${name}" from ${this.location}`, async (db) => {
      const [last] = await db.keys({ ...updateKeyRange(name), reverse: true, limit: 1 }).all()
      return last === undefined ? -1 : (last[3] as number)
    })
  }
}

/** y-leveldb's state-vector entry: `varUint(clock)` then the state vector, here of a document's first update. */
const encodeStateVectorEntry = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVectorFromUpdate(update))
  return encoding.toUint8Array(encoder)
}

const messageOf = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  return cause instanceof Error ? cause.message : String(cause)
}
