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
  'web-root': { env: 'ENSEMBLE_WEB_ROOT', default: '', help: 'folder of the built web client (default: dist/web of this checkout)' }
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
  return {
    host: read('host'),
    port: integer('port', 0, 65535),
    dataDir: data === ':memory:' ? null : data,
    lingerMs: integer('linger-ms', 0, 24 * 3600 * 1000),
    maxFrameBytes: integer('max-frame-bytes', 1024, 1024 * 1024 * 1024),
    logLevel,
    webRoot: webRoot === '' ? defaultWebRoot : webRoot,
    help: values.help === true
  }
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
