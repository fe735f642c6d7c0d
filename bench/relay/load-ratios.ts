/** Our relay's load figures divided by another relay's: the reference, or reference-leveldb. */
import type { RelayLoadResult } from './load-scenario'
import { median, ratio } from './stats'

export interface LoadRatios {
  readonly latencyP50: number | null
  readonly latencyP99: number | null
  /** p99 of the warm-up: the relays' cold start, when neither has compiled its hot paths yet. */
  readonly warmUpLatencyP99: number | null
  readonly cpuSecondsLoad: number | null
  /** The load's CPU outside the kernel: what a relay's own code costs, without its socket calls. */
  readonly cpuSecondsLoadInUserSpace: number | null
  /** write/writev calls during the load: what the kernel part of the CPU follows. */
  readonly writeSyscallsLoad: number | null
  readonly cpuSecondsTotal: number | null
  readonly rssUnderLoad: number | null
  readonly rssAfterClientsLeft: number | null
  /** `rssKiBPerIdleConnection`: what holding a connection costs before any update flows. */
  readonly rssPerIdleConnection: number | null
}

/** ours / other for the figures a reader compares first. */
export const loadRatios = (ours: RelayLoadResult, other: RelayLoadResult): LoadRatios => ({
  latencyP50: ratio(ours.latencyMs.p50, other.latencyMs.p50),
  latencyP99: ratio(ours.latencyMs.p99, other.latencyMs.p99),
  warmUpLatencyP99: ours.warmUp === null || other.warmUp === null ? null : ratio(ours.warmUp.latencyMs.p99, other.warmUp.latencyMs.p99),
  cpuSecondsLoad: ratio(ours.cpuSeconds.load, other.cpuSeconds.load),
  cpuSecondsLoadInUserSpace: ratio(ours.cpuSeconds.load - ours.cpuSeconds.loadInKernel, other.cpuSeconds.load - other.cpuSeconds.loadInKernel),
  writeSyscallsLoad: ratio(ours.writeSyscallsDuringLoad, other.writeSyscallsDuringLoad),
  cpuSecondsTotal: ratio(ours.cpuSeconds.total, other.cpuSeconds.total),
  rssUnderLoad: ratio(ours.rssMiB.underLoadPeak, other.rssMiB.underLoadPeak),
  rssAfterClientsLeft: ratio(ours.rssMiB.afterClientsLeft, other.rssMiB.afterClientsLeft),
  rssPerIdleConnection: ratio(ours.rssKiBPerIdleConnection, other.rssKiBPerIdleConnection)
})

/** The per-field median of several rounds' ratios (the lower middle one for an even count); null fields are skipped. */
export const medianRatios = (rounds: readonly [LoadRatios, ...LoadRatios[]]): LoadRatios => {
  const fields = Object.keys(rounds[0]) as (keyof LoadRatios)[]
  const medianOf = (field: keyof LoadRatios): number | null => median(rounds.map((round) => round[field]).filter((value): value is number => value !== null))
  return Object.fromEntries(fields.map((field) => [field, medianOf(field)])) as Record<keyof LoadRatios, number | null>
}
