import { parseArgs } from 'node:util'
import { accessRoles, documentGrantProblem, parseDuration, type AccessRole } from '../app/access-token'
import { readAuthSecret, type SecretSource } from './access/auth-secret'
import { signAccessToken } from './access/access-token'
import { readSecretSource, relayFlags, UsageError } from './cli-options'

/** What `npm run relay -- token …` was asked to sign. */
export interface TokenCommandLine {
  readonly secret: SecretSource
  readonly doc: string
  readonly role: AccessRole
  readonly lifetimeMs: number
  readonly name?: string
}

export const tokenHelpText = (): string =>
  [
    'Usage: npm run relay -- token --doc NAME --role edit|suggest|view --ttl 1h [--name NAME]',
    '                             [--auth-secret SECRET | --auth-secret-file PATH]',
    '',
    'Prints an access token for a relay started with --auth token and the same secret. Clients pass',
    'it as the token query parameter: ws://HOST:PORT/NAME?token=TOKEN.',
    '',
    '  --doc NAME      the document, or a prefix ending in * (team/* grants every document under team/)',
    '  --role ROLE     edit (read and write), suggest (write suggestions only) or view (read only)',
    '  --ttl TIME      how long the token is valid: 90s, 15m, 1h, 30d',
    '  --name NAME     display name of the holder, shown to other editors (optional)',
    `  --auth-secret SECRET      or ${relayFlags['auth-secret'].env}`,
    `  --auth-secret-file PATH   or ${relayFlags['auth-secret-file'].env}`
  ].join('\n')

/** Reads the `token` subcommand's flags (everything after `token`); `null` means --help was asked for. */
export const parseTokenCommandLine = (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>
): TokenCommandLine | null => {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        doc: { type: 'string' },
        role: { type: 'string' },
        ttl: { type: 'string' },
        name: { type: 'string' },
        'auth-secret': { type: 'string' },
        'auth-secret-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. Run token --help to see the flags.`)
  }
  if (values.help === true) return null
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined)
  const missing = ['doc', 'role', 'ttl'].filter((name) => text(name) === undefined)
  if (missing.length > 0) {
    throw new UsageError(`token needs ${missing.map((name) => `--${name}`).join(', ')}; e.g. token --doc notes --role edit --ttl 1h`)
  }
  const doc = text('doc')!
  const grantProblem = documentGrantProblem(doc)
  if (grantProblem !== null) throw new UsageError(`--doc: ${grantProblem}`)
  const role = text('role')!
  if (!accessRoles.includes(role as AccessRole)) throw new UsageError(`--role must be edit, suggest or view; got "${role}"`)
  const lifetimeMs = parseDuration(text('ttl')!)
  if (lifetimeMs === null) {
    throw new UsageError(`--ttl must be a whole number with a unit, like 90s, 15m, 1h or 30d; got "${text('ttl')!}"`)
  }
  const secret = readSecretSource(
    (name) => text(name) ?? env[relayFlags[name].env] ?? ''
  )
  if (secret === null) {
    throw new UsageError(
      'token needs the relay\'s secret: --auth-secret-file PATH or --auth-secret SECRET ' +
        `(or ${relayFlags['auth-secret-file'].env} / ${relayFlags['auth-secret'].env})`
    )
  }
  const name = text('name')
  return { secret, doc, role: role as AccessRole, lifetimeMs, ...(name === undefined ? {} : { name }) }
}

/** Signs the token the command line asks for. */
export const runTokenCommand = async (command: TokenCommandLine): Promise<string> =>
  signAccessToken(await readAuthSecret(command.secret), command)
