import { describe, expect, it } from 'vitest'
import { relayProcessEnvironment } from './relay-environment'

describe('relayProcessEnvironment', () => {
  it('asks glibc on Linux to trim freed memory, keeping what the environment already says', () => {
    expect(relayProcessEnvironment({ PATH: '/usr/bin' }, 'linux')).toEqual({
      PATH: '/usr/bin',
      MALLOC_TRIM_THRESHOLD_: '65536',
      MALLOC_TOP_PAD_: '0'
    })
    expect(relayProcessEnvironment({ MALLOC_TRIM_THRESHOLD_: '1048576' }, 'linux').MALLOC_TRIM_THRESHOLD_).toBe('1048576')
  })

  it('leaves the environment alone elsewhere', () => {
    const base = { PATH: 'C:\\Windows' }
    expect(relayProcessEnvironment(base, 'win32')).toBe(base)
    expect(relayProcessEnvironment(base, 'darwin')).toBe(base)
  })
})
