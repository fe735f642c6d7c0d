import { describe, expect, it } from 'vitest'
import { parseRelayCommandLine, relayHelpText, UsageError } from './cli-options'
import { defaultRelayLimits } from './limits/relay-limits'

describe('relay command line', () => {
  it('uses the documented defaults', () => {
    expect(parseRelayCommandLine([], {}, '/srv/web')).toEqual({
      host: '127.0.0.1',
      port: 4455,
      dataDir: './ensemble-data',
      lingerMs: 30_000,
      maxFrameBytes: 16 * 1024 * 1024,
      logLevel: 'info',
      webRoot: '/srv/web',
      auth: { mode: 'open' },
      allowedOrigins: null,
      tls: null,
      limits: defaultRelayLimits,
      storage: 'leveldb',
      postgresUrl: null,
      redisUrl: null,
      instanceId: expect.stringMatching(/^.+-\d+$/),
      help: false
    })
  })

  it('reads the scale-out settings and insists that a cluster shares PostgreSQL storage', () => {
    const env = { ENSEMBLE_POSTGRES_URL: 'postgres://ensemble@db/ensemble', ENSEMBLE_INSTANCE_ID: 'relay-2' }
    expect(
      parseRelayCommandLine(['--storage', 'postgres', '--redis-url', 'redis://cache:6379'], env, null)
    ).toMatchObject({ storage: 'postgres', postgresUrl: 'postgres://ensemble@db/ensemble', redisUrl: 'redis://cache:6379', instanceId: 'relay-2' })
  })

  it('reads environment variables, and flags win over them', () => {
    const env = { ENSEMBLE_PORT: '5000', ENSEMBLE_HOST: '0.0.0.0', ENSEMBLE_DATA: ':memory:', ENSEMBLE_AUTH: 'open' }
    const fromEnv = parseRelayCommandLine([], env, null)
    expect(fromEnv).toMatchObject({ port: 5000, host: '0.0.0.0', dataDir: null })
    expect(parseRelayCommandLine(['--port', '6000', '--data', '/tmp/d'], env, null)).toMatchObject({
      port: 6000,
      host: '0.0.0.0',
      dataDir: '/tmp/d'
    })
  })

  it.each([
    [['--port', 'eighty'], /--port \(or ENSEMBLE_PORT\) must be a whole number from 0 to 65535; got "eighty"/],
    [['--port', '70000'], /got "70000"/],
    [['--log-level', 'loud'], /--log-level must be one of/],
    [['--colour', 'red'], /Unknown option '--colour'.*--help/],
    [['stray'], /positional argument.*--help/],
    [['--host', '0.0.0.0'], /--host 0.0.0.0 lets other machines reach the relay; say who may connect: --auth token/],
    [['--auth', 'token'], /--auth token needs a secret.*--auth-secret-file PATH/],
    [['--auth', 'ldap'], /--auth \(or ENSEMBLE_AUTH\) must be "open" or "token"; got "ldap"/],
    [['--auth', 'open', '--auth-secret', 'x'.repeat(32)], /--auth is "open", which ignores it/],
    [['--auth-secret', 'x'.repeat(32), '--auth-secret-file', '/s'], /give the auth secret once/],
    [['--allowed-origins', 'https://a.example,a.example'], /--allowed-origins.*"a.example" is not an origin/],
    [['--tls-cert', 'cert.pem'], /TLS needs both --tls-cert .* and --tls-key/],
    [['--max-connections', '0'], /--max-connections \(or ENSEMBLE_MAX_CONNECTIONS\) must be a whole number from 1/],
    [['--max-buffered-bytes', '1000'], /--max-buffered-bytes .* from 65536 .*got "1000"/],
    [['--storage', 'mysql'], /--storage \(or ENSEMBLE_STORAGE\) must be leveldb or postgres; got "mysql"/],
    [['--storage', 'postgres'], /--storage postgres needs --postgres-url/],
    [['--postgres-url', 'postgres://db/x'], /add --storage postgres/],
    [['--storage', 'postgres', '--postgres-url', 'db:5432'], /must start with postgres:\/\//],
    [['--redis-url', 'redis://cache'], /--redis-url joins instances that must share their documents; add --storage postgres/],
    [['--storage', 'postgres', '--postgres-url', 'postgres://db/x', '--redis-url', 'cache:6379'], /must start with redis:\/\//],
    [['--instance-id', 'a b'], /--instance-id may hold .*; got "a b"/]
  ])('refuses %j with a message that says what to change', (argv, message) => {
    expect(() => parseRelayCommandLine(argv, {}, null)).toThrow(UsageError)
    expect(() => parseRelayCommandLine(argv, {}, null)).toThrow(message)
  })

  it('reads access control, TLS and limits from flags and environment variables', () => {
    const env = {
      ENSEMBLE_AUTH_SECRET_FILE: '/etc/ensemble/secret',
      ENSEMBLE_ALLOWED_ORIGINS: 'https://docs.example.com/, http://localhost:5173',
      ENSEMBLE_TLS_CERT: 'cert.pem',
      ENSEMBLE_TLS_KEY: 'key.pem',
      ENSEMBLE_MAX_ROOMS: '50'
    }
    expect(parseRelayCommandLine(['--host', '0.0.0.0', '--max-messages-per-second', '20', '--message-burst', '40'], env, null)).toMatchObject({
      auth: { mode: 'token', secret: { file: '/etc/ensemble/secret' } },
      allowedOrigins: ['https://docs.example.com', 'http://localhost:5173'],
      tls: { certFile: 'cert.pem', keyFile: 'key.pem' },
      limits: { ...defaultRelayLimits, maxRooms: 50, messagesPerSecond: 20, messageBurst: 40 }
    })
    expect(parseRelayCommandLine(['--auth', 'token', '--auth-secret', 's'.repeat(32)], {}, null).auth).toEqual({
      mode: 'token',
      secret: { value: 's'.repeat(32) }
    })
    expect(parseRelayCommandLine(['--host', '0.0.0.0', '--auth', 'open'], {}, null).auth).toEqual({ mode: 'open' })
    expect(parseRelayCommandLine(['--host', '127.0.0.2'], {}, null).auth).toEqual({ mode: 'open' })
  })

  it('lists every flag with its environment variable in the help text', () => {
    const help = relayHelpText()
    for (const flag of ['--host', '--port', '--data', '--linger-ms', '--max-frame-bytes', '--log-level', '--web-root', '--storage', '--postgres-url', '--redis-url', '--instance-id']) {
      expect(help).toContain(flag)
    }
    for (const flag of ['--auth', '--auth-secret-file', '--allowed-origins', '--tls-key', '--max-connections-per-address', '--max-buffered-bytes']) {
      expect(help).toContain(flag)
    }
    expect(help).toContain('ENSEMBLE_PORT')
    expect(help).toContain('ENSEMBLE_MAX_MESSAGES_PER_SECOND')
  })
})
