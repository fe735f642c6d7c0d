import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ClassicLevel } from 'classic-level'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkLogBytes, logFilesIn } from './leveldb-log-check'
import { checkLogsAgainstLedger } from './leveldb-ledger'

/** A real LevelDB write-ahead log: `count` puts of `size` bytes, some larger than a 32 KiB block. */
const writeRealLog = async (dir: string, count: number, size: number): Promise<Uint8Array> => {
  const db = new ClassicLevel<string, Uint8Array>(dir, { valueEncoding: 'view' })
  await db.open()
  for (let i = 0; i < count; i++) await db.put(`key-${i}`, new Uint8Array(size).fill(i % 251))
  await db.close()
  const [log] = await logFilesIn(dir)
  return readFile(join(dir, log!))
}

describe('checkLogBytes', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-log-check-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('reads every record of a log LevelDB wrote, including records split across blocks', async () => {
    const log = await writeRealLog(dir, 40, 5000)
    const check = checkLogBytes('000003.log', log)
    expect(check).toMatchObject({ records: 40, unfinishedTailBytes: 0, damage: null, bytes: log.length })
    expect(log.length).toBeGreaterThan(32768 * 5)
  })

  it('treats a log that ends inside its last record as a crash mid-write, not as damage', async () => {
    const log = await writeRealLog(dir, 10, 3000)
    const cut = log.subarray(0, log.length - 1000)
    const check = checkLogBytes('000003.log', cut)
    expect(check.damage).toBeNull()
    expect(check.records).toBe(9)
    // The last record: a 7-byte header, the batch's 12-byte header, then the put: type, key length,
    // "key-9", a 2-byte value length and the value; 1000 bytes of it are gone.
    expect(check.unfinishedTailBytes).toBe(7 + 12 + 1 + 1 + 5 + 2 + 3000 - 1000)
  })

  it('finds a flipped byte, 4 KiB of garbage, and a bad record length', async () => {
    const log = await writeRealLog(dir, 40, 5000)
    const flipped = Uint8Array.from(log)
    flipped[70_000] = flipped[70_000]! ^ 0x01
    expect(checkLogBytes('000003.log', flipped).damage?.problem).toMatch(/^checksum mismatch in the record at byte \d+$/)

    const garbage = Uint8Array.from(log)
    for (let i = 0; i < 4096; i++) garbage[50_000 + i] = (i * 7919) % 256
    const damage = checkLogBytes('000003.log', garbage).damage
    expect(damage).not.toBeNull()
    expect(damage!.offset).toBeLessThanOrEqual(50_000)

    const badLength = Uint8Array.from(log)
    // The first record's length field: 0xffff cannot fit in a block.
    badLength[4] = 0xff
    badLength[5] = 0xff
    expect(checkLogBytes('000003.log', badLength).damage?.problem).toBe('bad record length 65535 at byte 0')
  })
})

describe('checkLogsAgainstLedger', () => {
  const log = (file: string, bytes: number, unfinishedTailBytes = 0) => ({ file, bytes, records: 1, unfinishedTailBytes, damage: null })
  const ledger = { log: '000005.log', bytes: 1000, recordedAt: '2026-12-03T10:00:00.000Z' }

  it('accepts a log that grew, and a missing log when LevelDB has moved on to a newer one', () => {
    expect(checkLogsAgainstLedger(ledger, [log('000005.log', 1000)])).toBeNull()
    expect(checkLogsAgainstLedger(ledger, [log('000005.log', 5000, 200)])).toBeNull()
    expect(checkLogsAgainstLedger(ledger, [log('000007.log', 10)])).toBeNull()
    expect(checkLogsAgainstLedger(null, [])).toBeNull()
  })

  it('finds a log cut short, and the newest log missing', () => {
    expect(checkLogsAgainstLedger(ledger, [log('000005.log', 1200, 400)])?.problem).toBe(
      '000005.log holds 800 bytes of whole records, but 1000 had been written by 2026-12-03T10:00:00.000Z: the file was cut short'
    )
    expect(checkLogsAgainstLedger(ledger, [log('000004.log', 10)])?.problem).toBe(
      'the log 000005.log, which held 1000 bytes of edits at 2026-12-03T10:00:00.000Z, is missing'
    )
  })
})
