import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { logFilesIn, type LogCheck, type LogDamage } from './leveldb-log-check'

/**
 * How much of LevelDB's newest write-ahead log had been written when writes last succeeded,
 * recorded beside the store in `ledgerFileName`. A log cut short (truncated by a tool, a bad copy,
 * a filesystem fault) still reads as a clean log that simply ends early: LevelDB treats its
 * unfinished last record as never written. Only a record of how long it was tells the two apart.
 *
 * The figure is taken between two commits, so it counts whole, acknowledged records only, and it
 * is never ahead of the log. A stale ledger (a crash before the next entry) only protects less.
 */
export interface LogLedgerEntry {
  readonly log: string
  readonly bytes: number
  readonly recordedAt: string
}

/** LevelDB leaves files it does not know alone, so the ledger can sit in its folder. */
export const ledgerFileName = 'ENSEMBLE-LEDGER.json'

/** Reads the ledger; `null` when there is none (a new store, or one from before ledgers) or it is unreadable. */
export const readLedger = async (directory: string): Promise<LogLedgerEntry | null> => {
  let text: string
  try {
    text = await readFile(join(directory, ledgerFileName), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const entry = JSON.parse(text) as Partial<LogLedgerEntry>
    if (typeof entry.log === 'string' && /^\d+\.log$/.test(entry.log) && Number.isSafeInteger(entry.bytes) && typeof entry.recordedAt === 'string') {
      return { log: entry.log, bytes: entry.bytes!, recordedAt: entry.recordedAt }
    }
  } catch {
    // Unparsable: treated as absent below; the next checkpoint rewrites it.
  }
  return null
}

/**
 * Compares the logs on disk with the ledger: the log it names must hold at least as many bytes of
 * whole records as it recorded, and may be missing only when LevelDB has moved on to a newer log.
 */
export const checkLogsAgainstLedger = (ledger: LogLedgerEntry | null, logs: readonly LogCheck[]): LogDamage | null => {
  if (ledger === null) return null
  const recorded = logs.find((log) => log.file === ledger.log)
  if (recorded === undefined) {
    const newer = logs.some((log) => parseInt(log.file, 10) > parseInt(ledger.log, 10))
    if (newer) return null
    return {
      file: ledger.log,
      offset: 0,
      bytes: ledger.bytes,
      problem: `the log ${ledger.log}, which held ${ledger.bytes} bytes of edits at ${ledger.recordedAt}, is missing`
    }
  }
  const whole = recorded.bytes - recorded.unfinishedTailBytes
  if (whole >= ledger.bytes) return null
  return {
    file: ledger.log,
    offset: whole,
    bytes: ledger.bytes - whole,
    problem: `${ledger.log} holds ${whole} bytes of whole records, but ${ledger.bytes} had been written by ${ledger.recordedAt}: the file was cut short`
  }
}

/** Keeps the ledger of one open store up to date; `measure` runs between two commits, `save` after. */
export class LogLedger {
  private saving: Promise<void> = Promise.resolve()
  private lastMeasuredAt = 0

  constructor(
    private readonly directory: string,
    /** Least time between two measurements while writes go on. */
    private readonly intervalMs = 1000,
    private readonly now: () => number = Date.now
  ) {}

  /** Whether a measurement is due; `force` for the one at open and at close. */
  due(force = false): boolean {
    return force || this.now() - this.lastMeasuredAt >= this.intervalMs
  }

  /** The newest log's size now. Call only while no write is in flight, so that it counts whole records. */
  async measure(): Promise<LogLedgerEntry | null> {
    this.lastMeasuredAt = this.now()
    const logs = await logFilesIn(this.directory)
    const newest = logs.at(-1)
    if (newest === undefined) return null
    const { size } = await stat(join(this.directory, newest))
    return { log: newest, bytes: size, recordedAt: new Date(this.now()).toISOString() }
  }

  /**
   * Writes `entry` atomically, after any save still running. A failure (a full disk) keeps the
   * previous ledger, which is older and so still true; it is reported to `onError`.
   */
  save(entry: LogLedgerEntry, onError: (error: unknown) => void): Promise<void> {
    this.saving = this.saving.then(async () => {
      try {
        // Loaded on the first save: a relay that never writes does not carry it.
        const { default: writeFileAtomic } = await import('write-file-atomic')
        await writeFileAtomic(join(this.directory, ledgerFileName), JSON.stringify(entry) + '\n', { fsync: false })
      } catch (error) {
        onError(error)
      }
    })
    return this.saving
  }

  /** Resolves once every save started so far has finished or failed. */
  settled(): Promise<void> {
    return this.saving
  }
}
