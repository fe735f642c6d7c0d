/**
 * `npm run bench:relay`: puts the same load on our relay and on `@y/websocket-server`, one after the
 * other, and prints one JSON object with both sets of figures and their ratios. See bench/README.md.
 */
import { writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import { runLargeDocScenario } from './large-doc-scenario'
import { loadRatios, runLoadOnRelay, type RelayLoadResult } from './load-scenario'
import { BenchUsageError, benchHelpText, parseBenchArgs, type BenchOptions } from './options'
import { buildRelayBundle, relayCommandLines, type RelayName } from './relay-process'
import { largeDocSpecs, loadScenarios, loadTargets, quickTraceEdits, type ScenarioName } from './scenarios'
import { round } from './stats'
import { runTraceScenario } from './trace-scenario'

const log = (text: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`)
}

/** A relay's run that could not finish, with the reason. */
interface FailedRun {
  readonly relay: RelayName
  readonly failure: string
}

const runLoadScenario = async (name: keyof typeof loadScenarios, options: BenchOptions, relayNodeArgs: string[]) => {
  const scenario = loadScenarios[name]
  const base = options.quick ? scenario.quick : scenario.full
  const spec = { ...base, idleSeconds: options.idleSeconds ?? base.idleSeconds }
  const results: Partial<Record<RelayName, RelayLoadResult | FailedRun>> = {}
  for (const relay of options.relays) {
    try {
      results[relay] = await runLoadOnRelay(spec, relay, name, { workers: options.workers, relayNodeArgs, log })
    } catch (error) {
      log(`${name} ${relay}: failed: ${error instanceof Error ? error.message : String(error)}`)
      results[relay] = { relay, failure: error instanceof Error ? error.message : String(error) }
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

const runScenario = (name: ScenarioName, options: BenchOptions, relayNodeArgs: string[]): Promise<unknown> => {
  const context = { relayNodeArgs, log }
  switch (name) {
    case 'largeDoc':
      return runLargeDocScenario(options.quick ? largeDocSpecs.quick : largeDocSpecs.full, options.relays, context)
    case 'trace':
      return runTraceScenario({ tracePath: options.tracePath, editLimit: options.quick ? quickTraceEdits : null }, options.relays, context)
    default:
      return runLoadScenario(name, options, relayNodeArgs)
  }
}

const main = async (): Promise<void> => {
  let options: BenchOptions
  try {
    options = parseBenchArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error
    process.stderr.write(`bench:relay: ${error.message}\n`)
    process.exit(2)
  }
  if (options.help) {
    process.stdout.write(benchHelpText + '\n')
    return
  }
  const started = Date.now()
  const relayNodeArgs = options.cpuProfileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`]
  log(`building the relay bundle; scenarios: ${options.scenarios.join(', ')}${options.quick ? ' (quick)' : ''}`)
  await buildRelayBundle()
  const report = {
    benchmark: 'relay',
    arguments: process.argv.slice(2),
    quick: options.quick,
    startedAt: new Date(started).toISOString(),
    durationSeconds: 0,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      loadAverageAtStart: round(loadavg()[0]!)
    },
    relays: Object.fromEntries(options.relays.map((relay) => [relay, relayCommandLines[relay]])),
    generator: `${options.workers} load-generator processes (bench/relay/load-worker.ts under tsx)`,
    scenarios: {} as Record<string, unknown>
  }
  for (const name of options.scenarios) report.scenarios[name] = await runScenario(name, options, relayNodeArgs)
  report.durationSeconds = Math.round((Date.now() - started) / 1000)
  const json = JSON.stringify(report, null, 2) + '\n'
  if (options.outFile !== null) await writeFile(options.outFile, json)
  process.stdout.write(json)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:relay failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
