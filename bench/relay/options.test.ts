import { describe, expect, it } from 'vitest'
import { parseBenchArgs } from './options'

describe('parseBenchArgs', () => {
  it('runs the issue-2 load against all three relays by default', () => {
    const options = parseBenchArgs([])
    expect(options.scenarios).toEqual(['default'])
    expect(options.relays).toEqual(['ours', 'reference', 'reference-leveldb'])
    expect(parseBenchArgs(['--relays', 'ours, reference-leveldb']).relays).toEqual(['ours', 'reference-leveldb'])
    expect(options.quick).toBe(false)
    // The scenarios' own warm-up and idle times apply unless a flag overrides them.
    expect(options.warmupSeconds).toBeNull()
    expect(parseBenchArgs(['--warmup-seconds', '0']).warmupSeconds).toBe(0)
    expect(options.tracePath).toMatch(/shared\/data\/paper-trace\.json\.gz$/)
  })

  it('combines scenario flags, and --all selects every issue-6 scenario', () => {
    expect(parseBenchArgs(['--load', 'a', '--trace']).scenarios).toEqual(['loadA', 'trace'])
    expect(parseBenchArgs(['--all']).scenarios).toEqual(['loadA', 'loadB', 'scale', 'largeDoc', 'trace'])
  })

  it('says what was wrong with a bad flag value', () => {
    expect(() => parseBenchArgs(['--load', 'C'])).toThrow(/--load takes A or B.*"C"/)
    expect(() => parseBenchArgs(['--relays', 'ours,hocuspocus'])).toThrow(/ours, reference, reference-leveldb.*"hocuspocus"/)
    expect(() => parseBenchArgs(['--workers', '0'])).toThrow(/--workers must be a whole number from 1 to 16; got "0"/)
    expect(() => parseBenchArgs(['--warmup-seconds', '2.5'])).toThrow(/--warmup-seconds must be a whole number from 0 to 600; got "2.5"/)
    expect(() => parseBenchArgs(['--bogus'])).toThrow(/--help/)
  })
})
