/** Runs one named scenario against the selected relays and shapes its part of the report. */
import { runLargeDocScenario, type LargeDocScenarioReport } from './large-doc-scenario'
import { loadRatios, medianRatios, runLoadOnRelay, type LoadRatios, type LoadSpec, type RelayLoadResult } from './load-scenario'
import type { BenchOptions } from './options'
import type { RelayName, RelayNodeArgs } from './relay-process'
import { largeDocSpecs, loadScenarios, loadTargets, quickTraceEdits, type ScenarioName, type TargetCheck } from './scenarios'
import { runTraceScenario, type TraceScenarioReport } from './trace-scenario'

/** A relay's run that could not finish, with the reason (a crash, a refused start). */
export interface FailedRun {
  readonly relay: RelayName
  readonly failure: string
}

/** Both relays under the load once. */
export interface LoadRound {
  readonly ours: RelayLoadResult | FailedRun | null
  readonly reference: RelayLoadResult | FailedRun | null
  readonly ratios: LoadRatios | null
}

export interface LoadScenarioReport extends LoadRound {
  readonly description: string
  readonly load: LoadSpec & { readonly connections: number }
  /** With `--rounds N`: the per-field median of every round's ratios; otherwise the one round's. */
  readonly ratios: LoadRatios | null
  readonly targets: TargetCheck[] | null
  /** With `--rounds N`: rounds 2..N (the relays take turns going first); `ours` and `reference` above are round 1. */
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
    // Alternating which relay goes first spreads slow drifts in the machine's load over both.
    const order = round % 2 === 0 ? options.relays : [...options.relays].reverse()
    const results: Partial<Record<RelayName, RelayLoadResult | FailedRun>> = {}
    if (options.rounds > 1) log(`${name}: round ${round + 1} of ${options.rounds}`)
    for (const relay of order) {
      try {
        results[relay] = await runLoadOnRelay(spec, relay, name, { workers: options.workers, settleMs: options.quick ? 100 : 1000, relayNodeArgs, log })
      } catch (error) {
        log(`${name} ${relay}: failed: ${messageOf(error)}`)
        results[relay] = { relay, failure: messageOf(error) }
      }
    }
    const ours = finished(results.ours)
    const reference = finished(results.reference)
    rounds.push({
      ours: results.ours ?? null,
      reference: results.reference ?? null,
      ratios: ours !== null && reference !== null ? loadRatios(ours, reference) : null
    })
  }
  const [first, ...later] = rounds as [LoadRound, ...LoadRound[]]
  const allRatios = rounds.flatMap((round) => (round.ratios === null ? [] : [round.ratios]))
  const ratios = allRatios.length === 0 ? null : medianRatios(allRatios)
  const ours = finished(first.ours)
  return {
    description: scenario.description,
    load: { ...spec, connections: spec.documents * (2 + spec.listenersPerDocument) },
    ours: first.ours,
    reference: first.reference,
    ratios,
    targets: ours === null ? null : loadTargets(name, ours, ratios),
    ...(later.length > 0 ? { laterRounds: later } : {})
  }
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
