import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { parseRelayCommandLine, relayHelpText, UsageError, type RelayCommandLine } from './cli-options'
import { describeRedis, RedisFanout } from './cluster/redis-fanout'
import type { RelayExtension } from './extension'
import { createRelay, type RelayOptions } from './relay'
import { describeDatabase, PostgresStorage } from './storage/postgres-storage'

/** Time allowed for a graceful stop before the process gives up and exits with an error. */
const shutdownDeadlineMs = 4500

const main = async (): Promise<void> => {
  let options
  try {
    options = parseRelayCommandLine(process.argv.slice(2), process.env, fileURLToPath(new URL('../dist/web', import.meta.url)))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`ensemble relay: ${error.message}\n`)
    process.exit(2)
  }
  if (options.help) {
    process.stdout.write(relayHelpText() + '\n')
    return
  }
  const logger = pino({ level: options.logLevel, base: { service: 'ensemble-relay', instance: options.instanceId } })
  const extensions: RelayExtension[] = []
  if (options.redisUrl !== null) extensions.push(new RedisFanout({ url: options.redisUrl, instanceId: options.instanceId }))
  const relay = await createRelay({
    host: options.host,
    port: options.port,
    ...(await storageOptions(options, logger)),
    lingerMs: options.lingerMs,
    maxFrameBytes: options.maxFrameBytes,
    webRoot: options.webRoot,
    extensions,
    logger
  })
  logger.info(
    {
      url: relay.url,
      web: relay.url.replace(/^ws/, 'http'),
      data: options.postgresUrl !== null ? `postgres ${describeDatabase(options.postgresUrl)}` : (options.dataDir ?? 'memory'),
      redis: options.redisUrl === null ? 'none' : describeRedis(options.redisUrl)
    },
    `relay listening on ${relay.url}`
  )

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

/** Where documents go: PostgreSQL (opened and migrated here, so a bad URL fails before listening), LevelDB, or memory. */
const storageOptions = async (options: RelayCommandLine, logger: pino.Logger): Promise<Pick<RelayOptions, 'storage' | 'dataDir'>> => {
  if (options.storage === 'postgres') return { storage: await PostgresStorage.open(options.postgresUrl!, { logger }) }
  return options.dataDir === null ? {} : { dataDir: options.dataDir }
}

main().catch((error: unknown) => {
  process.stderr.write(`ensemble relay: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
