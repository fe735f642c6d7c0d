/**
 * The benchmark's scenarios: the issue-2 default load and the loads and targets of issue 6, each in
 * a full size and a `--quick` size that only proves the machinery works, and the startup
 * measurement every run makes.
 */
import type { LargeDocSpec } from './large-doc-scenario'
import type { LoadRatios } from './load-ratios'
import type { LoadSpec, RelayLoadResult } from './load-scenario'
import type { StartupSpec } from './startup'

export type ScenarioName = 'default' | 'loadA' | 'loadB' | 'scale' | 'largeDoc' | 'trace'

export interface LoadScenario {
  readonly kind: 'load'
  readonly description: string
  readonly full: LoadSpec
  readonly quick: LoadSpec
}

const idle = 60
/** Seconds of the same load before each measured load: see `LoadSpec.warmupSeconds`. */
const warmup = 5

export const loadScenarios: Record<'default' | 'loadA' | 'loadB' | 'scale', LoadScenario> = {
  default: {
    kind: 'load',
    description: 'issue 2: several documents, each with one writer, one latency probe and many listeners, a few updates per second',
    full: { documents: 20, listenersPerDocument: 50, updatesPerSecondPerDocument: 5, seconds: 30, warmupSeconds: warmup, idleSeconds: idle },
    // Over 100 connections even when quick, so that a relay limit on one address's connections shows up in the test.
    quick: { documents: 3, listenersPerDocument: 40, updatesPerSecondPerDocument: 5, seconds: 1, warmupSeconds: 1, idleSeconds: 1 }
  },
  loadA: {
    kind: 'load',
    description: 'issue 6, Load A: 100 documents × (1 writer + 1 probe + 20 listeners) = 2,200 connections, 20 updates/s per document for 10 s',
    full: { documents: 100, listenersPerDocument: 20, updatesPerSecondPerDocument: 20, seconds: 10, warmupSeconds: warmup, idleSeconds: idle },
    quick: { documents: 4, listenersPerDocument: 5, updatesPerSecondPerDocument: 20, seconds: 2, warmupSeconds: 1, idleSeconds: 1 }
  },
  loadB: {
    kind: 'load',
    description: 'issue 6, Load B: 50 documents × (1 writer + 1 probe + 50 listeners) = 2,600 connections, 40 updates/s per document for 10 s',
    full: { documents: 50, listenersPerDocument: 50, updatesPerSecondPerDocument: 40, seconds: 10, warmupSeconds: warmup, idleSeconds: idle },
    quick: { documents: 3, listenersPerDocument: 10, updatesPerSecondPerDocument: 40, seconds: 2, warmupSeconds: 1, idleSeconds: 1 }
  },
  scale: {
    kind: 'load',
    description: 'issue 6, Scale: 1,000 documents × (1 writer + 1 probe + 8 listeners) = 10,000 connections, 1 update/s per document for 60 s',
    full: { documents: 1000, listenersPerDocument: 8, updatesPerSecondPerDocument: 1, seconds: 60, warmupSeconds: warmup, idleSeconds: idle },
    quick: { documents: 50, listenersPerDocument: 8, updatesPerSecondPerDocument: 1, seconds: 3, warmupSeconds: 1, idleSeconds: 1 }
  }
}

export const largeDocSpecs: { full: LargeDocSpec; quick: LargeDocSpec } = {
  full: { megabytes: 5, joins: 3, coldJoin: true },
  quick: { megabytes: 0.5, joins: 2, coldJoin: false }
}

/** Edits replayed in a quick trace run; a full run replays all 259,778. */
export const quickTraceEdits = 2000

/** Starts per relay for the startup figures, and the idle time before each one's RSS is read. */
export const startupSpecs: { full: StartupSpec; quick: StartupSpec } = {
  full: { starts: 3, idleSeconds: 5 },
  quick: { starts: 3, idleSeconds: 1 }
}

/** One issue-6 target, as measured: `met` is null when a side is missing. */
export interface TargetCheck {
  readonly target: string
  readonly value: number | boolean | null
  readonly met: boolean | null
}

const check = (target: string, value: number | boolean | null, test: (value: number | boolean) => boolean): TargetCheck => ({
  target,
  value,
  met: value === null ? null : test(value)
})

/** The issue-6 targets a load scenario is judged by; the figures are reported, never asserted. */
export const loadTargets = (scenario: ScenarioName, ours: RelayLoadResult, ratios: LoadRatios | null): TargetCheck[] => {
  const targets: TargetCheck[] = [
    check('every probe ends identical to its writer (ours)', ours.probesIdenticalToWriters, (value) => value === true),
    check('RSS 60 s after every client left within 15% of RSS before the load (ours, afterVsBefore ≤ 1.15)', ours.rssMiB.afterVsBefore, (value) => (value as number) <= 1.15)
  ]
  if (scenario === 'loadA') {
    targets.push(
      check('relay CPU seconds ≤ 0.5× the reference (ratio)', ratios?.cpuSecondsLoad ?? null, (value) => (value as number) <= 0.5),
      check('writer-to-probe p99 ≤ the reference (ratio)', ratios?.latencyP99 ?? null, (value) => (value as number) <= 1)
    )
  }
  if (scenario === 'loadB') {
    targets.push(
      check('writer-to-probe p99 ≤ 0.7× the reference (ratio)', ratios?.latencyP99 ?? null, (value) => (value as number) <= 0.7),
      check('no connection dropped (ours, dropped connections)', ours.droppedConnections + ours.connections.failed, (value) => value === 0)
    )
  }
  if (scenario === 'scale') {
    targets.push(
      check('every connection held (ours, failed + dropped)', ours.connections.failed + ours.droppedConnections, (value) => value === 0),
      check('writer-to-probe p99 under 100 ms (ours, ms)', ours.latencyMs.p99, (value) => (value as number) < 100)
    )
  }
  return targets
}
