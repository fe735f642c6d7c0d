/** Summary statistics for latency samples and the ours/reference ratios. */

import type { PhaseLatencies } from './worker-protocol'

export interface LatencySummary {
  readonly samples: number
  readonly p50: number | null
  readonly p99: number | null
  readonly max: number | null
  readonly mean: number | null
}

/**
 * The `p`-th percentile of ascending `sorted` by the nearest-rank method: the smallest sample such
 * that at least p % of the samples are at or below it. Exact, with no interpolation between samples.
 */
export const percentile = (sorted: ArrayLike<number>, p: number): number => {
  if (sorted.length === 0) throw new RangeError('percentile of an empty sample set')
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside (0, 100]`)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[rank - 1]!
}

/** p50, p99, max and mean of `samples` (milliseconds), rounded to 0.01 ms; nulls when there are none. */
export const summarizeLatency = (samples: readonly number[]): LatencySummary => {
  if (samples.length === 0) return { samples: 0, p50: null, p99: null, max: null, mean: null }
  const sorted = Float64Array.from(samples).sort()
  const sum = sorted.reduce((total, value) => total + value, 0)
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]!),
    mean: round(sum / sorted.length)
  }
}

/** The middle of `values` (the lower middle one for an even count); null when there are none. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

/** ours / reference to three decimals; null when either side is missing or the reference is zero. */
export const ratio = (ours: number | null | undefined, reference: number | null | undefined): number | null => {
  if (ours === null || ours === undefined || reference === null || reference === undefined || reference === 0) return null
  return Math.round((ours / reference) * 1000) / 1000
}

export const round = (value: number, decimals = 2): number => {
  const scale = 10 ** decimals
  return Math.round(value * scale) / scale
}

export const mebibytes = (bytes: number): number => round(bytes / (1024 * 1024), 1)

/** Several documents' or workers' updates of one phase as one. */
export const mergePhases = (phases: readonly PhaseLatencies[]): PhaseLatencies => ({
  latenciesMs: phases.flatMap((phase) => phase.latenciesMs),
  updatesSent: phases.reduce((sum, phase) => sum + phase.updatesSent, 0),
  updatesSeen: phases.reduce((sum, phase) => sum + phase.updatesSeen, 0)
})
