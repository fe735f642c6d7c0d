/**
 * `npm run bench:relay`: measures each relay's startup, then puts the same load on our relay and on
 * `@y/websocket-server` (without persistence and with LevelDB), one after the other, and prints one
 * JSON object with every relay's figures and their ratios. See bench/README.md.
 */
import { writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import { BenchUsageError, benchHelpText, parseBenchArgs, type BenchOptions } from './options'
import { buildRelayBundle, describeRelayCommand, nodeArgsOf, type RelayName, type RelayNodeArgs } from './relay-process'
import { runScenario, type ScenarioReports } from './scenario-runner'
import { startupSpecs } from './scenarios'
import { measureStartup, type StartupReport } from './startup'
import { round } from './stats'

/** The JSON object the benchmark prints. */
export interface BenchReport {
  readonly benchmark: 'relay'
  readonly arguments: readonly string[]
  readonly quick: boolean
  readonly startedAt: string
  durationSeconds: number
  readonly machine: {
    readonly cpus: number
    readonly cpuModel: string
    readonly memoryGiB: number
    readonly node: string
    readonly loadAverageAtStart: number
  }
  /** How each relay was started. */
  readonly relays: Partial<Record<RelayName, string>>
  readonly generator: string
  /** Each relay's time to listen and RSS at idle, measured in every run. */
  readonly startup: StartupReport
  readonly scenarios: ScenarioReports
}

const log = (text: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`)
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
  const loadAverageAtStart = round(loadavg()[0]!)
  const profileArgs = options.cpuProfileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`]
  const relayNodeArgs: RelayNodeArgs = { ours: [...profileArgs, ...options.oursNodeArgs], reference: profileArgs, 'reference-leveldb': profileArgs }
  // Profiling would slow the starts and swell the idle RSS, and leave a profile per start.
  const startupNodeArgs: RelayNodeArgs = { ours: options.oursNodeArgs, reference: [], 'reference-leveldb': [] }
  log(`building the relay bundle; scenarios: ${options.scenarios.join(', ')}${options.quick ? ' (quick)' : ''}`)
  await buildRelayBundle()
  const startup = await measureStartup(options.quick ? startupSpecs.quick : startupSpecs.full, options.relays, { relayNodeArgs: startupNodeArgs, log })
  const report: BenchReport = {
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
      loadAverageAtStart
    },
    relays: Object.fromEntries(options.relays.map((relay) => [relay, describeRelayCommand(relay, nodeArgsOf(relay, relayNodeArgs[relay]))])),
    generator: `${options.workers} load-generator processes (bench/relay/load-worker.ts under tsx)`,
    startup,
    scenarios: {}
  }
  for (const name of options.scenarios) await runScenario(name, report.scenarios, { options, relayNodeArgs, log })
  report.durationSeconds = Math.round((Date.now() - started) / 1000)
  const json = JSON.stringify(report, null, 2) + '\n'
  if (options.outFile !== null) await writeFile(options.outFile, json)
  process.stdout.write(json)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:relay failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
