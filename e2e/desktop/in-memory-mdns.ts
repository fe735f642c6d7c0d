/**
 * mDNS for several headless desktops in one test process: each gets an `MdnsBackend` on one shared
 * in-memory "network", so what one publishes the others' browsers see, with `up` on every TXT
 * update and `down` when it stops. It stands in for the multicast wire only; `DiscoveryService`
 * and its TXT record are the real ones (real mDNS is tested in main/discovery with a network
 * namespace).
 */
import type { MdnsBackend, MdnsService } from '../../main/discovery/mdns'

interface Published {
  readonly type: string
  service: MdnsService
}

interface Browsing {
  readonly type: string
  readonly handlers: { up(service: MdnsService): void; down(service: MdnsService): void }
}

export class InMemoryMdnsNetwork {
  private readonly published = new Set<Published>()
  private readonly browsers = new Set<Browsing>()

  /** A backend for a machine reachable at `address`, named `host`. */
  backend(address: string, host: string): MdnsBackend {
    const mine = new Set<Published>()
    const owned = new Set<Browsing>()
    return {
      publish: ({ name, type, port, txt }) => {
        const entry: Published = { type, service: { name, port, host: `${host}.local`, addresses: [address], txt } }
        this.published.add(entry)
        mine.add(entry)
        this.announce(entry, 'up')
        return {
          updateTxt: (next) => {
            entry.service = { ...entry.service, txt: next }
            this.announce(entry, 'up')
          },
          stop: async () => {
            if (!this.published.delete(entry)) return
            mine.delete(entry)
            this.announce(entry, 'down')
          }
        }
      },
      browse: (type, handlers) => {
        const browsing: Browsing = { type, handlers }
        this.browsers.add(browsing)
        owned.add(browsing)
        for (const entry of this.published) if (entry.type === type) handlers.up(entry.service)
        return {
          stop: () => {
            this.browsers.delete(browsing)
            owned.delete(browsing)
          }
        }
      },
      destroy: async () => {
        for (const browsing of owned) this.browsers.delete(browsing)
        for (const entry of mine) {
          this.published.delete(entry)
          this.announce(entry, 'down')
        }
      }
    }
  }

  private announce(entry: Published, change: 'up' | 'down'): void {
    for (const browsing of this.browsers) if (browsing.type === entry.type) browsing.handlers[change](entry.service)
  }
}
