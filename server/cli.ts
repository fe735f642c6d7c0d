import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { AuthSecretError, readAuthSecret } from './access/auth-secret'
import { isLoopbackHost } from './access/loopback'
import { originAllowList } from './access/origin-allow-list'
import { parseRelayCommandLine, relayHelpText, UsageError, type RelayCommandLine } from './cli-options'
import type { RelayExtension } from './extension'
import { createRelay, type RelayOptions } from './relay'
import { StorageError } from './storage/document-storage'

/** Time allowed for a graceful stop before the process gives up and exits with an error. */
const shutdownDeadlineMs = 4500

/** Exits with status 2 and the message when the command line (or what it points to) cannot be used. */
const exitWithUsageError = (error: unknown): never => {
  if (!(error instanceof UsageError || error instanceof AuthSecretError || error instanceof RangeError)) throw error
  process.stderr.write(`ensemble relay: ${error.message}\n`)
  process.exit(2)
}

// What only some relays use (tokens, PostgreSQL, Redis, the subcommands) is imported when it is
// used, so that a relay without it does not carry its libraries in memory.

/** `npm run relay -- token …`: prints an access token. */
const printToken = async (argv: string[]): Promise<void> => {
  const { parseTokenCommandLine, runTokenCommand, tokenHelpText } = await import('./token-command')
  try {
    const command = parseTokenCommandLine(argv, process.env)
    process.stdout.write((command === null ? tokenHelpText() : await runTokenCommand(command)) + '\n')
  } catch (error) {
    exitWithUsageError(error)
  }
}

/** `npm run relay -- repair …`: recovers a damaged LevelDB store; exits 1 with the reason when it cannot. */
const repairStore = async (argv: string[]): Promise<void> => {
  const { parseRepairCommandLine, repairHelpText, runRepairCommand } = await import('./repair-command')
  let directory: string | null
  try {
    directory = parseRepairCommandLine(argv, process.env)
  } catch (error) {
    return exitWithUsageError(error)
  }
  if (directory === null) {
    process.stdout.write(repairHelpText() + '\n')
    return
  }
  try {
    process.stdout.write((await runRepairCommand(directory)) + '\n')
  } catch (error) {
    if (!(error instanceof StorageError)) throw error
    process.stderr.write(`ensemble relay: ${error.message}\n`)
    process.exit(1)
  }
}

/**
 * The built web client: `dist/web` of this checkout, seen from `server/cli.ts` (run from source) or
 * from `dist/relay/cli.mjs` (the bundle `npm run relay` runs).
 */
const defaultWebRoot = (): string => {
  const fromBundle = fileURLToPath(new URL('../web', import.meta.url))
  const fromSource = fileURLToPath(new URL('../dist/web', import.meta.url))
  return existsSync(join(fromBundle, 'index.html')) ? fromBundle : fromSource
}

/** Access control and TLS as the command line chose them; reads the secret and certificate files. */
const securityOptions = async (
  options: RelayCommandLine
): Promise<{ extensions: RelayExtension[]; tls?: RelayOptions['tls'] }> => {
  const extensions: RelayExtension[] = []
  if (options.allowedOrigins !== null) extensions.push(originAllowList(options.allowedOrigins))
  if (options.auth.mode === 'token') {
    const { tokenAuthentication } = await import('./access/token-authentication')
    extensions.push(tokenAuthentication(await readAuthSecret(options.auth.secret)))
  }
  if (options.tls === null) return { extensions }
  const read = async (file: string, flag: string): Promise<Buffer> => {
    try {
      return await readFile(file)
    } catch (error) {
      throw new UsageError(`${flag} ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return {
    extensions,
    tls: { cert: await read(options.tls.certFile, '--tls-cert'), key: await read(options.tls.keyFile, '--tls-key') }
  }
}

const main = async (): Promise<void> => {
  const argv = process.argv.slice(2)
  if (argv[0] === 'token') return printToken(argv.slice(1))
  if (argv[0] === 'repair') return repairStore(argv.slice(1))
  let options: RelayCommandLine
  let security: Awaited<ReturnType<typeof securityOptions>>
  try {
    options = parseRelayCommandLine(argv, process.env, defaultWebRoot())
    if (options.help) {
      process.stdout.write(relayHelpText() + '\n')
      return
    }
    security = await securityOptions(options)
  } catch (error) {
    return exitWithUsageError(error)
  }
  const logger = pino({ level: options.logLevel, base: { service: 'ensemble-relay', instance: options.instanceId } })
  const extensions: RelayExtension[] = []
  let redis = 'none'
  if (options.redisUrl !== null) {
    const { describeRedis, RedisFanout } = await import('./cluster/redis-fanout')
    extensions.push(new RedisFanout({ url: options.redisUrl, instanceId: options.instanceId }))
    redis = describeRedis(options.redisUrl)
  }
  const storage = await storageOptions(options, logger)
  const relay = await createRelay({
    host: options.host,
    port: options.port,
    ...storage.options,
    lingerMs: options.lingerMs,
    maxFrameBytes: options.maxFrameBytes,
    webRoot: options.webRoot,
    limits: options.limits,
    tls: security.tls,
    extensions: [...security.extensions, ...extensions],
    logger
  })
  relay.metrics.includeProcessMetrics()
  logger.info(
    {
      url: relay.url,
      web: relay.url.replace(/^ws/, 'http'),
      data: storage.description,
      redis,
      auth: options.auth.mode,
      allowedOrigins: options.allowedOrigins ?? 'any',
      limits: relay.limits
    },
    `relay listening on ${relay.url}`
  )
  if (options.auth.mode === 'open' && !isLoopbackHost(options.host)) {
    logger.warn(`--auth open on ${options.host}: anyone who can reach this port can read and edit every document`)
  }

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`second ${signal}: exiting without waiting for storage`)
      process.exit(1)
    }
    stopping = true
    logger.info(`${signal}: closing connections and flushing storage`)
    const deadline = setTimeout(() => {
      logger.error(`storage did not flush within ${shutdownDeadlineMs} ms; exiting anyway`)
      process.exit(1)
    }, shutdownDeadlineMs)
    relay.close().then(
      () => {
        clearTimeout(deadline)
        logger.info('relay stopped')
        logger.flush()
        process.exit(0)
      },
      (error: unknown) => {
        logger.error({ err: error }, 'relay failed to stop cleanly')
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/**
 * Where documents go: PostgreSQL (opened and migrated here, so a bad URL fails before listening),
 * LevelDB, or memory; and how the log names it.
 */
const storageOptions = async (
  options: RelayCommandLine,
  logger: pino.Logger
): Promise<{ options: Pick<RelayOptions, 'storage' | 'dataDir'>; description: string }> => {
  if (options.storage === 'postgres') {
    const { describeDatabase, PostgresStorage } = await import('./storage/postgres-storage')
    return {
      options: { storage: await PostgresStorage.open(options.postgresUrl!, { logger }) },
      description: `postgres ${describeDatabase(options.postgresUrl!)}`
    }
  }
  return options.dataDir === null ? { options: {}, description: 'memory' } : { options: { dataDir: options.dataDir }, description: options.dataDir }
}

main().catch((error: unknown) => {
  process.stderr.write(`ensemble relay: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
