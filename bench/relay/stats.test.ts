import { describe, expect, it } from 'vitest'
import { median, percentile, ratio, summarizeLatency } from './stats'

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(percentile(sorted, 50)).toBe(5)
    expect(percentile(sorted, 90)).toBe(9)
    expect(percentile(sorted, 99)).toBe(10)
    expect(percentile(sorted, 100)).toBe(10)
    expect(percentile(sorted, 1)).toBe(1)
  })

  it('picks the 99th of 100 samples as p99', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sorted, 99)).toBe(99)
  })

  it('refuses an empty set and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(/empty/)
    expect(() => percentile([1], 0)).toThrow(/outside/)
    expect(() => percentile([1], 101)).toThrow(/outside/)
  })
})

describe('summarizeLatency', () => {
  it('sorts numerically, not as strings', () => {
    const summary = summarizeLatency([10, 9, 100, 1, 2])
    expect(summary).toEqual({ samples: 5, p50: 9, p99: 100, max: 100, mean: 24.4 })
  })

  it('reports nulls for no samples', () => {
    expect(summarizeLatency([])).toEqual({ samples: 0, p50: null, p99: null, max: null, mean: null })
  })
})

describe('ratio', () => {
  it('divides ours by the reference', () => {
    expect(ratio(1, 4)).toBe(0.25)
    expect(ratio(2, 3)).toBe(0.667)
  })

  it('is null when a side is missing or the reference is zero', () => {
    expect(ratio(null, 1)).toBeNull()
    expect(ratio(1, undefined)).toBeNull()
    expect(ratio(1, 0)).toBeNull()
  })
})

describe('median', () => {
  it('takes the middle, the lower one for an even count, and null for none', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2)
    expect(median([])).toBeNull()
  })
})
