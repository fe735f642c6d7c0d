import { describe, expect, it } from 'vitest'
import { parseRelayCommandLine, relayHelpText, UsageError } from './cli-options'

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
      help: false
    })
  })

  it('reads environment variables, and flags win over them', () => {
    const env = { ENSEMBLE_PORT: '5000', ENSEMBLE_HOST: '0.0.0.0', ENSEMBLE_DATA: ':memory:' }
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
    [['stray'], /positional argument.*--help/]
  ])('refuses %j with a message that says what to change', (argv, message) => {
    expect(() => parseRelayCommandLine(argv, {}, null)).toThrow(UsageError)
    expect(() => parseRelayCommandLine(argv, {}, null)).toThrow(message)
  })

  it('lists every flag with its environment variable in the help text', () => {
    const help = relayHelpText()
    for (const flag of ['--host', '--port', '--data', '--linger-ms', '--max-frame-bytes', '--log-level', '--web-root']) {
      expect(help).toContain(flag)
    }
    expect(help).toContain('ENSEMBLE_PORT')
  })
})
