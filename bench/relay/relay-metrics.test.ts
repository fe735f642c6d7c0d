import { describe, expect, it } from 'vitest'
import { loopFiguresBetween, metricValue } from './relay-metrics'

const scrape = (gcCount: number, gcSeconds: number, majorGcs = 1): string =>
  [
    '# HELP nodejs_eventloop_lag_p99_seconds The 99th percentile of the recorded event loop delays.',
    'nodejs_eventloop_lag_p99_seconds 0.012451839',
    'nodejs_eventloop_lag_p99_seconds_extra 5',
    'nodejs_eventloop_lag_max_seconds 0.031522815',
    `nodejs_gc_duration_seconds_sum{kind="minor"} ${gcSeconds / 2}`,
    `nodejs_gc_duration_seconds_sum{kind="major"} ${gcSeconds / 2}`,
    `nodejs_gc_duration_seconds_count{kind="minor"} ${gcCount - majorGcs}`,
    `nodejs_gc_duration_seconds_count{kind="major"} ${majorGcs}`
  ].join('\n')

describe('relay metrics', () => {
  it('sums a metric over its label sets, and not over longer names', () => {
    expect(metricValue(scrape(10, 0.5), 'nodejs_gc_duration_seconds_count')).toBe(10)
    expect(metricValue(scrape(10, 0.5), 'nodejs_eventloop_lag_p99_seconds')).toBe(0.012451839)
    expect(() => metricValue('ensemble_rooms 1', 'nodejs_eventloop_lag_p99_seconds')).toThrow(/no nodejs_eventloop_lag_p99_seconds/)
  })

  it('sums only the label sets that carry a given label, and counts a missing one as zero', () => {
    expect(metricValue(scrape(10, 0.5, 3), 'nodejs_gc_duration_seconds_count', 'kind="major"')).toBe(3)
    expect(metricValue(scrape(10, 0.5, 3), 'nodejs_gc_duration_seconds_count', 'kind="minor"')).toBe(7)
    expect(metricValue(scrape(10, 0.5, 3), 'nodejs_gc_duration_seconds_count', 'kind="incremental"')).toBe(0)
    expect(() => metricValue('ensemble_rooms 1', 'nodejs_gc_duration_seconds_count', 'kind="major"')).toThrow(/no nodejs_gc_duration_seconds_count/)
  })

  it('reads the loop figures of a window from the scrapes around it', () => {
    expect(loopFiguresBetween(scrape(10, 0.5), scrape(60, 0.75, 4))).toEqual({ delayP99Ms: 12.45, delayMaxMs: 31.52, gcPauses: 50, gcMs: 250, majorGcs: 3 })
  })

  it('counts a declared metric without samples as zero: the GC histogram before the first collection', () => {
    const beforeAnyGc = [
      'nodejs_eventloop_lag_p99_seconds 0.01',
      'nodejs_eventloop_lag_max_seconds 0.02',
      '# HELP nodejs_gc_duration_seconds Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
      '# TYPE nodejs_gc_duration_seconds histogram'
    ].join('\n')
    expect(metricValue(beforeAnyGc, 'nodejs_gc_duration_seconds_count')).toBe(0)
    expect(loopFiguresBetween(beforeAnyGc, scrape(6, 0.5, 2))).toMatchObject({ gcPauses: 6, gcMs: 500, majorGcs: 2 })
  })
})
