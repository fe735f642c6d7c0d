import { mkdir } from 'node:fs/promises'
import { ClassicLevel } from 'classic-level'
import { StorageError } from './document-storage'
import { checkLogFiles, type LogDamage } from './leveldb-log-check'
import { levelKeyEncoding, type LevelKey } from './leveldb-keys'
import { checkLogsAgainstLedger, readLedger } from './leveldb-ledger'

export type { LevelKey }
/** y-leveldb's key layout (`leveldb-keys.ts`), with values stored as they are. */
export type LevelStore = ClassicLevel<LevelKey, Uint8Array>

const valueEncoding = { buffer: true, type: 'y-value', encode: (data: Uint8Array) => data, decode: (data: Uint8Array) => data }

/** The command that recovers a damaged store, for messages. */
export const repairCommand = (directory: string): string => `npm run relay -- repair --data ${JSON.stringify(directory)}`

/** The store's files are damaged; opening it would serve less than was stored. */
export class DamagedStoreError extends StorageError {
  override name = 'DamagedStoreError'
  constructor(
    readonly directory: string,
    readonly damage: LogDamage
  ) {
    super(
      `The document store in ${directory} is damaged: ${damage.problem}. Opening it would silently leave out ` +
        `the edits that part holds, so it was not opened. Stop every relay using ${directory}, then run ` +
        `\`${repairCommand(directory)}\`: it keeps a copy of the store as it is and recovers every record that can still be read.`
    )
  }
}

/**
 * Finds damage LevelDB would hide: a write-ahead log with a bad record, or one shorter than the
 * ledger says was written. Returns `null` for a healthy (or new) store.
 */
export const findStoreDamage = async (directory: string): Promise<LogDamage | null> => {
  const logs = await checkLogFiles(directory)
  const damaged = logs.find((log) => log.damage !== null)
  if (damaged !== undefined) return damaged.damage
  return checkLogsAgainstLedger(await readLedger(directory), logs)
}

/**
 * Opens (creating if needed) the LevelDB store in `directory` after checking its logs. Every
 * failure is a `StorageError` that says what went wrong and what to do about it.
 */
export const openLevelStore = async (directory: string): Promise<LevelStore> => {
  try {
    await mkdir(directory, { recursive: true })
  } catch (error) {
    throw explainOpenFailure(directory, error)
  }
  const damage = await findStoreDamage(directory)
  if (damage !== null) throw new DamagedStoreError(directory, damage)
  const db = new ClassicLevel<LevelKey, Uint8Array>(directory, { keyEncoding: levelKeyEncoding, valueEncoding })
  try {
    await db.open()
  } catch (error) {
    throw explainOpenFailure(directory, error)
  }
  return db
}

/** The error message that names what went wrong when a store cannot be opened, and the way out. */
export const explainOpenFailure = (directory: string, error: unknown): StorageError => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const code = (cause as { code?: string } | null)?.code ?? (error as { code?: string } | null)?.code
  const message = cause instanceof Error ? cause.message : String(cause)
  const what = `Cannot open the document store in ${directory}: ${message}.`
  let advice: string
  if (code === 'LEVEL_LOCKED' || /lock .*(already held|temporarily unavailable)/i.test(message)) {
    advice = 'Another relay (or Ensemble window) is using this data directory. Stop it, or give this relay a different data folder (--data).'
  } else if (code === 'EACCES' || code === 'EPERM' || /permission denied/i.test(message)) {
    advice = 'The relay may not write there. Give its user write access to the folder, or choose a folder it owns (--data).'
  } else if (code === 'EROFS' || /read-only file system/i.test(message)) {
    advice = 'The folder is on a read-only file system. Choose a writable folder (--data).'
  } else if (code === 'ENOSPC' || /no space left/i.test(message)) {
    advice = 'The disk is full. Free some space, then start the relay again.'
  } else if (code === 'LEVEL_CORRUPTION' || /corruption/i.test(message)) {
    advice = `LevelDB reports the store damaged. Stop every relay using it, then run \`${repairCommand(directory)}\`.`
  } else {
    advice = 'Check that the folder exists, is writable and is not on a network share.'
  }
  return new StorageError(`${what} ${advice}`, { cause: error })
}
