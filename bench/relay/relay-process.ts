/**
 * Starts the relays under test as child processes of their own, so that /proc shows each relay's
 * CPU time and memory alone: ours as the bundle `npm run relay` runs (`dist/relay/cli.mjs`, the
 * way it ships) and the reference as the stock `@y/websocket-server` entry point, once without
 * persistence (its default) and once with its LevelDB persistence, the like-for-like peer of ours.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { ensureRelayBundle, relayCliBundle } from '../../tools/builds.mjs'
import { relayNodeFlags } from '../../server/node-flags'
import { freePort } from '../../server/testing/services'

/** `reference-leveldb` is the reference run with `YPERSISTENCE`: it then stores every update in LevelDB, as ours does. */
export type RelayName = 'ours' | 'reference' | 'reference-leveldb'

export const relayNames: readonly RelayName[] = ['ours', 'reference', 'reference-leveldb']

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

/**
 * The version of package `name` that the reference's server.js loads: the first copy on Node's
 * lookup path from it, which is its own nested one when it has one (it asks for y-leveldb ^0.1 and
 * ws ^6 while the project's are newer).
 */
const versionSeenByReference = (name: string): string => {
  const lookupPaths = createRequire(referenceEntry).resolve.paths(name) ?? []
  const manifest = lookupPaths.map((dir) => path.join(dir, name, 'package.json')).find((file) => existsSync(file))
  if (manifest === undefined) throw new Error(`${name} does not resolve from ${referenceEntry}; run npm ci`)
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

interface RelayCommand {
  readonly env: string
  readonly script: string
  readonly note: string
}

const referenceScript = path.relative(repoRoot, referenceEntry)
const referenceVersions = `@y/websocket-server ${versionSeenByReference('@y/websocket-server')} with the ws ${versionSeenByReference('ws')} it resolves`

const relayCommands: Record<RelayName, RelayCommand> = {
  ours: {
    env: '',
    script: `${path.relative(repoRoot, bundlePath)} --host 127.0.0.1 --port 0 --data <fresh temporary LevelDB folder> ${liftedLimits.join(' ')}`,
    note: 'the bundle that npm run relay runs, built by tools/builds.mjs, with the V8 flags it ships with (server/node-flags.ts); other settings default: LevelDB, linger 30 s, log level info'
  },
  reference: {
    env: 'HOST=127.0.0.1 PORT=<free port> ',
    script: referenceScript,
    note: `${referenceVersions}, no persistence`
  },
  'reference-leveldb': {
    env: 'HOST=127.0.0.1 PORT=<free port> YPERSISTENCE=<fresh temporary folder> ',
    script: referenceScript,
    note: `${referenceVersions}; YPERSISTENCE makes its utils.js store every update with y-leveldb ${versionSeenByReference('y-leveldb')} on level ${versionSeenByReference('level')}, the copies it resolves`
  }
}

/** The `node` flags relay `name` runs with, given a run's own: ours ships with `relayNodeFlags` (server/node-flags.ts). */
export const nodeArgsOf = (name: RelayName, extra: readonly string[]): readonly string[] => (name === 'ours' ? [...relayNodeFlags, ...extra] : extra)

/** How relay `name` is started with `nodeArgs`, for the report. */
export const describeRelayCommand = (name: RelayName, nodeArgs: readonly string[]): string => {
  const command = relayCommands[name]
  return `${command.env}node ${[...nodeArgs, command.script].join(' ')}  (${command.note})`
}

/** A relay running in its own process. */
export interface RelayProcess {
  readonly name: RelayName
  readonly url: string
  readonly pid: number
  /** How it was started, for the report. */
  readonly commandLine: string
  /** Milliseconds from spawning the process to the line in which the relay says it listens. */
  readonly listeningMs: number
  /** The fresh folder it stores documents in, which `stop()` removes; null for the reference without persistence. */
  readonly storageDir: string | null
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
  const scriptArgs = [bundlePath, '--host', '127.0.0.1', '--port', '0', '--data', dataDir, ...liftedLimits]
  return withFolderRemovedOnStop(dataDir, () =>
    startProcess('ours', { nodeArgs: nodeArgsOf('ours', options.nodeArgs ?? []), scriptArgs, env: {} }, (line) => {
      if (!line.startsWith('{')) return null
      const entry = JSON.parse(line) as { msg?: string; url?: string }
      return entry.msg?.startsWith('relay listening') === true && entry.url !== undefined ? entry.url : null
    })
  )
}

/**
 * Starts `@y/websocket-server`'s own `server.js` on a free loopback port: without persistence for
 * `reference`; for `reference-leveldb` with `YPERSISTENCE` set to a fresh folder, which `stop()` removes.
 */
const startReferenceRelay = async (name: 'reference' | 'reference-leveldb', options: StartRelayOptions): Promise<RelayProcess> => {
  const port = await freePort()
  const profiling = (options.nodeArgs ?? []).some((arg) => arg.startsWith('--cpu-prof') || arg.startsWith('--heap-prof'))
  // server.js has no signal handler; a profiled run needs a clean exit for the profile to be written.
  const nodeArgs = [...(options.nodeArgs ?? []), ...(profiling ? ['--import', exitOnSignal] : [])]
  const start = (env: Record<string, string>): Promise<RelayProcess> =>
    startProcess(name, { nodeArgs, scriptArgs: [referenceEntry], env: { HOST: '127.0.0.1', PORT: String(port), ...env } }, (line) =>
      line.startsWith('running at') ? `ws://127.0.0.1:${port}` : null
    )
  if (name === 'reference') return start({})
  const persistenceDir = await mkdtemp(path.join(tmpdir(), 'ensemble-bench-reference-leveldb-'))
  return withFolderRemovedOnStop(persistenceDir, () => start({ YPERSISTENCE: persistenceDir }))
}

/** Starts relay `name` in its own process; `stop()` ends it and removes whatever it stored. */
export const startRelay = (name: RelayName, options: StartRelayOptions = {}): Promise<RelayProcess> =>
  name === 'ours' ? startOurRelay(options) : startReferenceRelay(name, options)

/** A relay started by `start` whose `stop()` also removes `folder`, as does a failed start. */
const withFolderRemovedOnStop = async (folder: string, start: () => Promise<RelayProcess>): Promise<RelayProcess> => {
  const remove = (): Promise<void> => rm(folder, { recursive: true, force: true })
  let relay: RelayProcess
  try {
    relay = await start()
  } catch (error) {
    await remove()
    throw error
  }
  return {
    ...relay,
    storageDir: folder,
    stop: async () => {
      await relay.stop()
      await remove()
    }
  }
}

interface ProcessCommand {
  readonly nodeArgs: readonly string[]
  /** The script and its arguments. */
  readonly scriptArgs: readonly string[]
  readonly env: Readonly<Record<string, string>>
}

const startProcess = async (name: RelayName, command: ProcessCommand, listeningUrl: (line: string) => string | null): Promise<RelayProcess> => {
  const baseEnv = { ...process.env }
  // Settings the reference server reads; a stray one would change what is measured.
  for (const key of ['YPERSISTENCE', 'GC', 'CALLBACK_URL', 'NODE_OPTIONS']) delete baseEnv[key]
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [...command.nodeArgs, ...command.scriptArgs], {
    cwd: repoRoot,
    env: { ...baseEnv, ...command.env },
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
  let listeningMs = 0
  const url = new Promise<string>((resolve, reject) => {
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
        listeningMs = performance.now() - spawnedAt
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
  try {
    return {
      name,
      url: await url,
      pid: child.pid!,
      listeningMs: Math.round(listeningMs * 10) / 10,
      commandLine: describeRelayCommand(name, command.nodeArgs),
      storageDir: null,
      exited,
      hasExited: () => exitedFlag,
      outputTail,
      stop: () => stopChild(child, exited)
    }
  } catch (error) {
    // A relay that never said it listens must not outlive the run.
    await stopChild(child, exited)
    throw error
  }
}

const stopChild = async (child: ChildProcess, exited: Promise<unknown>): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs)
  await exited
  clearTimeout(timer)
}
