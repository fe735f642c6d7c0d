import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { getLevelUpdates } from 'y-leveldb'
import { LevelDbStorage, StorageError } from './leveldb-storage'

/** The database under a storage, to read its log the way y-leveldb does. */
const levelOf = (storage: LevelDbStorage): Parameters<typeof getLevelUpdates>[0] => (storage as unknown as { db: Parameters<typeof getLevelUpdates>[0] }).db

describe('LevelDbStorage', () => {
  let dir: string
  let storage: LevelDbStorage
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-leveldb-'))
    storage = await LevelDbStorage.open(dir)
  })
  afterEach(async () => {
    await storage.close()
    await rm(dir, { recursive: true, force: true })
  })

  const textOf = (state: Uint8Array | null): string => {
    const doc = new Y.Doc()
    if (state !== null) Y.applyUpdate(doc, state)
    return doc.getText('text').toString()
  }

  it('returns null for a document it never stored', async () => {
    expect(await storage.load('nothing')).toBeNull()
  })

  it('appends updates, loads them merged, lists and deletes documents', async () => {
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => void storage.append('a', update))
    for (const word of ['one ', 'two ', 'three']) doc.getText('text').insert(doc.getText('text').length, word)
    await storage.append('b', Y.encodeStateAsUpdate(doc))
    await storage.flush()
    expect(textOf(await storage.load('a'))).toBe('one two three')
    expect((await storage.list()).sort()).toEqual(['a', 'b'])
    await storage.delete('a')
    expect(await storage.load('a')).toBeNull()
    expect(await storage.list()).toEqual(['b'])
  })

  it('compacts a long log into one entry that loads to the same document and survives reopening', async () => {
    const doc = new Y.Doc()
    const text = doc.getText('text')
    doc.on('update', (update: Uint8Array) => void storage.append('long', update))
    for (let i = 0; i < 300; i++) text.insert(text.length, `${i},`)
    text.delete(0, 10)
    await storage.flush()
    await storage.compact('long')
    await storage.close()
    storage = await LevelDbStorage.open(dir)
    expect(textOf(await storage.load('long'))).toBe(text.toString())
  })

  it('keeps every append of a burst in its own log entry, readable by y-leveldb itself, across reopening and deletion', async () => {
    const doc = new Y.Doc()
    const text = doc.getText('text')
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 200; i++) text.insert(text.length, `${i},`)
    // Not awaited one by one: the burst a busy room writes.
    await Promise.all(updates.map((update) => storage.append('burst', update)))
    expect(await getLevelUpdates(levelOf(storage), 'burst')).toHaveLength(200)
    await storage.close()
    storage = await LevelDbStorage.open(dir)
    text.insert(0, 'after reopening: ')
    await storage.append('burst', Y.encodeStateAsUpdate(doc))
    expect(await getLevelUpdates(levelOf(storage), 'burst')).toHaveLength(201)
    expect(textOf(await storage.load('burst'))).toBe(text.toString())
    await storage.delete('burst')
    await storage.append('burst', Y.encodeStateAsUpdate(doc))
    expect(await storage.list()).toEqual(['burst'])
    expect(await getLevelUpdates(levelOf(storage), 'burst')).toHaveLength(1)
  })

  it('writes appends made together, to any document, in one LevelDB batch', async () => {
    const docs = ['x', 'y'].map((name) => ({ name, doc: new Y.Doc() }))
    for (const { name, doc } of docs) {
      doc.getText('text').insert(0, `${name} starts`)
      await storage.append(name, Y.encodeStateAsUpdate(doc))
    }
    const batch = vi.spyOn(levelOf(storage) as unknown as { batch: (operations: unknown[]) => Promise<void> }, 'batch')
    const appends: Array<Promise<void>> = []
    for (const { name, doc } of docs) {
      doc.on('update', (update: Uint8Array) => appends.push(storage.append(name, update)))
      doc.getText('text').insert(0, 'one ')
      doc.getText('text').insert(0, 'two ')
    }
    await Promise.all(appends)
    expect(batch).toHaveBeenCalledTimes(1)
    expect(batch.mock.calls[0]![0]).toHaveLength(4)
    for (const { name, doc } of docs) {
      expect(textOf(await storage.load(name))).toBe(doc.getText('text').toString())
      expect(await getLevelUpdates(levelOf(storage), name)).toHaveLength(3)
    }
  })

  it('explains what to do when another process holds the store', async () => {
    await expect(LevelDbStorage.open(dir)).rejects.toThrow(StorageError)
    await expect(LevelDbStorage.open(dir)).rejects.toThrow(/already held by process\. Another relay \(or Ensemble window\) is using this data directory/)
  })
})
