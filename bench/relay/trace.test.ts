import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildLargeDocument } from './large-document'
import * as Y from 'yjs'
import { insertedCharacters, loadTrace, replayOnBareDoc } from './trace'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bench-trace-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const writeGzipJson = async (name: string, value: unknown): Promise<string> => {
  const file = path.join(dir, name)
  await writeFile(file, await promisify(gzip)(JSON.stringify(value)))
  return file
}

describe('editing traces', () => {
  it('loads a trace and replays it on a bare Y.Doc to its final text', async () => {
    const file = await writeGzipJson('small.json.gz', {
      edits: [[0, 0, 'h'], [1, 0, 'i'], [2, 0, '!'], [2, 1], [0, 0, 'o']],
      finalText: 'ohi'
    })
    const trace = await loadTrace(file)
    const replay = replayOnBareDoc(trace.edits)
    expect(replay.text).toBe(trace.finalText)
    expect(insertedCharacters(trace.edits)).toBe(4)
  })

  it('says which file is missing and how to point at another', async () => {
    await expect(loadTrace(path.join(dir, 'absent.json.gz'))).rejects.toThrow(/absent\.json\.gz \(ENOENT\).*--trace-file/)
    await expect(loadTrace(path.join(dir, 'absent.json.gz'), 'set ENSEMBLE_TRACE to its path')).rejects.toThrow(
      /absent\.json\.gz \(ENOENT\); set ENSEMBLE_TRACE to its path$/
    )
  })

  it('refuses a file that is not a trace', async () => {
    const file = await writeGzipJson('other.json.gz', { hello: 'world' })
    await expect(loadTrace(file)).rejects.toThrow(/other\.json\.gz is not an editing trace/)
  })
})

describe('buildLargeDocument', () => {
  it('builds a document of at least the size asked for, with the same text for the same seed', () => {
    const first = buildLargeDocument(64 * 1024, 7)
    const second = buildLargeDocument(64 * 1024, 7)
    expect(Y.encodeStateAsUpdate(first).length).toBeGreaterThanOrEqual(64 * 1024)
    expect(first.getText('text').toString()).toBe(second.getText('text').toString())
    expect(first.getText('text').toString()).not.toBe(buildLargeDocument(64 * 1024, 8).getText('text').toString())
  })
})
