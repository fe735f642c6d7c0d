import { Bonjour, type Service } from 'bonjour-service'
import type { Logger } from 'pino'
import type { MdnsBackend, MdnsService } from './mdns'

/** `MdnsBackend` on `bonjour-service` (multicast DNS on the machine's interfaces). */
export class BonjourBackend implements MdnsBackend {
  private readonly bonjour: Bonjour

  constructor(private readonly logger: Logger) {
    this.bonjour = new Bonjour({}, (error: unknown) => this.logger.warn({ err: error }, 'mDNS error'))
  }

  publish(service: { name: string; type: string; port: number; txt: Record<string, string> }) {
    const start = (txt: Record<string, string>, probe: boolean): Service => {
      const published = this.bonjour.publish({ name: service.name, type: service.type, port: service.port, txt, probe })
      published.on('error', (error: unknown) => this.logger.warn({ err: error, name: service.name }, 'mDNS advertisement failed'))
      return published
    }
    const stop = (published: Service): Promise<void> => new Promise((resolve) => published.stop(() => resolve()))
    let current = start(service.txt, true)
    // bonjour-service 1.x cannot change a published TXT record: withdraw it and announce it anew.
    // Without probing first (RFC 6762 §8.4 asks only for a new announcement when a record changes):
    // a probe could hear our own goodbye come back and take it for another host holding the name,
    // and bonjour-service then gives the name up silently.
    let updates = Promise.resolve()
    return {
      updateTxt: (txt: Record<string, string>) => {
        updates = updates.then(async () => {
          await stop(current)
          current = start(txt, false)
        })
      },
      stop: async () => {
        await updates
        await stop(current)
      }
    }
  }

  browse(type: string, handlers: { up(service: MdnsService): void; down(service: MdnsService): void }) {
    const browser = this.bonjour.find({ type })
    browser.on('up', (service: Service) => handlers.up(toMdnsService(service)))
    // A new announcement of a service still known (its goodbye was lost or came late) is an update.
    browser.on('txt-update', (service: Service) => handlers.up(toMdnsService(service)))
    browser.on('srv-update', (service: Service) => handlers.up(toMdnsService(service)))
    browser.on('down', (service: Service) => handlers.down(toMdnsService(service)))
    return { stop: () => browser.stop() }
  }

  destroy(): Promise<void> {
    return new Promise((resolve) => this.bonjour.destroy(() => resolve()))
  }
}

const toMdnsService = (service: Service): MdnsService => ({
  name: service.name,
  port: service.port,
  host: service.host,
  addresses: service.addresses ?? [],
  ...(service.referer?.address === undefined ? {} : { refererAddress: service.referer.address }),
  txt: service.txt
})
