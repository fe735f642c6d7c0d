import { describe, expect, it } from 'vitest'
import { medianRatios, planDocuments, type LoadRatios } from './load-scenario'

const ratios = (value: number | null): LoadRatios => ({
  latencyP50: value,
  latencyP99: value,
  warmUpLatencyP99: value,
  cpuSecondsLoad: value,
  cpuSecondsLoadInUserSpace: value,
  writeSyscallsLoad: value,
  cpuSecondsTotal: value,
  rssUnderLoad: value,
  rssAfterClientsLeft: value
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
})

describe('planDocuments', () => {
  it('spreads documents round-robin and leaves out idle workers', () => {
    const spec = { documents: 3, listenersPerDocument: 4, updatesPerSecondPerDocument: 1, seconds: 1, warmupSeconds: 0, idleSeconds: 0 }
    expect(planDocuments(spec, 'doc', 2)).toEqual([
      [{ name: 'doc-0', listeners: 4 }, { name: 'doc-2', listeners: 4 }],
      [{ name: 'doc-1', listeners: 4 }]
    ])
    expect(planDocuments(spec, 'doc', 5)).toHaveLength(3)
  })
})
