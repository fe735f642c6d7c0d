import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDocumentDoc } from '../../app/document'
import { startPostgres, type TestPostgres } from '../testing/services'
import type { DocumentStorage } from './document-storage'
import { LevelDbStorage } from './leveldb-storage'
import { MemoryStorage } from './memory-storage'
import { PostgresStorage } from './postgres-storage'

/** How a contract run gets a store: opened fresh, and reopened on the same data (after `close`). */
interface StorageKind {
  readonly name: string
  setUp(): Promise<void>
  tearDown(): Promise<void>
  open(): Promise<DocumentStorage>
  /** Whether what was stored survives `close()` and a new `open()`. */
  readonly durable: boolean
}

const leveldb = (): StorageKind => {
  let dir = ''
  return {
    name: 'LevelDbStorage',
    durable: true,
    setUp: async () => {
      dir = await mkdtemp(join(tmpdir(), 'ensemble-contract-'))
    },
    tearDown: () => rm(dir, { recursive: true, force: true }),
    open: () => LevelDbStorage.open(dir)
  }
}

const postgres = (): StorageKind => {
  let server: TestPostgres | undefined
  let url = ''
  return {
    name: 'PostgresStorage',
    durable: true,
    setUp: async () => {
      server = await startPostgres()
      url = await server.createDatabase('contract')
    },
    tearDown: async () => server?.stop(),
    open: () => PostgresStorage.open(url)
  }
}

const memory = (): StorageKind => {
  const shared = new MemoryStorage()
  return {
    name: 'MemoryStorage',
    durable: false,
    setUp: async () => {},
    tearDown: async () => {},
    open: async () => shared
  }
}

const textOf = (state: Uint8Array | null): string => {
  const doc = new Y.Doc()
  if (state !== null) Y.applyUpdate(doc, state)
  return doc.getText('text').toString()
}

/** A document whose every edit is appended to `storage` as its own update. */
const loggedDoc = (storage: DocumentStorage, name: string): { text: Y.Text; writes: Promise<void>[] } => {
  const doc = new Y.Doc()
  const writes: Promise<void>[] = []
  doc.on('update', (update: Uint8Array) => writes.push(storage.append(name, update)))
  return { text: doc.getText('text'), writes }
}

describe.each([leveldb(), postgres(), memory()])('DocumentStorage contract: $name', (kind) => {
  let storage: DocumentStorage
  beforeAll(() => kind.setUp(), 60_000)
  afterAll(() => kind.tearDown())
  afterEach(async () => {
    await storage.close()
  })
  const open = async (): Promise<DocumentStorage> => {
    storage = await kind.open()
    return storage
  }

  it('returns null for a document it never stored', async () => {
    await open()
    expect(await storage.load('never-stored')).toBeNull()
  })

  it('appends updates, loads them merged, lists and deletes documents', async () => {
    await open()
    const a = loggedDoc(storage, 'list/a')
    for (const word of ['one ', 'two ', 'three']) a.text.insert(a.text.length, word)
    await Promise.all(a.writes)
    const b = loggedDoc(storage, 'list/b')
    b.text.insert(0, 'bee')
    await storage.flush()
    expect(textOf(await storage.load('list/a'))).toBe('one two three')
    const listed = (await storage.list()).filter((name) => name.startsWith('list/'))
    expect(listed.sort()).toEqual(['list/a', 'list/b'])
    await storage.delete('list/a')
    expect(await storage.load('list/a')).toBeNull()
    expect((await storage.list()).filter((name) => name.startsWith('list/'))).toEqual(['list/b'])
  })

  it('compacts a long log into a state that loads to the same document, also after reopening', async () => {
    await open()
    const long = loggedDoc(storage, 'long')
    for (let i = 0; i < 300; i++) long.text.insert(long.text.length, `${i},`)
    long.text.delete(0, 10)
    await storage.flush()
    await storage.compact('long')
    expect(textOf(await storage.load('long'))).toBe(long.text.toString())
    if (!kind.durable) return
    await storage.close()
    await open()
    expect(textOf(await storage.load('long'))).toBe(long.text.toString())
  })

  it('keeps deleted content through load and compaction, so old versions still render', async () => {
    await open()
    const doc = createDocumentDoc()
    const writes: Promise<void>[] = []
    doc.on('update', (update: Uint8Array) => writes.push(storage.append('history', update)))
    const text = doc.getText('text')
    text.insert(0, 'the first draft')
    const firstDraft = Y.snapshot(doc)
    text.delete(4, 6)
    text.insert(4, 'second')
    await Promise.all(writes)
    const versionIn = async (): Promise<string> => {
      const loaded = createDocumentDoc()
      const state = await storage.load('history')
      if (state !== null) Y.applyUpdate(loaded, state)
      return Y.createDocFromSnapshot(loaded, firstDraft).getText('text').toString()
    }
    expect(await versionIn()).toBe('the first draft')
    await storage.compact('history')
    expect(await versionIn()).toBe('the first draft')
    if (!kind.durable) return
    await storage.close()
    await open()
    expect(await versionIn()).toBe('the first draft')
  })

  it('keeps every update appended while a compaction runs', async () => {
    await open()
    const racing = loggedDoc(storage, 'racing')
    for (let i = 0; i < 50; i++) racing.text.insert(racing.text.length, `a${i} `)
    await storage.flush()
    const compactions: Promise<void>[] = []
    for (let i = 0; i < 50; i++) {
      racing.text.insert(racing.text.length, `b${i} `)
      if (i % 10 === 0) compactions.push(storage.compact('racing'))
    }
    await Promise.all([...compactions, ...racing.writes])
    expect(textOf(await storage.load('racing'))).toBe(racing.text.toString())
    await storage.compact('racing')
    expect(textOf(await storage.load('racing'))).toBe(racing.text.toString())
  })

  it('deletes a compacted document completely', async () => {
    await open()
    const gone = loggedDoc(storage, 'gone')
    gone.text.insert(0, 'soon gone')
    await storage.flush()
    await storage.compact('gone')
    gone.text.insert(0, 'really ')
    await storage.flush()
    await storage.delete('gone')
    expect(await storage.load('gone')).toBeNull()
    expect(await storage.list()).not.toContain('gone')
  })
})
