import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { StorageProblems } from './storage-problems'

const recordingLogger = () => {
  const lines: Array<{ level: number; msg: string; failedWrites?: number }> = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) })
  return { lines, logger }
}

describe('StorageProblems', () => {
  it('logs an outage once when it starts and once when the last document is saved, with the count', () => {
    const { lines, logger } = recordingLogger()
    let now = Date.parse('2026-12-03T12:00:00Z')
    const problems = new StorageProblems(logger, () => now)
    for (let attempt = 0; attempt < 40; attempt++) problems.writeFailed(attempt % 2 === 0 ? 'a' : 'b', new Error('ENOSPC: no space left on device'))
    expect(lines.map((line) => line.msg)).toEqual([
      'storage refused a write; edits stay in memory, are retried, and no document with unsaved edits is unloaded until storage takes them'
    ])
    expect(problems.health().saving).toEqual({
      ok: false,
      detail: '2 documents have edits not yet stored ("a", "b"), since 2026-12-03T12:00:00.000Z, 40 failed writes; last error: ENOSPC: no space left on device'
    })
    problems.saved('a')
    expect(lines).toHaveLength(1)
    now += 12_300
    problems.saved('b')
    expect(lines.at(-1)).toMatchObject({ msg: 'storage takes writes again; every document that had unsaved edits was written and read back', failedWrites: 40, seconds: 12.3 })
    expect(problems.health().saving.ok).toBe(true)
  })

  it('reports documents that cannot be read until a read succeeds', () => {
    const problems = new StorageProblems(recordingLogger().logger)
    problems.readFailed('x', new Error('Corruption: bad block'))
    expect(problems.health().reading).toEqual({ ok: false, detail: '1 document cannot be read ("x"); "x": Corruption: bad block' })
    problems.readSucceeded('x')
    expect(problems.health().reading.ok).toBe(true)
  })
})
