import { describe, expect, it } from 'vitest'
import { medianRatios, type LoadRatios } from './load-ratios'

const ratios = (value: number | null): LoadRatios => ({
  latencyP50: value,
  latencyP99: value,
  warmUpLatencyP99: value,
  cpuSecondsLoad: value,
  cpuSecondsLoadInUserSpace: value,
  writeSyscallsLoad: value,
  cpuSecondsTotal: value,
  rssUnderLoad: value,
  rssAfterClientsLeft: value,
  rssPerIdleConnection: value
})

describe('medianRatios', () => {
  it('takes the middle round per field and skips missing values', () => {
    expect(medianRatios([ratios(3), ratios(1), ratios(2)]).latencyP99).toBe(2)
    expect(medianRatios([ratios(0.5), ratios(null)]).cpuSecondsLoad).toBe(0.5)
    expect(medianRatios([ratios(null)]).rssUnderLoad).toBeNull()
  })

  it('takes the lower middle for an even count', () => {
    expect(medianRatios([ratios(4), ratios(1), ratios(3), ratios(2)]).latencyP50).toBe(2)
  })

  it('keeps every field, in order', () => {
    expect(Object.keys(medianRatios([ratios(1), ratios(2)]))).toEqual(Object.keys(ratios(1)))
    expect(medianRatios([ratios(1), ratios(3)]).rssPerIdleConnection).toBe(1)
  })
})
