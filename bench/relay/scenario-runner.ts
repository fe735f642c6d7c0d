/** Runs one named scenario against the selected relays and shapes its part of the report. */
import { runLargeDocScenario, type LargeDocScenarioReport } from './large-doc-scenario'
import { loadRatios, runLoadOnRelay, type LoadRatios, type LoadSpec, type RelayLoadResult } from './load-scenario'
import type { BenchOptions } from './options'
import type { RelayName, RelayNodeArgs } from './relay-process'
import { largeDocSpecs, loadScenarios, loadTargets, quickTraceEdits, type ScenarioName, type TargetCheck } from './scenarios'
import { runTraceScenario, type TraceScenarioReport } from './trace-scenario'

/** A relay's run that could not finish, with the reason (a crash, a refused start). */
export interface FailedRun {
  readonly relay: RelayName
  readonly failure: string
}

export interface LoadScenarioReport {
  readonly description: string
  readonly load: LoadSpec & { readonly connections: number }
  readonly ours: RelayLoadResult | FailedRun | null
  readonly reference: RelayLoadResult | FailedRun | null
  readonly ratios: LoadRatios | null
  readonly targets: TargetCheck[] | null
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
  const spec = { ...base, idleSeconds: options.idleSeconds ?? base.idleSeconds }
  const results: Partial<Record<RelayName, RelayLoadResult | FailedRun>> = {}
  for (const relay of options.relays) {
    try {
      results[relay] = await runLoadOnRelay(spec, relay, name, { workers: options.workers, settleMs: options.quick ? 100 : 1000, relayNodeArgs, log })
    } catch (error) {
      log(`${name} ${relay}: failed: ${messageOf(error)}`)
      results[relay] = { relay, failure: messageOf(error) }
    }
  }
  const finished = (result: RelayLoadResult | FailedRun | undefined): RelayLoadResult | null =>
    result !== undefined && 'latencyMs' in result ? result : null
  const ours = finished(results.ours)
  const reference = finished(results.reference)
  return {
    description: scenario.description,
    load: { ...spec, connections: spec.documents * (2 + spec.listenersPerDocument) },
    ours: results.ours ?? null,
    reference: results.reference ?? null,
    ratios: ours !== null && reference !== null ? loadRatios(ours, reference) : null,
    targets: ours === null ? null : loadTargets(name, ours, reference)
  }
}

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
