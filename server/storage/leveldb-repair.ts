import { cp, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ClassicLevel } from 'classic-level'
import { StorageError } from './document-storage'
import type { LogDamage } from './leveldb-log-check'
import { ledgerFileName } from './leveldb-ledger'
import { explainOpenFailure, findStoreDamage, type LevelKey } from './leveldb-open'
import { LevelDbStorage } from './leveldb-storage'

/** What `repairLevelStore` found and did. */
export interface RepairReport {
  readonly directory: string
  /** The damage found before repairing, or `null` when the store looked healthy. */
  readonly damage: LogDamage | null
  /** Where the store was copied, byte for byte, before anything was changed. */
  readonly keptAside: string
  /** Whether LevelDB's own repairer had to rebuild the store (its manifest or tables were unreadable too). */
  readonly rebuilt: boolean
  /** The documents the repaired store holds. */
  readonly documents: number
}

/**
 * Recovers what can be read of a damaged store, after keeping a copy of it as it was:
 * LevelDB's recovery replays the write-ahead logs, keeping every whole record and skipping damaged
 * blocks, and when even that fails, LevelDB's repairer rebuilds the store from whatever files it
 * finds. The ledger of the old logs is dropped; the repaired store starts a new one. Refuses while
 * another process holds the store.
 */
export const repairLevelStore = async (directory: string, now = new Date()): Promise<RepairReport> => {
  try {
    await stat(join(directory, 'CURRENT'))
  } catch (error) {
    throw new StorageError(`There is no LevelDB store in ${directory} (no CURRENT file); check the --data folder.`, { cause: error })
  }
  const damage = await findStoreDamage(directory)
  const keptAside = `${directory.replace(/[/\\]+$/, '')}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
  await cp(directory, keptAside, { recursive: true, errorOnExist: true, force: false })
  let rebuilt = false
  // Opening takes LevelDB's lock before it touches anything, so a running relay stops us here.
  let db = new ClassicLevel<LevelKey, Uint8Array>(directory, { createIfMissing: false })
  try {
    await db.open()
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'LEVEL_LOCKED') {
      await rm(keptAside, { recursive: true, force: true })
      throw explainOpenFailure(directory, error)
    }
    await ClassicLevel.repair(directory)
    rebuilt = true
    db = new ClassicLevel<LevelKey, Uint8Array>(directory, { createIfMissing: false })
    await db.open().catch((reopenError: unknown) => {
      throw explainOpenFailure(directory, reopenError)
    })
  }
  await db.close()
  await rm(join(directory, ledgerFileName), { force: true })
  const storage = await LevelDbStorage.open(directory)
  try {
    const documents = (await storage.list()).length
    return { directory, damage, keptAside, rebuilt, documents }
  } finally {
    await storage.close()
  }
}

/** The report as the command line prints it. */
export const describeRepair = (report: RepairReport): string =>
  [
    report.damage === null
      ? `The store in ${report.directory} showed no damage in its logs; it was reopened and checked all the same.`
      : `The store in ${report.directory} was damaged: ${report.damage.problem}.`,
    `A copy of it as it was is in ${report.keptAside}; keep it until you are sure nothing is missing.`,
    report.rebuilt
      ? 'LevelDB could not open it as it was, so its repairer rebuilt it from the files it could read.'
      : 'LevelDB replayed its logs, keeping every whole record and skipping the damaged part.',
    `It now holds ${report.documents} ${report.documents === 1 ? 'document' : 'documents'}. Start the relay as before; ` +
      'clients that still hold edits the damaged part lost send them again when they reconnect.'
  ].join('\n')
