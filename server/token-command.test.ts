import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { UsageError } from './cli-options'
import { parseTokenCommandLine, runTokenCommand } from './token-command'

const secret = 's'.repeat(32)

describe('token subcommand', () => {
  it('signs the requested claims with the secret from a flag or the environment', async () => {
    const command = parseTokenCommandLine(['--doc', 'team/*', '--role', 'view', '--ttl', '2h', '--name', 'Ada'], {
      ENSEMBLE_AUTH_SECRET: secret
    })
    expect(command).toEqual({ secret: { value: secret }, doc: 'team/*', role: 'view', lifetimeMs: 7_200_000, name: 'Ada' })
    const before = Math.floor(Date.now() / 1000)
    const claims = decodeJwt(await runTokenCommand(command!))
    expect(claims).toMatchObject({ doc: 'team/*', role: 'view', name: 'Ada' })
    expect(claims.exp! - claims.iat!).toBe(7200)
    expect(claims.iat).toBeGreaterThanOrEqual(before)
  })

  it('answers --help with null, for the caller to print the help', () => {
    expect(parseTokenCommandLine(['--help'], {})).toBeNull()
  })

  it.each([
    [['--role', 'edit'], /token needs --doc, --ttl/],
    [['--doc', '../x', '--role', 'edit', '--ttl', '1h'], /--doc: .*".." segment/],
    [['--doc', 'a', '--role', 'owner', '--ttl', '1h'], /--role must be edit, suggest or view; got "owner"/],
    [['--doc', 'a', '--role', 'edit', '--ttl', 'forever'], /--ttl must be .* like 90s, 15m, 1h or 30d; got "forever"/],
    [['--doc', 'a', '--role', 'edit', '--ttl', '1h'], /token needs the relay's secret/],
    [['--doc', 'a', '--role', 'edit', '--ttl', '1h', '--bogus'], /Unknown option '--bogus'/]
  ])('refuses %j with a message that says what to change', (argv, message) => {
    expect(() => parseTokenCommandLine(argv, {})).toThrow(UsageError)
    expect(() => parseTokenCommandLine(argv, {})).toThrow(message)
  })
})
