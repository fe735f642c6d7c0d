/** Runs one named scenario against the selected relays and shapes its part of the report. */
import { runLargeDocScenario, type LargeDocScenarioReport } from './large-doc-scenario'
import { loadRatios, medianRatios, type LoadRatios } from './load-ratios'
import { runLoadOnRelay, type LoadSpec, type RelayLoadResult } from './load-scenario'
import type { BenchOptions } from './options'
import { relayOrderForTurn } from './relay-order'
import { relayNames, type RelayName, type RelayNodeArgs } from './relay-process'
import { largeDocSpecs, loadScenarios, quickTraceEdits, type ScenarioName } from './scenarios'
import { loadTargets, type TargetCheck } from './targets'
import { runTraceScenario, type TraceScenarioReport } from './trace-scenario'

/** A relay's run that could not finish, with the reason (a crash, a refused start). */
export interface FailedRun {
  readonly relay: RelayName
  readonly failure: string
}

/** Every selected relay under the load once; a relay left out of `--relays` is null. */
export interface LoadRound extends Readonly<Record<RelayName, RelayLoadResult | FailedRun | null>> {
  /** ours / reference. */
  readonly ratios: LoadRatios | null
  /** ours / reference-leveldb: against the reference when it stores in LevelDB as ours does. */
  readonly ratiosVsLeveldbReference: LoadRatios | null
}

export interface LoadScenarioReport extends LoadRound {
  readonly description: string
  readonly load: LoadSpec & { readonly connections: number }
  /** With `--rounds N`: the per-field median of every round's ratios; otherwise the one round's. */
  readonly ratios: LoadRatios | null
  /** The same for ours / reference-leveldb. */
  readonly ratiosVsLeveldbReference: LoadRatios | null
  readonly targets: TargetCheck[] | null
  /** With `--rounds N`: rounds 2..N (the relays take turns going first); the relays' figures above are round 1. */
  readonly laterRounds?: LoadRound[]
}

export interface ScenarioReports {
  default?: LoadScenarioReport
  loadA?: LoadScenarioReport
  loadB?: LoadScenarioReport
  scale?: LoadScenarioReport
  largeDoc?: LargeDocScenarioReport
  trace?: TraceScenarioReport
}

export interface ScenarioContext {
  readonly options: BenchOptions
  readonly relayNodeArgs: RelayNodeArgs
  readonly log: (text: string) => void
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const runLoadScenario = async (name: keyof typeof loadScenarios, { options, relayNodeArgs, log }: ScenarioContext): Promise<LoadScenarioReport> => {
  const scenario = loadScenarios[name]
  const base = options.quick ? scenario.quick : scenario.full
  const spec = { ...base, idleSeconds: options.idleSeconds ?? base.idleSeconds, warmupSeconds: options.warmupSeconds ?? base.warmupSeconds }
  const rounds: LoadRound[] = []
  for (let round = 0; round < options.rounds; round++) {
    const results: Partial<Record<RelayName, RelayLoadResult | FailedRun>> = {}
    if (options.rounds > 1) log(`${name}: round ${round + 1} of ${options.rounds}`)
    for (const relay of relayOrderForTurn(options.relays, round)) {
      try {
        results[relay] = await runLoadOnRelay(spec, relay, name, { workers: options.workers, settleMs: options.quick ? 100 : 1000, relayNodeArgs, log })
      } catch (error) {
        log(`${name} ${relay}: failed: ${messageOf(error)}`)
        results[relay] = { relay, failure: messageOf(error) }
      }
    }
    const ours = finished(results.ours)
    const ratiosTo = (other: RelayName): LoadRatios | null => {
      const theirs = finished(results[other])
      return ours !== null && theirs !== null ? loadRatios(ours, theirs) : null
    }
    rounds.push({
      ours: results.ours ?? null,
      reference: results.reference ?? null,
      'reference-leveldb': results['reference-leveldb'] ?? null,
      ratios: ratiosTo('reference'),
      ratiosVsLeveldbReference: ratiosTo('reference-leveldb')
    })
  }
  const [first, ...later] = rounds as [LoadRound, ...LoadRound[]]
  const ratios = medianOverRounds(rounds.map((round) => round.ratios))
  const ratiosVsLeveldbReference = medianOverRounds(rounds.map((round) => round.ratiosVsLeveldbReference))
  const ours = finished(first.ours)
  const finishedRuns = rounds.flatMap((round) => relayNames.map((relay) => finished(round[relay])).filter((run) => run !== null))
  return {
    description: scenario.description,
    load: { ...spec, connections: spec.documents * (2 + spec.listenersPerDocument) },
    ours: first.ours,
    reference: first.reference,
    'reference-leveldb': first['reference-leveldb'],
    ratios,
    ratiosVsLeveldbReference,
    targets:
      ours === null
        ? null
        : loadTargets(name, {
            ours,
            ratios,
            ratiosVsLeveldbReference,
            probesIdenticalEverywhere: finishedRuns.length === 0 ? null : finishedRuns.every((run) => run.probesIdenticalToWriters)
          }),
    ...(later.length > 0 ? { laterRounds: later } : {})
  }
}

const medianOverRounds = (perRound: readonly (LoadRatios | null)[]): LoadRatios | null => {
  const present = perRound.filter((ratios) => ratios !== null)
  return present.length === 0 ? null : medianRatios(present as [LoadRatios, ...LoadRatios[]])
}

const finished = (result: RelayLoadResult | FailedRun | null | undefined): RelayLoadResult | null =>
  result !== null && result !== undefined && 'latencyMs' in result ? result : null

/** Runs scenario `name` and stores its report in `reports`. */
export const runScenario = async (name: ScenarioName, reports: ScenarioReports, context: ScenarioContext): Promise<void> => {
  const { options } = context
  switch (name) {
    case 'largeDoc':
      reports.largeDoc = await runLargeDocScenario(options.quick ? largeDocSpecs.quick : largeDocSpecs.full, options.relays, context)
      break
    case 'trace':
      reports.trace = await runTraceScenario({ tracePath: options.tracePath, editLimit: options.quick ? quickTraceEdits : null }, options.relays, context)
      break
    default:
      reports[name] = await runLoadScenario(name, context)
  }
}
