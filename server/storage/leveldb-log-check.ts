import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import crc32c from 'crc-32/crc32c.js'

/**
 * Checks LevelDB's write-ahead logs (`NNNNNN.log`) record by record, as LevelDB's own
 * `log::Reader` would when it replays them, before LevelDB is allowed to open the store.
 *
 * Why: classic-level opens LevelDB without `paranoid_checks`, so a damaged log is replayed up to
 * the damage, the rest of its block is dropped with a line in LevelDB's `LOG`, and the log is then
 * deleted. The relay would serve less than it stored and the evidence would be gone. LevelDB never
 * writes a record with a wrong checksum itself; the only damage a crash can leave is an unfinished
 * last record, which LevelDB (and this check) treat as never written.
 *
 * Format (leveldb/doc/log_format.md): 32 KiB blocks of records; each record is a 7-byte header
 * (masked CRC-32C of type and data, little-endian; data length, little-endian uint16; type) and
 * its data. A record never spans a block; a logical record longer than the space left is split
 * into FIRST, MIDDLE… and LAST fragments. Fewer than 7 bytes left in a block are zero padding.
 */

const blockSize = 32768
const headerSize = 7
const zeroType = 0
const fullType = 1
const firstType = 2
const middleType = 3
const lastType = 4
const maskDelta = 0xa282ead8

/** What is wrong with one log file, at which byte. */
export interface LogDamage {
  readonly file: string
  readonly offset: number
  readonly bytes: number
  readonly problem: string
}

/** One log file's check: how many whole records it holds, and what is damaged (nothing when healthy). */
export interface LogCheck {
  readonly file: string
  readonly bytes: number
  readonly records: number
  /** Bytes at the end that belong to a record the writer never finished (a crash); not damage. */
  readonly unfinishedTailBytes: number
  readonly damage: LogDamage | null
}

/** LevelDB's masking of stored CRCs (`crc32c::Mask`), so that a CRC of data holding CRCs stays distinct. */
const maskedCrc = (type: number, data: Uint8Array): number => {
  const crc = crc32c.buf(data, crc32c.buf([type])) >>> 0
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + maskDelta) >>> 0
}

/** Checks one log file's bytes; `file` only names it in the result. */
export const checkLogBytes = (file: string, bytes: Uint8Array): LogCheck => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let records = 0
  let inFragmented = false
  let fragmentStart = 0
  let offset = 0
  const damaged = (at: number, problem: string): LogCheck => ({
    file,
    bytes: bytes.length,
    records,
    unfinishedTailBytes: 0,
    damage: { file, offset: at, bytes: bytes.length - at, problem }
  })
  while (offset < bytes.length) {
    const leftInBlock = blockSize - (offset % blockSize)
    if (leftInBlock < headerSize) {
      offset += leftInBlock
      continue
    }
    if (bytes.length - offset < headerSize) {
      // A header the writer did not finish: the file ends inside it.
      return { file, bytes: bytes.length, records, unfinishedTailBytes: bytes.length - (inFragmented ? fragmentStart : offset), damage: null }
    }
    const checksum = view.getUint32(offset, true)
    const length = view.getUint16(offset + 4, true)
    const type = view.getUint8(offset + 6)
    if (type === zeroType && length === 0) {
      // Preallocated space that LevelDB's mmap writer left; LevelDB skips it without a report.
      offset += leftInBlock
      continue
    }
    if (headerSize + length > leftInBlock) {
      if (offset + headerSize + length > bytes.length) {
        return { file, bytes: bytes.length, records, unfinishedTailBytes: bytes.length - (inFragmented ? fragmentStart : offset), damage: null }
      }
      return damaged(offset, `bad record length ${length} at byte ${offset}`)
    }
    if (offset + headerSize + length > bytes.length) {
      // The file ends inside the record's data: the writer died while writing it.
      return { file, bytes: bytes.length, records, unfinishedTailBytes: bytes.length - (inFragmented ? fragmentStart : offset), damage: null }
    }
    const data = bytes.subarray(offset + headerSize, offset + headerSize + length)
    if (maskedCrc(type, data) !== checksum) return damaged(offset, `checksum mismatch in the record at byte ${offset}`)
    switch (type) {
      case fullType:
        if (inFragmented) return damaged(offset, `a record at byte ${offset} starts inside the unfinished record at byte ${fragmentStart}`)
        records++
        break
      case firstType:
        if (inFragmented) return damaged(offset, `a record at byte ${offset} starts inside the unfinished record at byte ${fragmentStart}`)
        inFragmented = true
        fragmentStart = offset
        break
      case middleType:
        if (!inFragmented) return damaged(offset, `a record fragment at byte ${offset} continues no record`)
        break
      case lastType:
        if (!inFragmented) return damaged(offset, `a record fragment at byte ${offset} ends no record`)
        inFragmented = false
        records++
        break
      default:
        return damaged(offset, `unknown record type ${type} at byte ${offset}`)
    }
    offset += headerSize + length
  }
  return { file, bytes: bytes.length, records, unfinishedTailBytes: inFragmented ? bytes.length - fragmentStart : 0, damage: null }
}

/** LevelDB's write-ahead log files in `directory`, oldest first (their numbers only grow). */
export const logFilesIn = async (directory: string): Promise<string[]> => {
  const names = await readdir(directory)
  return names.filter((name) => /^\d+\.log$/.test(name)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
}

/** Checks every write-ahead log in `directory` (which must exist). */
export const checkLogFiles = async (directory: string): Promise<LogCheck[]> => {
  const checks: LogCheck[] = []
  for (const file of await logFilesIn(directory)) checks.push(checkLogBytes(file, await readFile(join(directory, file))))
  return checks
}
