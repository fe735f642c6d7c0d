import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { parseRelayCommandLine, relayHelpText, UsageError } from './cli-options'
import { createRelay } from './relay'

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
  const logger = pino({ level: options.logLevel, base: { service: 'ensemble-relay' } })
  const relay = await createRelay({
    host: options.host,
    port: options.port,
    ...(options.dataDir === null ? {} : { dataDir: options.dataDir }),
    lingerMs: options.lingerMs,
    maxFrameBytes: options.maxFrameBytes,
    webRoot: options.webRoot,
    logger
  })
  logger.info(
    { url: relay.url, web: relay.url.replace(/^ws/, 'http'), data: options.dataDir ?? 'memory' },
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

main().catch((error: unknown) => {
  process.stderr.write(`ensemble relay: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
