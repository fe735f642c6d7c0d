/**
 * Entry of the relay process. In the desktop app it runs in an Electron `utilityProcess` and
 * talks over the `MessagePortMain` that the main process sends first; under Node (tests, or a
 * headless host) it runs in a `child_process.fork` and talks over Node's IPC channel. Both carry
 * the messages of `protocol.ts` to the same `serveRelayProcess`.
 */
import pino from 'pino'
import type { RelayProcessChannel, RelayProcessMessage } from './protocol'
import { serveRelayProcess } from './serve'

const logger = pino({ base: { service: 'ensemble-relay' } })

/** Electron: the first message on `process.parentPort` carries the port for everything else. */
const electronChannel = (parentPort: Electron.ParentPort): Promise<{ channel: RelayProcessChannel; exit: (code: number) => void }> =>
  new Promise((resolve) => {
    parentPort.once('message', (event) => {
      const port = event.ports[0]
      if (port === undefined) {
        logger.fatal('the first message from the main process carried no MessagePort')
        process.exit(2)
      }
      port.start()
      resolve({
        channel: {
          postMessage: (message: RelayProcessMessage) => port.postMessage(message),
          onMessage: (listener) => port.on('message', (messageEvent) => listener(messageEvent.data))
        },
        exit: (code) => {
          port.close()
          setImmediate(() => process.exit(code))
        }
      })
    })
  })

/** Node: `child_process.fork`'s IPC channel; exit waits until every message has been handed over. */
const nodeChannel = (): { channel: RelayProcessChannel; exit: (code: number) => void } => {
  let pendingSends = 0
  let exitCode: number | null = null
  const exitWhenFlushed = (): void => {
    if (exitCode !== null && pendingSends === 0) process.exit(exitCode)
  }
  return {
    channel: {
      postMessage: (message) => {
        if (process.connected !== true) return
        pendingSends++
        process.send?.(message, undefined, undefined, () => {
          pendingSends--
          exitWhenFlushed()
        })
      },
      onMessage: (listener) => process.on('message', listener)
    },
    exit: (code) => {
      exitCode = code
      exitWhenFlushed()
    }
  }
}

const main = async (): Promise<void> => {
  const parentPort = (process as { parentPort?: Electron.ParentPort }).parentPort
  if (parentPort === undefined && process.send === undefined) {
    throw new Error('the relay process must be started by the desktop app (utilityProcess) or with child_process.fork')
  }
  const { channel, exit } = parentPort === undefined ? nodeChannel() : await electronChannel(parentPort)
  const served = serveRelayProcess(channel, { logger, exit })
  // A parent that goes away (Node) or a polite kill leaves nobody to say `stop`: stop anyway, so
  // that storage is flushed. (Electron ends a utility process together with its app.)
  process.once('disconnect', () => served.stop())
  process.once('SIGTERM', () => served.stop())
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'relay process failed')
  process.exit(1)
})
