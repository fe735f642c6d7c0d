import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { messageStorageStatus } from './protocol'
import { encodeStorageStatus, readStorageStatus } from './storage-status'

const decode = (frame: Uint8Array) => {
  const decoder = decoding.createDecoder(frame)
  expect(decoding.readVarUint(decoder)).toBe(messageStorageStatus)
  return readStorageStatus(decoder)
}

describe('storage status frames', () => {
  it('carry whether edits are stored and, when not, why', () => {
    expect(decode(encodeStorageStatus({ stored: true }))).toEqual({ stored: true })
    expect(decode(encodeStorageStatus({ stored: false, reason: 'the disk is full' }))).toEqual({ stored: false, reason: 'the disk is full' })
  })

  it('refuse an unknown state and a truncated frame', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageStorageStatus)
    encoding.writeVarUint(encoder, 7)
    encoding.writeVarString(encoder, '')
    expect(() => decode(encoding.toUint8Array(encoder))).toThrow('unknown storage state 7')
    expect(() => decode(encodeStorageStatus({ stored: false, reason: 'full' }).slice(0, 3))).toThrow()
  })
})
