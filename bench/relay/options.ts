/** The command line of `npm run bench:relay`. */
import { parseArgs } from 'node:util'
import { relayNames, type RelayName } from './relay-process'
import type { ScenarioName } from './scenarios'
import { defaultTracePath } from './trace'

export interface BenchOptions {
  readonly scenarios: readonly ScenarioName[]
  readonly quick: boolean
  readonly relays: readonly RelayName[]
  readonly workers: number
  /** Times each load scenario is repeated, the relays taking turns to go first. */
  readonly rounds: number
  /** Overrides the scenarios' idle time before the after-load RSS is read. */
  readonly idleSeconds: number | null
  /** Overrides the scenarios' warm-up before each measured load. */
  readonly warmupSeconds: number | null
  readonly tracePath: string
  /** Directory for `node --cpu-prof` profiles of the relays, or null. */
  readonly cpuProfileDir: string | null
  /** Extra `node` flags for our relay only, for tuning experiments. */
  readonly oursNodeArgs: readonly string[]
  /** Also write the JSON report to this file. */
  readonly outFile: string | null
  readonly help: boolean
}

export class BenchUsageError extends Error {
  override name = 'BenchUsageError'
}

export const benchHelpText = `Usage: npm run bench:relay -- [scenario flags] [options]

Runs the same load against our relay and @y/websocket-server (without persistence, and with its
LevelDB persistence), one after the other, each in its own process, and prints one JSON object on
stdout (progress goes to stderr). Every run first measures each relay's startup time and idle RSS.
See bench/README.md.

Scenarios (default: the issue-2 load; flags combine):
  --load A|B          issue 6 Load A (2,200 connections, 20 updates/s/doc) or Load B (2,600, 40/s/doc)
  --scale             10,000 connections over 1,000 documents, 1 update/s/doc for 60 s
  --large-doc         a client joining a 5 MB document: time until it holds all of it
  --trace             the paper editing trace, keystroke by keystroke, through the relay
  --all               every issue-6 scenario: --load A --load B --scale --large-doc --trace

Options:
  --quick             tiny sizes and 1 s of idling: a smoke run of the machinery, not a measurement
  --relays LIST       comma-separated, from ours, reference and reference-leveldb (the reference
                      with YPERSISTENCE, storing in LevelDB like ours); default all three
  --workers N         load-generator processes (default 2)
  --rounds N          repeat each load N times, relays taking turns to go first; ratios are the
                      per-field median (default 1)
  --idle-seconds N    seconds to idle after clients left before reading RSS (default 60, quick 1)
  --warmup-seconds N  seconds of the same load before each measured load, reported apart as the
                      cold start (default 5, quick 1; 0 measures from the first write)
  --trace-file PATH   the editing trace (default ../shared/data/paper-trace.json.gz from the repo)
  --cpu-prof DIR      write a V8 CPU profile of each relay process into DIR
  --ours-node-args S  extra node flags for our relay only, e.g. "--max-semi-space-size=2"
                      (an experiment; the report's relays section shows them)
  --out FILE          also write the JSON report to FILE (npm prints its own banner on stdout;
                      use \`npm run -s bench:relay\` for clean JSON there)`

export const parseBenchArgs = (argv: readonly string[]): BenchOptions => {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        load: { type: 'string', multiple: true },
        scale: { type: 'boolean' },
        'large-doc': { type: 'boolean' },
        trace: { type: 'boolean' },
        all: { type: 'boolean' },
        quick: { type: 'boolean' },
        relays: { type: 'string' },
        workers: { type: 'string' },
        rounds: { type: 'string' },
        'idle-seconds': { type: 'string' },
        'warmup-seconds': { type: 'string' },
        'trace-file': { type: 'string' },
        'cpu-prof': { type: 'string' },
        out: { type: 'string' },
        'ours-node-args': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    throw new BenchUsageError(`${error instanceof Error ? error.message : String(error)}. Run with --help to see the flags.`)
  }
  const scenarios = new Set<ScenarioName>()
  for (const load of values.load ?? []) {
    if (load.toUpperCase() === 'A') scenarios.add('loadA')
    else if (load.toUpperCase() === 'B') scenarios.add('loadB')
    else throw new BenchUsageError(`--load takes A or B (the loads of issue 6); got "${load}"`)
  }
  if (values.scale === true) scenarios.add('scale')
  if (values['large-doc'] === true) scenarios.add('largeDoc')
  if (values.trace === true) scenarios.add('trace')
  if (values.all === true) for (const name of ['loadA', 'loadB', 'scale', 'largeDoc', 'trace'] as const) scenarios.add(name)
  if (scenarios.size === 0) scenarios.add('default')

  const relays = (values.relays ?? relayNames.join(',')).split(',').map((name) => name.trim())
  for (const name of relays) {
    if (!(relayNames as readonly string[]).includes(name)) {
      throw new BenchUsageError(`--relays takes ${relayNames.join(', ')}, comma-separated; got "${name}"`)
    }
  }
  return {
    scenarios: [...scenarios],
    quick: values.quick === true,
    relays: [...new Set(relays as RelayName[])],
    workers: wholeNumber('--workers', values.workers ?? '2', 1, 16),
    rounds: wholeNumber('--rounds', values.rounds ?? '1', 1, 10),
    idleSeconds: values['idle-seconds'] === undefined ? null : wholeNumber('--idle-seconds', values['idle-seconds'], 0, 3600),
    warmupSeconds: values['warmup-seconds'] === undefined ? null : wholeNumber('--warmup-seconds', values['warmup-seconds'], 0, 600),
    tracePath: values['trace-file'] ?? defaultTracePath,
    cpuProfileDir: values['cpu-prof'] ?? null,
    outFile: values.out ?? null,
    oursNodeArgs: (values['ours-node-args'] ?? '').split(/\s+/).filter((arg) => arg !== ''),
    help: values.help === true
  }
}

const wholeNumber = (flag: string, text: string, min: number, max: number): number => {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new BenchUsageError(`${flag} must be a whole number from ${min} to ${max}; got "${text}"`)
  }
  return value
}
