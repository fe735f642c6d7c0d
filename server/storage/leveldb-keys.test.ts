import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keyEncoding, LeveldbPersistence } from 'y-leveldb'
import * as Y from 'yjs'
import { levelKeyEncoding, updateKey, stateVectorKey, type LevelKey } from './leveldb-keys'
import { LevelDbStorage } from './leveldb-storage'

describe('y-leveldb key layout', () => {
  const keys: LevelKey[] = [updateKey('notes', 0), updateKey('team/报告 ✓', 0xffffffff), stateVectorKey('notes'), ['v1', 'notes', 'meta', 'title'], ['v1_sv']]

  it('encodes every key byte for byte as y-leveldb does, and decodes its keys', () => {
    for (const key of keys) {
      const ours = levelKeyEncoding.encode(key)
      expect(Buffer.compare(ours, keyEncoding.encode(key) as Buffer), JSON.stringify(key)).toBe(0)
      expect(levelKeyEncoding.decode(keyEncoding.encode(key) as Buffer)).toEqual(key)
    }
  })

  it('refuses a key part of an unknown type', () => {
    expect(() => levelKeyEncoding.decode(new Uint8Array([7, 1]))).toThrow('unknown key part type 7 in a LevelDB key')
  })
})

describe('stores shared with y-leveldb', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-y-leveldb-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  const docWith = (text: string): Y.Doc => {
    const doc = new Y.Doc()
    doc.getText('text').insert(0, text)
    return doc
  }

  it('opens a store y-leveldb wrote (as the reference server does with YPERSISTENCE)', async () => {
    const theirs = new LeveldbPersistence(dir)
    const doc = docWith('written by y-leveldb')
    await theirs.storeUpdate('shared', Y.encodeStateAsUpdate(doc))
    doc.getText('text').insert(0, 'then more, ')
    await theirs.storeUpdate('shared', Y.encodeStateAsUpdate(doc))
    await theirs.destroy()

    const ours = await LevelDbStorage.open(dir)
    try {
      expect(await ours.list()).toEqual(['shared'])
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await ours.load('shared'))!)
      expect(loaded.getText('text').toString()).toBe('then more, written by y-leveldb')
    } finally {
      await ours.close()
    }
  })

  it('writes a store y-leveldb reads', async () => {
    const ours = await LevelDbStorage.open(dir)
    const doc = docWith('written by Ensemble')
    await ours.append('shared', Y.encodeStateAsUpdate(doc))
    doc.getText('text').insert(0, 'and appended: ')
    await ours.append('shared', Y.encodeStateAsUpdate(doc))
    await ours.close()

    const theirs = new LeveldbPersistence(dir)
    try {
      expect(await theirs.getAllDocNames()).toEqual(['shared'])
      expect((await theirs.getYDoc('shared')).getText('text').toString()).toBe('and appended: written by Ensemble')
    } finally {
      await theirs.destroy()
    }
  })
})
