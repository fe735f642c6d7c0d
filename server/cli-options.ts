import { hostname } from 'node:os'
import { parseArgs } from 'node:util'
import type { SecretSource } from './access/auth-secret'
import { isLoopbackHost } from './access/loopback'
import { normalizeOrigin } from './access/origin-allow-list'
import { defaultRelayLimits, type RelayLimits } from './limits/relay-limits'
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
  readonly auth: AuthChoice
  /** Browser origins allowed to connect besides the relay's own, or `null` for any. */
  readonly allowedOrigins: readonly string[] | null
  /** PEM files for HTTPS and wss://, or `null` for plain HTTP and ws://. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null
  readonly limits: RelayLimits
  readonly help: boolean
}

/** `open`: everyone may edit every document. `token`: an access token decides, per connection. */
export type AuthChoice = { readonly mode: 'open' } | { readonly mode: 'token'; readonly secret: SecretSource }

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
  'instance-id': { env: 'ENSEMBLE_INSTANCE_ID', default: '', help: 'name of this instance in logs and Redis client names (default: hostname-pid)' },
  auth: { env: 'ENSEMBLE_AUTH', default: '', help: '"open" or "token" (default: token when a secret is given, else open; open only on loopback unless chosen)' },
  'auth-secret': { env: 'ENSEMBLE_AUTH_SECRET', default: '', help: 'HS256 secret for access tokens, at least 32 bytes' },
  'auth-secret-file': { env: 'ENSEMBLE_AUTH_SECRET_FILE', default: '', help: 'file holding the HS256 secret (one trailing newline is ignored)' },
  'allowed-origins': { env: 'ENSEMBLE_ALLOWED_ORIGINS', default: '', help: 'comma-separated browser origins allowed besides the relay\'s own (default: any)' },
  'tls-cert': { env: 'ENSEMBLE_TLS_CERT', default: '', help: 'PEM certificate (chain) file: serve HTTPS and wss://' },
  'tls-key': { env: 'ENSEMBLE_TLS_KEY', default: '', help: 'PEM private key file for --tls-cert' },
  'max-connections': { env: 'ENSEMBLE_MAX_CONNECTIONS', default: String(defaultRelayLimits.maxConnections), help: 'open connections in total (more: HTTP 503)' },
  'max-connections-per-address': { env: 'ENSEMBLE_MAX_CONNECTIONS_PER_ADDRESS', default: String(defaultRelayLimits.maxConnectionsPerAddress), help: 'open connections per remote address (more: HTTP 429)' },
  'max-messages-per-second': { env: 'ENSEMBLE_MAX_MESSAGES_PER_SECOND', default: String(defaultRelayLimits.messagesPerSecond), help: 'sustained frames per second per connection (beyond the burst: close 1008)' },
  'message-burst': { env: 'ENSEMBLE_MESSAGE_BURST', default: String(defaultRelayLimits.messageBurst), help: 'frames a connection may send at once before the rate applies' },
  'max-rooms': { env: 'ENSEMBLE_MAX_ROOMS', default: String(defaultRelayLimits.maxRooms), help: 'documents in memory; least recently used empty ones go first (all in use: HTTP 503)' },
  'max-buffered-bytes': { env: 'ENSEMBLE_MAX_BUFFERED_BYTES', default: String(defaultRelayLimits.maxBufferedBytes), help: 'unsent bytes queued for one client before it is closed with 1013' }
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
  const host = read('host')
  const data = read('data')
  const webRoot = read('web-root')
  const { storage, postgresUrl, redisUrl } = readScaleOut(read)
  const instanceId = read('instance-id') || `${hostname()}-${process.pid}`
  if (!/^[\w.-]{1,64}$/.test(instanceId)) {
    throw new UsageError(`--instance-id may hold 1 to 64 letters, digits, "_", "." and "-"; got "${instanceId}"`)
  }
  return {
    host,
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
    auth: readAuthChoice(read, host),
    allowedOrigins: readAllowedOrigins(read('allowed-origins')),
    tls: readTls(read('tls-cert'), read('tls-key')),
    limits: {
      maxConnections: integer('max-connections', 1, 1_000_000),
      maxConnectionsPerAddress: integer('max-connections-per-address', 1, 1_000_000),
      messagesPerSecond: integer('max-messages-per-second', 1, 1_000_000),
      messageBurst: integer('message-burst', 1, 1_000_000),
      maxRooms: integer('max-rooms', 1, 10_000_000),
      maxBufferedBytes: integer('max-buffered-bytes', 64 * 1024, 1024 * 1024 * 1024)
    },
    help: values.help === true
  }
}

/**
 * Reads one secret source from flags or environment. It may be passed with the flags (and variables)
 * `auth-secret` or `auth-secret-file`, never both. Shared with the `token` subcommand.
 */
export const readSecretSource = (read: (name: 'auth-secret' | 'auth-secret-file') => string): SecretSource | null => {
  const value = read('auth-secret')
  const file = read('auth-secret-file')
  if (value !== '' && file !== '') {
    throw new UsageError('give the auth secret once: --auth-secret (ENSEMBLE_AUTH_SECRET) or --auth-secret-file (ENSEMBLE_AUTH_SECRET_FILE), not both')
  }
  if (value !== '') return { value }
  if (file !== '') return { file }
  return null
}

const readAuthChoice = (read: (name: FlagName) => string, host: string): AuthChoice => {
  const mode = read('auth')
  const secret = readSecretSource(read)
  if (mode === 'token' || (mode === '' && secret !== null)) {
    if (secret === null) {
      throw new UsageError(
        '--auth token needs a secret to check tokens with: --auth-secret-file PATH (or ENSEMBLE_AUTH_SECRET_FILE, ' +
          'or ENSEMBLE_AUTH_SECRET). Generate one with `openssl rand -base64 32 > relay-secret`.'
      )
    }
    return { mode: 'token', secret }
  }
  if (mode === 'open') {
    if (secret !== null) {
      throw new UsageError('an auth secret was given but --auth is "open", which ignores it; use --auth token, or drop the secret')
    }
    return { mode: 'open' }
  }
  if (mode !== '') throw new UsageError(`--auth (or ENSEMBLE_AUTH) must be "open" or "token"; got "${mode}"`)
  if (!isLoopbackHost(host)) {
    throw new UsageError(
      `--host ${host} lets other machines reach the relay; say who may connect: --auth token with --auth-secret-file PATH ` +
        '(recommended), or --auth open to let anyone who can reach the port read and edit every document'
    )
  }
  return { mode: 'open' }
}

const readAllowedOrigins = (text: string): string[] | null => {
  if (text.trim() === '') return null
  try {
    return text.split(',').filter((entry) => entry.trim() !== '').map(normalizeOrigin)
  } catch (error) {
    throw new UsageError(`--allowed-origins (or ENSEMBLE_ALLOWED_ORIGINS): ${error instanceof Error ? error.message : String(error)}`)
  }
}

const readTls = (certFile: string, keyFile: string): RelayCommandLine['tls'] => {
  if (certFile === '' && keyFile === '') return null
  if (certFile === '' || keyFile === '') {
    throw new UsageError('TLS needs both --tls-cert (ENSEMBLE_TLS_CERT) and --tls-key (ENSEMBLE_TLS_KEY)')
  }
  return { certFile, keyFile }
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
    '       npm run relay -- token --doc NAME --role edit|suggest|view --ttl 1h [--name NAME] [secret flags]',
    '       npm run relay -- repair --data PATH',
    '',
    'Runs the Ensemble relay in the foreground: a y-websocket server with storage, /healthz, /metrics',
    'and the web client. Every flag can also be set by the environment variable shown.',
    'The token subcommand prints an access token for --auth token (run it with --help for details).',
    'The repair subcommand recovers a damaged LevelDB store, keeping a copy of it as it was first.',
    '',
    ...Object.entries(relayFlags).map(
      ([name, flag]) =>
        `  --${name.padEnd(28)} ${flag.env}\n      ${flag.help}${flag.default === '' ? '' : ` (default ${flag.default})`}`
    )
  ].join('\n')
