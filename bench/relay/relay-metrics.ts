/**
 * What our relay says about its own event loop during a load, read from its `/metrics` (the
 * reference has none): how long the loop was held up, and how much of that was garbage collection.
 * The event-loop delay histogram restarts at every scrape, so a scrape just before the load and one
 * just after bracket the load.
 */
import type { RelayProcess } from './relay-process'

export interface RelayLoopFigures {
  /** Event-loop delay percentiles over the window, sampled every 10 ms (prom-client's default). */
  readonly delayP99Ms: number
  readonly delayMaxMs: number
  /** Garbage-collection pauses in the window, and their total length. */
  readonly gcPauses: number
  readonly gcMs: number
  /**
   * Full (mark-compact) collections in the window. Each also keeps helper threads busy marking for
   * a while before its pause, taking a core from everything else on a small machine.
   */
  readonly majorGcs: number
}

export const scrapeMetrics = async (relay: RelayProcess): Promise<string> => {
  const response = await fetch(`${relay.url.replace(/^ws/, 'http')}/metrics`)
  if (!response.ok) throw new Error(`${relay.name} relay answered /metrics with HTTP ${response.status}`)
  return response.text()
}

/**
 * The value of metric `name` in Prometheus text, summed over its label sets (only those carrying
 * `label`, such as `kind="major"`, when given). A metric that is declared (`# TYPE`) but has no
 * sample yet counts as zero: prom-client's GC histogram has none before the first collection.
 * Throws if the metric is absent altogether.
 */
export const metricValue = (text: string, name: string, label?: string): number => {
  const family = name.replace(/_(count|sum|bucket)$/, '')
  let present = false
  let total = 0
  for (const line of text.split('\n')) {
    if (line.startsWith(`# TYPE ${name} `) || line.startsWith(`# TYPE ${family} `)) present = true
    if (!line.startsWith(name)) continue
    const rest = line.slice(name.length)
    if (!rest.startsWith(' ') && !rest.startsWith('{')) continue
    const value = Number(rest.slice(rest.lastIndexOf(' ') + 1))
    if (!Number.isFinite(value)) continue
    present = true
    if (label === undefined || (rest.startsWith('{') && rest.slice(1, rest.indexOf('}')).split(',').includes(label))) total += value
  }
  if (!present) throw new Error(`the relay's /metrics has no ${name}`)
  return total
}

const milliseconds = (seconds: number): number => Math.round(seconds * 1e5) / 100

/** How much metric `name` (only its `label` sets, when given) grew from one scrape to the next. */
const growth = (before: string, after: string, name: string, label?: string): number =>
  metricValue(after, name, label) - metricValue(before, name, label)

/** The loop's figures between two scrapes. */
export const loopFiguresBetween = (before: string, after: string): RelayLoopFigures => ({
  delayP99Ms: milliseconds(metricValue(after, 'nodejs_eventloop_lag_p99_seconds')),
  delayMaxMs: milliseconds(metricValue(after, 'nodejs_eventloop_lag_max_seconds')),
  gcPauses: growth(before, after, 'nodejs_gc_duration_seconds_count'),
  gcMs: milliseconds(growth(before, after, 'nodejs_gc_duration_seconds_sum')),
  majorGcs: growth(before, after, 'nodejs_gc_duration_seconds_count', 'kind="major"')
})
