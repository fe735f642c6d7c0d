/**
 * Run by `bonjour-backend.test.ts` inside a private network namespace (nothing leaves it): one
 * DiscoveryService advertises through real bonjour-service multicast, another browses, and each
 * observation is printed as a JSON line. Every wait is bounded; the script exits by itself.
 */
import pino from 'pino'
import type { DiscoveredSession } from '../../../app/ipc'
import { nextEvent } from '../../common/event'
import { BonjourBackend } from '../bonjour-backend'
import { DiscoveryService } from '../discovery-service'

const logger = pino({ level: 'silent' })
const report = (step: string, sessions: readonly DiscoveredSession[]): void => {
  process.stdout.write(JSON.stringify({ step, sessions }) + '\n')
}
const within = <T>(promise: Promise<T>, step: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`timed out: ${step}`)), 8000).unref())])

const main = async (): Promise<void> => {
  const host = new DiscoveryService(new BonjourBackend(logger), logger)
  const guest = new DiscoveryService(new BonjourBackend(logger), logger)
  const found = nextEvent(guest.onDidChangeSessions, (sessions) => sessions.length === 1)
  guest.startBrowsing()
  host.advertise({ sessionName: 'Design review', hostName: 'ana-laptop', documentCount: 1, port: 4455 })
  report('found', await within(found, 'the advertised session to be found'))

  const updated = nextEvent(guest.onDidChangeSessions, (sessions) => sessions[0]?.documentCount === 5)
  host.updateDocumentCount(5)
  report('updated', await within(updated, 'the new document count'))

  const gone = nextEvent(guest.onDidChangeSessions, (sessions) => sessions.length === 0)
  await host.withdraw()
  report('withdrawn', await within(gone, 'the withdrawn session to disappear'))
  host.dispose()
  guest.dispose()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
)
