import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { freePort, startPostgres, type TestPostgres } from '../testing/services'
import { waitFor } from '../testing/harness'
import { StorageError } from './document-storage'
import { advisoryLockNamespace, latestSchemaVersion } from './postgres-schema'
import { PostgresStorage } from './postgres-storage'

describe('PostgresStorage', () => {
  let server: TestPostgres
  beforeAll(async () => {
    server = await startPostgres()
  }, 60_000)
  afterAll(() => server?.stop())

  const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  const updateRows = (url: string, name: string): Promise<number> =>
    withClient(url, async (client) => {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM ensemble_updates WHERE name = $1', [name])
      return Number(rows[0]!.n)
    })
  const appendText = async (storage: PostgresStorage, name: string, words: string[]): Promise<Y.Doc> => {
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => void storage.append(name, update))
    for (const word of words) doc.getText('text').insert(doc.getText('text').length, word)
    await storage.flush()
    return doc
  }

  it('creates the schema once when several instances start together, and records its version', async () => {
    const url = await server.createDatabase('schema_race')
    const instances = await Promise.all([1, 2, 3].map(() => PostgresStorage.open(url)))
    await Promise.all(instances.map((storage) => storage.close()))
    const versions = await withClient(url, async (client) => (await client.query('SELECT version FROM ensemble_schema_version')).rows)
    expect(versions).toEqual([{ version: latestSchemaVersion }])
  })

  it('refuses a database whose schema is newer than it understands, saying what to do', async () => {
    const url = await server.createDatabase('schema_newer')
    await (await PostgresStorage.open(url)).close()
    await withClient(url, (client) => client.query('UPDATE ensemble_schema_version SET version = 99'))
    const opening = PostgresStorage.open(url)
    await expect(opening).rejects.toThrow(StorageError)
    await expect(PostgresStorage.open(url)).rejects.toThrow(/schema version 99, newer than this relay understands .* Upgrade this relay/)
  })

  it('says which server it could not reach and what to check', async () => {
    const port = await freePort()
    const url = `postgres://ensemble:secret@127.0.0.1:${port}/nowhere`
    const opening = PostgresStorage.open(url)
    await expect(opening).rejects.toThrow(StorageError)
    const message = await opening.catch((error: Error) => error.message)
    expect(message).toContain(`PostgreSQL at 127.0.0.1:${port}/nowhere`)
    expect(message).toContain('--postgres-url')
    expect(message).not.toContain('secret')
  })

  it('skips compacting a document while another instance holds its lock, and compacts it afterwards', async () => {
    const url = await server.createDatabase('compaction_lock')
    const storage = await PostgresStorage.open(url)
    try {
      const doc = await appendText(storage, 'locked', ['a', 'b', 'c', 'd'])
      expect(await updateRows(url, 'locked')).toBe(4)
      // Another instance in the middle of compacting the same document.
      await withClient(url, async (other) => {
        await other.query('BEGIN')
        await other.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [advisoryLockNamespace, 'locked'])
        await storage.compact('locked')
        expect(await updateRows(url, 'locked')).toBe(4)
        await other.query('COMMIT')
      })
      await storage.compact('locked')
      expect(await updateRows(url, 'locked')).toBe(0)
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await storage.load('locked'))!)
      expect(loaded.getText('text').toString()).toBe(doc.getText('text').toString())
    } finally {
      await storage.close()
    }
  })

  it('loses nothing when two instances compact the same document while a third appends', async () => {
    const url = await server.createDatabase('compaction_race')
    const [first, second, writer] = await Promise.all([1, 2, 3].map(() => PostgresStorage.open(url)))
    try {
      const doc = new Y.Doc()
      const text = doc.getText('text')
      doc.on('update', (update: Uint8Array) => void writer!.append('shared', update))
      const compactions: Promise<void>[] = []
      for (let i = 0; i < 200; i++) {
        text.insert(text.length, `${i} `)
        if (i % 20 === 0) compactions.push(first!.compact('shared'), second!.compact('shared'))
        if (i % 50 === 0) await writer!.flush()
      }
      await writer!.flush()
      await Promise.all(compactions)
      await first!.compact('shared')
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await second!.load('shared'))!)
      expect(loaded.getText('text').toString()).toBe(text.toString())
    } finally {
      await Promise.all([first, second, writer].map((storage) => storage!.close()))
    }
  })

  it('reports PostgreSQL unreachable while it is down, fails writes with a clear error, and recovers', async () => {
    const url = await server.createDatabase('outage')
    const storage = await PostgresStorage.open(url, { healthProbeMs: 100 })
    try {
      expect(storage.health().postgres!.ok).toBe(true)
      await server.kill()
      await expect(storage.append('doc', Y.encodeStateAsUpdate(new Y.Doc()))).rejects.toThrow(
        /Cannot append to document "doc" in PostgreSQL at 127\.0\.0\.1:\d+\/outage: .*Check that PostgreSQL is running/
      )
      expect(storage.health().postgres!.ok).toBe(false)
      await server.start()
      await waitFor(() => storage.health().postgres!.ok, 'PostgreSQL to be reported reachable again')
      await appendText(storage, 'doc', ['back'])
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await storage.load('doc'))!)
      expect(loaded.getText('text').toString()).toBe('back')
    } finally {
      await storage.close()
    }
  })
})
