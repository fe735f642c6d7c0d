import type { Logger } from 'pino'
import type * as Y from 'yjs'
import type { StorageStatus } from '../app/storage-status'
import { mergeManyUpdates } from './merge-updates'
import type { RelayMetrics } from './metrics'
import type { DocumentStorage } from './storage/document-storage'
import { storeWhatStorageLacks } from './storage/reconcile'
import type { StorageProblems } from './storage-problems'

/** Compact the stored log when a room unloads after at least this many appends. */
const compactAfterAppends = 100
const retryFailedWriteMs = 1000

export interface RoomWriterServices {
  readonly storage: DocumentStorage
  readonly metrics: RelayMetrics
  readonly logger: Logger
  readonly problems: StorageProblems
}

/**
 * Writes one room's updates to storage without ever delaying a forward: the updates of an
 * event-loop turn go out as one merged append, one write at a time.
 *
 * When storage refuses a write, nothing says which earlier writes it still holds (a failed LevelDB
 * write can leave its log damaged), so the writer stops trusting them: from then on each attempt,
 * once a second, appends whatever the stored document lacks of the one in memory and reads it
 * back. Only when that succeeds are the room's edits counted stored again. Meanwhile the room
 * reports `unsaved`, which keeps it in memory, and its members are told, through `onStatus`.
 *
 * Marks (`mark`) say "everything this member sent up to message n is queued"; each successful
 * write hands the marks it covered to `onStored`, so that acknowledgements follow storage.
 */
export class RoomWriter<Marker = unknown> {
  private unwritten: Uint8Array[] = []
  /** Per marker, the highest message number whose content is queued and not yet stored. */
  private marks = new Map<Marker, number>()
  /** Why storage refused the last write, until the whole document was written and read back. */
  private notStoredReason: string | null = null
  private writing: Promise<void> = Promise.resolve()
  private writeScheduled = false
  /** A write is chained behind the one under way and has not started. */
  private writeWaiting = false
  private retryTimer: NodeJS.Timeout | undefined
  private appendsSinceLoad = 0
  private stopped = false

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly services: RoomWriterServices,
    /** Called when storage starts refusing this room's edits and when they are all stored again. */
    private readonly onStatus: (status: StorageStatus) => void,
    /** Called after a write with the marks it covered. */
    private readonly onStored: (marks: ReadonlyMap<Marker, number>) => void = () => {}
  ) {}

  /** Whether the room holds edits that storage has not (provably) taken. */
  get unsaved(): boolean {
    return this.unwritten.length > 0 || this.notStoredReason !== null
  }

  /** What a member joining now is told, or `null` while every edit is stored. */
  get status(): StorageStatus | null {
    return this.notStoredReason === null ? null : { stored: false, reason: this.notStoredReason }
  }

  /** Queues an update that is in the document; it is written once this turn's updates are all in. */
  append(update: Uint8Array): void {
    this.unwritten.push(update)
    // While storage refuses writes, the retry timer re-saves the whole document; an attempt per
    // update would only fail faster.
    if (this.notStoredReason === null) this.scheduleWrite()
  }

  /**
   * Records that `marker`'s messages up to `through` are queued (or carried nothing to store); the
   * write that stores them reports it.
   */
  mark(marker: Marker, through: number): void {
    this.marks.set(marker, Math.max(through, this.marks.get(marker) ?? 0))
    if (this.notStoredReason === null) this.scheduleWrite()
  }

  /** Forgets a marker (its member left). */
  forget(marker: Marker): void {
    this.marks.delete(marker)
  }

  /**
   * The last attempt, when the room closes: writes what is queued (or re-saves the document), and
   * compacts a long log. Resolves either way; returns whether everything is stored.
   */
  async finish(): Promise<boolean> {
    this.stopped = true
    clearTimeout(this.retryTimer)
    await this.write()
    if (this.unsaved) {
      this.services.logger.error(
        { room: this.name, updates: this.unwritten.length },
        'room closed with edits that storage refused; they are lost from this relay unless a client resends them when it reconnects'
      )
      return false
    }
    if (this.appendsSinceLoad >= compactAfterAppends) {
      await this.services.storage.compact(this.name).catch((error: unknown) => {
        this.services.logger.warn({ room: this.name, err: error }, 'compaction failed; the log stays as it is')
      })
    }
    return true
  }

  /** Stops retrying; for a room closed before it loaded. */
  stop(): void {
    this.stopped = true
    clearTimeout(this.retryTimer)
  }

  private scheduleWrite(): void {
    if (this.writeScheduled) return
    this.writeScheduled = true
    setImmediate(() => {
      this.writeScheduled = false
      void this.write()
    })
  }

  /**
   * Writes the queued updates as one merged append; after a refused write, the whole document
   * instead (`resave`). Writes run one after another, and at most one waits for its turn: it
   * takes whatever is queued when it starts.
   */
  private write(): Promise<void> {
    if (this.writeWaiting) return this.writing
    this.writeWaiting = true
    this.writing = this.writing.then(() => {
      this.writeWaiting = false
      return this.notStoredReason === null ? this.appendUnwritten() : this.resave()
    })
    return this.writing
  }

  private async appendUnwritten(): Promise<void> {
    const marks = this.takeMarks()
    if (this.unwritten.length === 0) {
      // Messages that carried nothing new are stored once everything before them is.
      if (marks.size > 0) this.onStored(marks)
      return
    }
    const batch = this.unwritten
    this.unwritten = []
    const merged = mergeManyUpdates(batch)
    const started = performance.now()
    try {
      await this.services.storage.append(this.name, merged)
    } catch (error) {
      this.unwritten.unshift(merged)
      this.restoreMarks(marks)
      return this.failed(error)
    }
    this.appendsSinceLoad++
    this.services.metrics.observeStorageWrite((performance.now() - started) / 1000)
    if (marks.size > 0) this.onStored(marks)
  }

  private takeMarks(): Map<Marker, number> {
    const marks = this.marks
    if (marks.size > 0) this.marks = new Map()
    return marks
  }

  /** Puts back the marks of a failed write, keeping any newer ones made meanwhile. */
  private restoreMarks(marks: ReadonlyMap<Marker, number>): void {
    for (const [marker, through] of marks) this.marks.set(marker, Math.max(through, this.marks.get(marker) ?? 0))
  }

  /**
   * Appends whatever the stored document lacks of the one in memory, reads it back, and only then
   * counts the room's edits stored. The queued updates are all in the document, so they are
   * dropped here; those queued while this runs are appended after it succeeds, or covered by the
   * next attempt after it fails.
   */
  private async resave(): Promise<void> {
    this.unwritten = []
    // Every mark made so far is of content in the document, which this covers.
    const marks = this.takeMarks()
    try {
      await storeWhatStorageLacks(this.services.storage, this.name, this.doc)
    } catch (error) {
      this.unwritten = []
      this.restoreMarks(marks)
      return this.failed(error)
    }
    this.notStoredReason = null
    this.appendsSinceLoad++
    if (this.unwritten.length > 0 || this.marks.size > 0) this.scheduleWrite()
    if (marks.size > 0) this.onStored(marks)
    this.services.problems.saved(this.name)
    this.onStatus({ stored: true })
  }

  /** Keeps the edits, reports the failure (the members once per outage), and retries. */
  private failed(error: unknown): void {
    this.services.metrics.countError('storage-write')
    this.services.problems.writeFailed(this.name, error)
    if (this.notStoredReason === null) {
      this.notStoredReason = error instanceof Error ? error.message : String(error)
      this.onStatus({ stored: false, reason: this.notStoredReason })
    }
    if (this.stopped) return
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => void this.write(), retryFailedWriteMs)
  }
}
