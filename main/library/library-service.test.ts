import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../app/library'
import { LibraryService } from './library-service'

const logger = pino({ level: 'silent' })

describe('LibraryService', () => {
  let directory: string
  let clock: number
  const now = (): number => ++clock
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ensemble-library-'))
    clock = 1000
  })
  afterEach(() => rm(directory, { recursive: true, force: true }))

  it('starts empty, stores every change, and reads it back in a new session', async () => {
    const first = await LibraryService.load(directory, logger, now)
    expect(first.library).toEqual({ documents: [], relays: [] })
    const changes: Library[] = []
    first.onDidChangeLibrary((library) => changes.push(library))
    await first.recordDocument({ documentName: 'notes' })
    await first.rememberRelay({ url: 'wss://relay.example.org', token: 'a.b.c' })
    await first.recordDocument({ documentName: 'plan', relayUrl: 'wss://relay.example.org', token: 'a.b.c' })
    expect(changes).toHaveLength(3)
    const second = await LibraryService.load(directory, logger, now)
    expect(second.library).toEqual({
      documents: [
        { documentName: 'plan', relayUrl: 'wss://relay.example.org', token: 'a.b.c', openedAt: 1003 },
        { documentName: 'notes', openedAt: 1001 }
      ],
      relays: [{ url: 'wss://relay.example.org', token: 'a.b.c', usedAt: 1002 }]
    })
    await second.forgetDocument({ documentName: 'notes' })
    await second.forgetRelay('wss://relay.example.org')
    expect((await LibraryService.load(directory, logger, now)).library).toEqual({
      documents: [{ documentName: 'plan', relayUrl: 'wss://relay.example.org', token: 'a.b.c', openedAt: 1003 }],
      relays: []
    })
  })

  it('keeps every one of several changes made at once, and only the user may read the file', async () => {
    const service = await LibraryService.load(directory, logger, now)
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => service.recordDocument({ documentName: name })))
    expect(service.library.documents.map((entry) => entry.documentName)).toEqual(['d', 'c', 'b', 'a'])
    const stored = JSON.parse(await readFile(join(directory, 'library.json'), 'utf8')) as Library
    expect(stored.documents.map((entry) => entry.documentName)).toEqual(['d', 'c', 'b', 'a'])
    expect((await stat(join(directory, 'library.json'))).mode & 0o077).toBe(0)
  })

  it('rejects a change it cannot store, keeps the library as it was, and goes on with the next', async () => {
    const service = await LibraryService.load(directory, logger, now)
    await service.recordDocument({ documentName: 'kept' })
    // A non-empty folder where the file should be: the atomic rename fails, even for root.
    const file = join(directory, 'library.json')
    await rm(file)
    await mkdir(join(file, 'in-the-way'), { recursive: true })
    await expect(service.recordDocument({ documentName: 'lost' })).rejects.toThrow(/library\.json/)
    expect(service.library.documents.map((entry) => entry.documentName)).toEqual(['kept'])
    await rm(file, { recursive: true })
    await service.recordDocument({ documentName: 'next' })
    expect(service.library.documents.map((entry) => entry.documentName)).toEqual(['next', 'kept'])
  })

  it('moves an unreadable file aside instead of overwriting it, and starts empty', async () => {
    await writeFile(join(directory, 'library.json'), '{"documents": [{"documentName": "../x", "openedAt": 1}], "relays": []}')
    const service = await LibraryService.load(directory, logger, () => 1234)
    expect(service.library).toEqual({ documents: [], relays: [] })
    expect(await readFile(join(directory, 'library.json.unreadable-1234'), 'utf8')).toContain('../x')
    await writeFile(join(directory, 'library.json'), 'not json')
    await LibraryService.load(directory, logger, () => 5678)
    expect((await readdir(directory)).sort()).toEqual(['library.json.unreadable-1234', 'library.json.unreadable-5678'])
  })
})
