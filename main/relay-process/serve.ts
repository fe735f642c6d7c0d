import type { Logger } from 'pino'
import { createRelay, type Relay, type RelayOptions } from '../../server/relay'
import { LanAccessExtension } from './lan-access'
import { LanListener } from './lan-listener'
import { UpstreamSync } from '../../server/upstream/upstream-sync'
import {
  exitCodeStartFailed,
  RelayCommandSchema,
  type RelayProcessChannel,
  type RelayProcessMessage
} from './protocol'

export interface RelayProcessHost {
  readonly logger: Logger
  /** Ends the process (after `stop`, or when the relay cannot start). */
  exit(code: number): void
}

/**
 * The relay process: runs one relay of `server/` on 127.0.0.1 and, while hosting, a LAN listener in
 * front of it, driven by commands over `channel` (see `protocol.ts`). Commands run one at a time,
 * in order, so that a `host` right after `start` sees the relay.
 */
export const serveRelayProcess = (channel: RelayProcessChannel, host: RelayProcessHost): { stop(): void } => {
  const access = new LanAccessExtension()
  // Local documents also kept on hosted relays; the main process sends the links (`upstream`).
  const upstream = new UpstreamSync()
  let upstreamLinks = new Map<string, { document: string; relayUrl: string; remoteDocument: string; token?: string | undefined }>()
  let relay: Relay | null = null
  let lan: LanListener | null = null
  let queue = Promise.resolve()
  const post = (message: RelayProcessMessage): void => channel.postMessage(message)

  const reportDocuments = (): void => {
    if (relay !== null) post({ type: 'documents', count: relay.roomNames().length })
  }

  const start = async (options: RelayOptions): Promise<Relay> => {
    try {
      return await createRelay(options)
    } catch (error) {
      // A restart asks for its previous port so that windows reconnect to the same URL; if another
      // program took it meanwhile, any port will do (the windows learn the new URL from the status).
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) throw error
      host.logger.warn(`port ${options.port} is taken; the relay listens on another one`)
      return createRelay({ ...options, port: 0 })
    }
  }

  const stopLan = async (): Promise<void> => {
    access.setPolicy(null)
    const listener = lan
    lan = null
    await listener?.close()
  }

  const handle = async (raw: unknown): Promise<void> => {
    const parsed = RelayCommandSchema.safeParse(raw)
    if (!parsed.success) {
      post({ type: 'error', during: 'command', message: `unknown command ${JSON.stringify(raw)}: ${parsed.error.message}` })
      return
    }
    const command = parsed.data
    switch (command.type) {
      case 'start': {
        if (relay !== null) {
          post({ type: 'error', during: 'start', message: 'the relay is already running' })
          return
        }
        const { config } = command
        try {
          host.logger.level = config.logLevel
          relay = await start({
            host: '127.0.0.1',
            port: config.port,
            ...(config.dataDir === null ? {} : { dataDir: config.dataDir }),
            ...(config.lingerMs === undefined ? {} : { lingerMs: config.lingerMs }),
            webRoot: config.webRoot,
            extensions: [access, upstream],
            logger: host.logger
          })
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          host.logger.error({ err: error }, `the relay could not start: ${message}`)
          post({ type: 'error', during: 'start', message })
          host.exit(exitCodeStartFailed)
          return
        }
        relay.on('room-loaded', reportDocuments)
        relay.on('room-unloaded', reportDocuments)
        host.logger.info({ url: relay.url, data: config.dataDir ?? 'memory' }, `relay listening on ${relay.url}`)
        post({ type: 'listening', url: relay.url, port: relay.port })
        return
      }
      case 'host': {
        if (relay === null) {
          post({ type: 'error', during: 'host', message: 'the relay is not running; start it before hosting' })
          return
        }
        await stopLan()
        access.setPolicy(command.policy)
        try {
          lan = await LanListener.open(relay, command.host, command.port, command.tls)
        } catch (error) {
          access.setPolicy(null)
          post({ type: 'error', during: 'host', message: error instanceof Error ? error.message : String(error) })
          return
        }
        host.logger.info({ host: command.host, port: lan.port, access: command.policy.access }, 'hosting on the LAN')
        post({ type: 'hosting', port: lan.port })
        return
      }
      case 'upstream': {
        const wanted = new Map(command.links.map((link) => [link.document, link]))
        for (const name of upstreamLinks.keys()) if (!wanted.has(name)) upstream.unlink(name)
        const applied = new Map<string, (typeof command.links)[number]>()
        for (const [name, link] of wanted) {
          const known = upstreamLinks.get(name)
          if (known === undefined || JSON.stringify(known) !== JSON.stringify(link)) {
            try {
              upstream.link(name, { relayUrl: link.relayUrl, document: link.remoteDocument, ...(link.token === undefined ? {} : { token: link.token }) })
            } catch (error) {
              post({ type: 'error', during: 'command', message: `cannot keep "${name}" on ${link.relayUrl}: ${error instanceof Error ? error.message : String(error)}` })
              continue
            }
          }
          applied.set(name, link)
        }
        upstreamLinks = applied
        return
      }
      case 'unhost':
        await stopLan()
        host.logger.info('no longer hosting on the LAN')
        post({ type: 'unhosted' })
        return
      case 'stop':
        try {
          await stopLan()
          await relay?.close()
        } catch (error) {
          host.logger.error({ err: error }, 'the relay did not stop cleanly')
          post({ type: 'error', during: 'stop', message: error instanceof Error ? error.message : String(error) })
          host.exit(1)
          return
        }
        relay = null
        host.logger.info('relay stopped; storage flushed')
        post({ type: 'stopped' })
        host.exit(0)
        return
      default: {
        const unknown: never = command
        throw new Error(`unhandled command ${JSON.stringify(unknown)}`)
      }
    }
  }

  const enqueue = (raw: unknown): void => {
    queue = queue.then(() =>
      handle(raw).catch((error: unknown) => {
        host.logger.error({ err: error }, 'relay process command failed')
        post({ type: 'error', during: 'command', message: error instanceof Error ? error.message : String(error) })
      })
    )
  }
  channel.onMessage(enqueue)
  return { stop: () => enqueue({ type: 'stop' }) }
}
