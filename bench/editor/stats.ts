/** Summary figures of a sample, in the sample's unit, rounded to 0.1. */
export interface Summary {
  readonly samples: number
  readonly p50: number
  readonly p95: number
  readonly max: number
}

/** Nearest-rank percentile `p` (0–100) of `values`. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) throw new RangeError('percentile of an empty sample')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export const summarize = (values: readonly number[]): Summary => {
  const round = (value: number): number => Math.round(value * 10) / 10
  return {
    samples: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values))
  }
}
