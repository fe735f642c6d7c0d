import pg from 'pg'
import type { Logger } from 'pino'
import { mergeManyUpdates } from '../merge-updates'
import type { DependencyHealth } from '../extension'
import { StorageError, type DocumentStorage } from './document-storage'
import { InFlightWrites } from './in-flight'
import { advisoryLockNamespace, migrateSchema } from './postgres-schema'

export interface PostgresStorageOptions {
  /** Largest number of connections the pool opens; default 10. */
  readonly maxConnections?: number
  /** How often reachability is checked for `/healthz` when nothing else queried; default 5 s. */
  readonly healthProbeMs?: number
  readonly logger?: Logger
}

/** One document's rows: the compacted state (id 0) first, then its updates in the order they were stored. */
const selectDocument = `
  SELECT 0::bigint AS id, snapshot AS data FROM ensemble_documents WHERE name = $1
  UNION ALL
  SELECT id, update AS data FROM ensemble_updates WHERE name = $1
  ORDER BY id`

/**
 * Documents in PostgreSQL, shared by every relay instance of a cluster. Each update is one row of
 * `ensemble_updates`; compaction folds a document's rows into its `ensemble_documents` snapshot
 * under a per-document advisory lock, so two instances never compact the same document at once.
 */
export class PostgresStorage implements DocumentStorage {
  private readonly inFlight = new InFlightWrites()
  private reachability: DependencyHealth
  private readonly probeTimer: NodeJS.Timeout
  private closed = false

  private constructor(
    private readonly pool: pg.Pool,
    /** The server and database, without credentials, for messages. */
    private readonly where: string,
    options: PostgresStorageOptions
  ) {
    this.reachability = { ok: true, detail: where }
    this.pool.on('error', (error) => {
      // An idle pooled connection broke (e.g. the server restarted); the pool replaces it.
      this.markUnreachable(error)
      options.logger?.warn({ err: error, postgres: where }, 'a pooled PostgreSQL connection failed')
    })
    this.probeTimer = setInterval(() => void this.probe(), options.healthProbeMs ?? 5000)
    this.probeTimer.unref()
  }

  /**
   * Connects to `url` (a `postgres://` connection string) and creates or migrates the schema.
   * Fails with a `StorageError` that says how when the server cannot be reached.
   */
  static async open(url: string, options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    const where = describeDatabase(url)
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000
    })
    const storage = new PostgresStorage(pool, where, options)
    try {
      await migrateSchema(pool, where)
    } catch (error) {
      await storage.close().catch(() => {
        // The pool could not even end; the error below is the one that matters.
      })
      if (error instanceof StorageError) throw error
      throw new StorageError(
        `Cannot prepare the document tables in PostgreSQL at ${where}: ${messageOf(error)}. ` +
          'Check that PostgreSQL is running and that --postgres-url (ENSEMBLE_POSTGRES_URL) is right.',
        { cause: error }
      )
    }
    return storage
  }

  async load(name: string): Promise<Uint8Array | null> {
    const { rows } = await this.query<{ data: Buffer }>(`read document "${name}"`, selectDocument, [name])
    if (rows.length === 0) return null
    const updates = rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength))
    return mergeManyUpdates(updates)
  }

  append(name: string, update: Uint8Array): Promise<void> {
    return this.inFlight.track(
      this.query(`append to document "${name}"`, 'INSERT INTO ensemble_updates (name, update) VALUES ($1, $2)', [
        name,
        Buffer.from(update.buffer, update.byteOffset, update.byteLength)
      ]).then(() => undefined)
    )
  }

  /**
   * Folds the document's rows into one snapshot. When another instance holds the document's lock
   * it is compacting the same rows, so this one returns at once.
   */
  compact(name: string): Promise<void> {
    return this.inFlight.track(
      this.transaction(`compact document "${name}"`, async (client) => {
        const locked = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
          [advisoryLockNamespace, name]
        )
        if (locked.rows[0]?.locked !== true) return
        const { rows } = await client.query<{ id: string; data: Buffer }>(selectDocument, [name])
        const updateIds = rows.filter((row) => row.id !== '0').map((row) => row.id)
        if (updateIds.length === 0) return
        // Merged without a Y.Doc: a document with garbage collection would drop the deleted
        // content that version history needs (app/document.ts).
        const merged = mergeManyUpdates(rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)))
        await client.query(
          `INSERT INTO ensemble_documents (name, snapshot) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET snapshot = EXCLUDED.snapshot, compacted_at = now()`,
          [name, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength)]
        )
        // Exactly the rows folded in: one stored meanwhile by another instance stays in the log.
        await client.query('DELETE FROM ensemble_updates WHERE name = $1 AND id = ANY($2::bigint[])', [name, updateIds])
      })
    )
  }

  async flush(): Promise<void> {
    await this.inFlight.settled()
  }

  async list(): Promise<string[]> {
    const { rows } = await this.query<{ name: string }>(
      'list the documents',
      'SELECT name FROM ensemble_documents UNION SELECT DISTINCT name FROM ensemble_updates'
    )
    return rows.map((row) => row.name)
  }

  delete(name: string): Promise<void> {
    return this.inFlight.track(
      this.transaction(`delete document "${name}"`, async (client) => {
        // Waits for a compaction of the same document, which would otherwise write its snapshot back.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [advisoryLockNamespace, name])
        await client.query('DELETE FROM ensemble_updates WHERE name = $1', [name])
        await client.query('DELETE FROM ensemble_documents WHERE name = $1', [name])
      })
    )
  }

  health(): Record<string, DependencyHealth> {
    return { postgres: this.reachability }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.probeTimer)
    await this.flush()
    await this.pool.end()
  }

  private async query<R extends pg.QueryResultRow>(
    what: string,
    text: string,
    values: unknown[] = []
  ): Promise<pg.QueryResult<R>> {
    try {
      const result = await this.pool.query<R>(text, values)
      this.markReachable()
      return result
    } catch (error) {
      throw this.failure(what, error)
    }
  }

  private async transaction(what: string, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let client: pg.PoolClient
    try {
      client = await this.pool.connect()
    } catch (error) {
      throw this.failure(what, error)
    }
    try {
      await client.query('BEGIN')
      await work(client)
      await client.query('COMMIT')
      this.markReachable()
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        // The connection is gone; the failure below says why.
      })
      throw this.failure(what, error)
    } finally {
      client.release()
    }
  }

  private failure(what: string, error: unknown): StorageError {
    if (isConnectionError(error)) this.markUnreachable(error)
    return new StorageError(
      `Cannot ${what} in PostgreSQL at ${this.where}: ${messageOf(error)}` +
        (isConnectionError(error) ? '. Check that PostgreSQL is running and reachable from this relay.' : ''),
      { cause: error }
    )
  }

  private async probe(): Promise<void> {
    if (this.closed) return
    try {
      await this.pool.query('SELECT 1')
      this.markReachable()
    } catch (error) {
      this.markUnreachable(error)
    }
  }

  private markReachable(): void {
    if (!this.reachability.ok) this.reachability = { ok: true, detail: this.where }
  }

  private markUnreachable(error: unknown): void {
    this.reachability = { ok: false, detail: `${this.where}: ${messageOf(error)}` }
  }
}

/** `host:port/database` of a connection string, without user or password. */
export const describeDatabase = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
  } catch {
    return 'the configured database (the URL does not parse)'
  }
}

const messageOf = (error: unknown): string =>
  error instanceof AggregateError && error.errors.length > 0
    ? messageOf(error.errors[0])
    : error instanceof Error
      ? error.message || (error as NodeJS.ErrnoException).code || error.name
      : String(error)

/** True for errors that mean the server could not be talked to, rather than that it refused a statement. */
const isConnectionError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string') return true // socket errors and timeouts carry no SQLSTATE
  return code.startsWith('08') || code === '57P01' || code === '57P03' || /^E[A-Z]+$/.test(code)
}
