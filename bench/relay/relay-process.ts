/**
 * Starts the relays under test as child processes of their own, so that /proc shows each relay's
 * CPU time and memory alone: ours as the bundle `npm run relay` runs (`dist/relay/cli.mjs`, the
 * way it ships) and the reference as the stock `@y/websocket-server` entry point.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { ensureRelayBundle, relayCliBundle } from '../../tools/builds.mjs'
import { freePort } from '../../server/testing/services'

export type RelayName = 'ours' | 'reference'

/** Extra `node` flags for each relay's process. */
export type RelayNodeArgs = Readonly<Record<RelayName, readonly string[]>>

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const bundlePath = relayCliBundle
const referenceEntry = path.join(repoRoot, 'node_modules/@y/websocket-server/src/server.js')
const exitOnSignal = fileURLToPath(new URL('./exit-on-signal.mjs', import.meta.url))
const startTimeoutMs = 20_000
const stopTimeoutMs = 10_000

/**
 * Per-client limits lifted for the benchmark: every load client connects from 127.0.0.1 (a public
 * relay allows 100 per address) and the trace writer replays keystrokes at machine speed, far above
 * the per-connection message rate a person can type. The other limits keep their defaults.
 */
const liftedLimits = [
  '--max-connections', '1000000',
  '--max-connections-per-address', '1000000',
  '--max-messages-per-second', '1000000',
  '--message-burst', '1000000'
]

/** How relay `name` is started with `nodeArgs`, for the report. */
export const describeRelayCommand = (name: RelayName, nodeArgs: readonly string[]): string =>
  relayCommandLines[name].replace(/^(HOST=\S+ PORT=<free port> )?node /, `$1node ${nodeArgs.map((arg) => `${arg} `).join('')}`)

const relayCommandLines: Record<RelayName, string> = {
  ours: `node ${path.relative(repoRoot, bundlePath)} --host 127.0.0.1 --port 0 --data <fresh temporary LevelDB folder> ${liftedLimits.join(' ')}  (the bundle that npm run relay runs, built by tools/builds.mjs; other settings default: LevelDB, linger 30 s, log level info)`,
  reference: `HOST=127.0.0.1 PORT=<free port> node ${path.relative(repoRoot, referenceEntry)}  (@y/websocket-server 0.1.1, no persistence)`
}

/** A relay running in its own process. */
export interface RelayProcess {
  readonly name: RelayName
  readonly url: string
  readonly pid: number
  /** How it was started, for the report. */
  readonly commandLine: string
  /** Resolves when the process exits, for whatever reason. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  hasExited(): boolean
  /** The last lines the process printed, for error messages. */
  outputTail(): string
  /** Asks the relay to stop (SIGTERM) and waits for it; kills it if it does not stop in time. */
  stop(): Promise<void>
}

export interface StartRelayOptions {
  /** Extra `node` flags, such as `--cpu-prof --cpu-prof-dir=DIR`. */
  readonly nodeArgs?: readonly string[]
}

/** Builds the relay bundle `npm run relay` runs (`tools/builds.mjs`) when a source is newer; returns its path. */
export const buildRelayBundle = async (): Promise<string> => {
  await ensureRelayBundle()
  return bundlePath
}

/** Starts our relay from the bundle with a fresh LevelDB data directory, which `stop()` removes. */
export const startOurRelay = async (options: StartRelayOptions = {}): Promise<RelayProcess> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ensemble-bench-'))
  const args = [...(options.nodeArgs ?? []), bundlePath, '--host', '127.0.0.1', '--port', '0', '--data', dataDir, ...liftedLimits]
  const relay = await startProcess('ours', args, {}, (line) => {
    if (!line.startsWith('{')) return null
    const entry = JSON.parse(line) as { msg?: string; url?: string }
    return entry.msg?.startsWith('relay listening') === true && entry.url !== undefined ? entry.url : null
  })
  return {
    ...relay,
    commandLine: describeRelayCommand('ours', options.nodeArgs ?? []),
    stop: async () => {
      await relay.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/** Starts `@y/websocket-server`'s own `server.js` (no persistence) on a free loopback port. */
export const startReferenceRelay = async (options: StartRelayOptions = {}): Promise<RelayProcess> => {
  const port = await freePort()
  const profiling = (options.nodeArgs ?? []).some((arg) => arg.startsWith('--cpu-prof') || arg.startsWith('--heap-prof'))
  // server.js has no signal handler; a profiled run needs a clean exit for the profile to be written.
  const args = [...(options.nodeArgs ?? []), ...(profiling ? ['--import', exitOnSignal] : []), referenceEntry]
  const relay = await startProcess('reference', args, { HOST: '127.0.0.1', PORT: String(port) }, (line) =>
    line.startsWith('running at') ? `ws://127.0.0.1:${port}` : null
  )
  return { ...relay, commandLine: describeRelayCommand('reference', options.nodeArgs ?? []) }
}

export const startRelay = (name: RelayName, options: StartRelayOptions = {}): Promise<RelayProcess> =>
  name === 'ours' ? startOurRelay(options) : startReferenceRelay(options)

const startProcess = async (
  name: RelayName,
  args: string[],
  env: Record<string, string>,
  listeningUrl: (line: string) => string | null
): Promise<Omit<RelayProcess, 'commandLine'>> => {
  const baseEnv = { ...process.env }
  // Settings the reference server reads; a stray one would change what is measured.
  for (const key of ['YPERSISTENCE', 'GC', 'CALLBACK_URL', 'NODE_OPTIONS']) delete baseEnv[key]
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const tail: string[] = []
  let exitedFlag = false
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exitedFlag = true
      resolve({ code, signal })
    })
  )
  const outputTail = (): string => tail.join('\n')
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} relay did not say it was listening within ${startTimeoutMs} ms:\n${outputTail()}`)), startTimeoutMs)
    const onLine = (line: string): void => {
      tail.push(line)
      if (tail.length > 40) tail.shift()
      let found: string | null = null
      try {
        found = listeningUrl(line)
      } catch {
        // A line that is not the one we wait for.
      }
      if (found !== null) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    // Both streams are read to the end so that a chatty relay never blocks on a full pipe.
    createInterface({ input: child.stdout! }).on('line', onLine)
    createInterface({ input: child.stderr! }).on('line', onLine)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not start the ${name} relay: ${error.message}`))
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`${name} relay exited (code ${code}, signal ${signal}) before listening:\n${outputTail()}`))
    })
  })
  return {
    name,
    url,
    pid: child.pid!,
    exited,
    hasExited: () => exitedFlag,
    outputTail,
    stop: () => stopChild(child, exited)
  }
}

const stopChild = async (child: ChildProcess, exited: Promise<unknown>): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs)
  await exited
  clearTimeout(timer)
}
