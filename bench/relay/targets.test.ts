import { describe, expect, it } from 'vitest'
import type { LoadRatios } from './load-ratios'
import type { RelayLoadResult } from './load-scenario'
import { loadTargets, startupTargets } from './targets'

/** Only the fields the targets read. */
const ours = {
  probesIdenticalToWriters: true,
  rssMiB: { afterVsBefore: 1.01 },
  droppedConnections: 0,
  connections: { failed: 0 },
  latencyMs: { p99: 12 }
} as unknown as RelayLoadResult

const ratios = (fields: Partial<LoadRatios>): LoadRatios => ({
  latencyP50: null,
  latencyP99: null,
  warmUpLatencyP99: null,
  cpuSecondsLoad: null,
  cpuSecondsLoadInUserSpace: null,
  writeSyscallsLoad: null,
  cpuSecondsTotal: null,
  rssUnderLoad: null,
  rssAfterClientsLeft: null,
  rssPerIdleConnection: null,
  ...fields
})

describe('loadTargets', () => {
  it("judges Load A by issue 15's ratios against both references, and leaves a missing one open", () => {
    const targets = loadTargets('loadA', {
      ours,
      ratios: ratios({ latencyP99: 0.8, cpuSecondsLoadInUserSpace: 0.71 }),
      ratiosVsLeveldbReference: null,
      probesIdenticalEverywhere: true
    })
    const issue15 = targets.filter((target) => target.issue === 15).map(({ target, met }) => [target.split(' (')[0], met])
    expect(issue15).toEqual([
      ['writer-to-probe p99 ≤ 0.8× the reference', true],
      ['relay user-space CPU during the load ≤ 0.7× the reference', false],
      ['writer-to-probe p99 ≤ 0.8× reference-leveldb', null],
      ['relay user-space CPU during the load ≤ 0.7× reference-leveldb', null],
      ['every probe of every relay, in every round, ends identical to its writer', true]
    ])
    // Issue 6's Load A targets were replaced by issue 15's.
    expect(targets.filter((target) => target.issue === 6).map((target) => target.target)).toEqual([
      'every probe ends identical to its writer (ours)',
      expect.stringContaining('afterVsBefore ≤ 1.15')
    ])
  })

  it("holds the scale load to the reference's RSS per idle connection", () => {
    const [idle] = loadTargets('scale', { ours, ratios: ratios({ rssPerIdleConnection: 1.2 }), ratiosVsLeveldbReference: null, probesIdenticalEverywhere: true }).filter(
      (target) => target.issue === 15
    )
    expect(idle).toMatchObject({ value: 1.2, met: false })
  })
})

describe('startupTargets', () => {
  it("allows our idle RSS 1.2× the reference's", () => {
    expect(startupTargets({ listeningMs: 1, idleRss: 1.2 })[0]).toMatchObject({ issue: 15, met: true })
    expect(startupTargets({ listeningMs: 1, idleRss: 1.21 })[0]!.met).toBe(false)
    expect(startupTargets(null)[0]!.met).toBeNull()
  })
})
