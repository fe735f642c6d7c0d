import { hostname } from 'node:os'
import { parseArgs } from 'node:util'
import { relayDefaults } from './relay'

/** A command line the relay cannot run with; the message says what to change. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export interface RelayCommandLine {
  readonly host: string
  readonly port: number
  /** LevelDB folder, or `null` for `--data :memory:`. */
  readonly dataDir: string | null
  readonly lingerMs: number
  readonly maxFrameBytes: number
  readonly logLevel: string
  readonly webRoot: string | null
  /** `leveldb` keeps documents in `dataDir`; `postgres` in the database at `postgresUrl`, shared by a cluster. */
  readonly storage: 'leveldb' | 'postgres'
  readonly postgresUrl: string | null
  /** Redis that joins several instances, or `null` for a relay on its own. */
  readonly redisUrl: string | null
  readonly instanceId: string
  readonly help: boolean
}

/** Each flag, its environment variable, and what it means; the help text is generated from this. */
export const relayFlags = {
  host: { env: 'ENSEMBLE_HOST', default: relayDefaults.host, help: 'interface to listen on (0.0.0.0 for every interface)' },
  port: { env: 'ENSEMBLE_PORT', default: String(relayDefaults.port), help: 'TCP port for WebSocket and HTTP (0 = any free port)' },
  data: { env: 'ENSEMBLE_DATA', default: './ensemble-data', help: 'LevelDB folder for documents; ":memory:" keeps them in memory only' },
  'linger-ms': { env: 'ENSEMBLE_LINGER_MS', default: String(relayDefaults.lingerMs), help: 'how long an empty document stays in memory' },
  'max-frame-bytes': { env: 'ENSEMBLE_MAX_FRAME_BYTES', default: String(relayDefaults.maxFrameBytes), help: 'largest WebSocket frame accepted (larger: close 1009)' },
  'log-level': { env: 'ENSEMBLE_LOG_LEVEL', default: 'info', help: 'fatal, error, warn, info, debug or trace' },
  'web-root': { env: 'ENSEMBLE_WEB_ROOT', default: '', help: 'folder of the built web client (default: dist/web of this checkout)' },
  storage: { env: 'ENSEMBLE_STORAGE', default: 'leveldb', help: 'leveldb (the --data folder) or postgres (--postgres-url, shared by a cluster)' },
  'postgres-url': { env: 'ENSEMBLE_POSTGRES_URL', default: '', help: 'postgres://user:password@host:5432/database, with --storage postgres' },
  'redis-url': { env: 'ENSEMBLE_REDIS_URL', default: '', help: 'redis://host:6379 joining several instances (needs --storage postgres)' },
  'instance-id': { env: 'ENSEMBLE_INSTANCE_ID', default: '', help: 'name of this instance in logs and Redis client names (default: hostname-pid)' }
} as const

type FlagName = keyof typeof relayFlags
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Reads flags, falling back to environment variables, then to defaults. */
export const parseRelayCommandLine = (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultWebRoot: string | null
): RelayCommandLine => {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(Object.keys(relayFlags).map((name) => [name, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. Run with --help to see the flags.`)
  }
  const read = (name: FlagName): string => {
    const flag = values[name]
    if (typeof flag === 'string') return flag
    return env[relayFlags[name].env] ?? relayFlags[name].default
  }
  const integer = (name: FlagName, min: number, max: number): number => {
    const text = read(name)
    const value = Number(text)
    if (!/^\d+$/.test(text) || value < min || value > max) {
      throw new UsageError(`--${name} (or ${relayFlags[name].env}) must be a whole number from ${min} to ${max}; got "${text}"`)
    }
    return value
  }
  const logLevel = read('log-level')
  if (!logLevels.includes(logLevel)) {
    throw new UsageError(`--log-level must be one of ${logLevels.join(', ')}; got "${logLevel}"`)
  }
  const data = read('data')
  const webRoot = read('web-root')
  const { storage, postgresUrl, redisUrl } = readScaleOut(read)
  const instanceId = read('instance-id') || `${hostname()}-${process.pid}`
  if (!/^[\w.-]{1,64}$/.test(instanceId)) {
    throw new UsageError(`--instance-id may hold 1 to 64 letters, digits, "_", "." and "-"; got "${instanceId}"`)
  }
  return {
    host: read('host'),
    port: integer('port', 0, 65535),
    dataDir: data === ':memory:' ? null : data,
    lingerMs: integer('linger-ms', 0, 24 * 3600 * 1000),
    maxFrameBytes: integer('max-frame-bytes', 1024, 1024 * 1024 * 1024),
    logLevel,
    webRoot: webRoot === '' ? defaultWebRoot : webRoot,
    storage,
    postgresUrl,
    redisUrl,
    instanceId,
    help: values.help === true
  }
}

/** Storage and fan-out flags, checked together: a cluster needs storage all its instances share. */
const readScaleOut = (
  read: (name: FlagName) => string
): Pick<RelayCommandLine, 'storage' | 'postgresUrl' | 'redisUrl'> => {
  const storage = read('storage')
  if (storage !== 'leveldb' && storage !== 'postgres') {
    throw new UsageError(`--storage (or ENSEMBLE_STORAGE) must be leveldb or postgres; got "${storage}"`)
  }
  const postgresUrl = read('postgres-url') || null
  const redisUrl = read('redis-url') || null
  if (storage === 'postgres' && postgresUrl === null) {
    throw new UsageError('--storage postgres needs --postgres-url (or ENSEMBLE_POSTGRES_URL), e.g. postgres://ensemble:secret@db:5432/ensemble')
  }
  if (postgresUrl !== null && storage !== 'postgres') {
    throw new UsageError('--postgres-url is set but documents would go to LevelDB; add --storage postgres, or drop --postgres-url')
  }
  if (postgresUrl !== null && !/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new UsageError('--postgres-url must start with postgres:// or postgresql://')
  }
  if (redisUrl !== null && storage !== 'postgres') {
    throw new UsageError('--redis-url joins instances that must share their documents; add --storage postgres --postgres-url ...')
  }
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    throw new UsageError('--redis-url must start with redis:// or rediss://')
  }
  return { storage, postgresUrl, redisUrl }
}

export const relayHelpText = (): string =>
  [
    'Usage: npm run relay -- [flags]',
    '',
    'Runs the Ensemble relay in the foreground: a y-websocket server with storage, /healthz, /metrics',
    'and the web client. Every flag can also be set by the environment variable shown.',
    '',
    ...Object.entries(relayFlags).map(
      ([name, flag]) => `  --${name.padEnd(16)} ${flag.env.padEnd(25)} ${flag.help}${flag.default === '' ? '' : ` (default ${flag.default})`}`
    )
  ].join('\n')
