/**
 * The benchmark's scenarios: the issue-2 default load and the loads of issue 6, each in a full size
 * and a `--quick` size that only proves the machinery works, and the startup measurement every run
 * makes. Their targets are in targets.ts.
 */
import type { LargeDocSpec } from './large-doc-scenario'
import type { LoadSpec } from './load-scenario'
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
