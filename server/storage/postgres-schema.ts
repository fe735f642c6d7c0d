import type { Pool } from 'pg'
import { StorageError } from './document-storage'

/**
 * Advisory-lock namespace of the relay (the first key of PostgreSQL's two-key advisory locks), so
 * that our locks cannot collide with another application's on the same database.
 */
export const advisoryLockNamespace = 0x656e73 // "ens"
/** Second key of the lock held while migrating the schema. */
const migrationLockKey = 0

/**
 * The schema, one entry per version. Never edit a released entry: add the next one.
 * v1: a document's compacted state in `ensemble_documents`, its updates since in `ensemble_updates`.
 */
const migrations: readonly string[] = [
  `CREATE TABLE ensemble_documents (
     name text PRIMARY KEY,
     snapshot bytea NOT NULL,
     compacted_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE ensemble_updates (
     id bigserial PRIMARY KEY,
     name text NOT NULL,
     update bytea NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX ensemble_updates_by_document ON ensemble_updates (name, id);`
]

export const latestSchemaVersion = migrations.length

/**
 * Creates the tables or brings them to the latest version. Several relays starting together are
 * serialised by an advisory lock, so each migration runs once.
 */
export const migrateSchema = async (pool: Pool, where: string): Promise<number> => {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [advisoryLockNamespace, migrationLockKey])
    await client.query('CREATE TABLE IF NOT EXISTS ensemble_schema_version (version integer NOT NULL)')
    const { rows } = await client.query<{ version: number }>('SELECT version FROM ensemble_schema_version')
    const current = rows[0]?.version ?? 0
    if (current > latestSchemaVersion) {
      throw new StorageError(
        `The database at ${where} has schema version ${current}, newer than this relay understands (${latestSchemaVersion}). ` +
          'Upgrade this relay to the version the other instances run.'
      )
    }
    for (let version = current + 1; version <= latestSchemaVersion; version++) {
      await client.query(migrations[version - 1]!)
    }
    if (current !== latestSchemaVersion) {
      await client.query('DELETE FROM ensemble_schema_version')
      await client.query('INSERT INTO ensemble_schema_version (version) VALUES ($1)', [latestSchemaVersion])
    }
    await client.query('COMMIT')
    return current
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      // The connection is gone; the error below says why.
    })
    throw error
  } finally {
    client.release()
  }
}
