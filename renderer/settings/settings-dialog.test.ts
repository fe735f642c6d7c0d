import { describe, expect, it } from 'vitest'
import { parseLanPort } from './settings-dialog'

describe('parseLanPort', () => {
  it('takes whole numbers from 1024 to 65535 and says what is wrong with the rest', () => {
    expect(parseLanPort(' 4455 ')).toEqual({ port: 4455 })
    expect(parseLanPort('1024')).toEqual({ port: 1024 })
    expect(parseLanPort('80')).toEqual({ problem: 'the LAN port 80 is outside 1024–65535' })
    expect(parseLanPort('70000')).toEqual({ problem: 'the LAN port 70000 is outside 1024–65535' })
    expect(parseLanPort('44.5')).toEqual({ problem: 'the LAN port "44.5" is not a whole number' })
    expect(parseLanPort('')).toEqual({ problem: 'the LAN port "" is not a whole number' })
  })
})
