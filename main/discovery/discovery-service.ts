import type { Logger } from 'pino'
import type { DiscoveredSession } from '../../app/ipc'
import { Emitter, type Disposable, type Event } from '../common/event'
import type { MdnsBackend, MdnsBrowser, MdnsPublication, MdnsService } from './mdns'
import { decodeTxtRecord, encodeTxtRecord, instanceName, serviceType, type SessionAdvertisement } from './txt-record'

/** Advertises this machine's LAN session and lists the sessions of others (mDNS/DNS-SD, `_ensemble._tcp`). */
export interface IDiscoveryService extends Disposable {
  readonly sessions: readonly DiscoveredSession[]
  readonly onDidChangeSessions: Event<readonly DiscoveredSession[]>
  advertise(ad: SessionAdvertisement & { port: number }): void
  updateDocumentCount(count: number): void
  withdraw(): Promise<void>
  /** Browsing is counted: each `startBrowsing` needs its `stopBrowsing` (one per open home screen). */
  startBrowsing(): void
  stopBrowsing(): void
}

export class DiscoveryService implements IDiscoveryService {
  private readonly sessionsEmitter = new Emitter<readonly DiscoveredSession[]>()
  readonly onDidChangeSessions = this.sessionsEmitter.event
  private readonly found = new Map<string, DiscoveredSession>()
  private publication: { ad: SessionAdvertisement & { port: number }; handle: MdnsPublication } | null = null
  private browser: MdnsBrowser | null = null
  private browsers = 0

  constructor(
    private readonly backend: MdnsBackend,
    private readonly logger: Logger
  ) {}

  get sessions(): readonly DiscoveredSession[] {
    return [...this.found.values()].sort((a, b) => a.sessionName.localeCompare(b.sessionName))
  }

  advertise(ad: SessionAdvertisement & { port: number }): void {
    void this.withdraw()
    const name = instanceName(ad)
    this.publication = { ad, handle: this.backend.publish({ name, type: serviceType, port: ad.port, txt: encodeTxtRecord(ad) }) }
    this.logger.info({ name, port: ad.port }, 'advertising the session on the LAN')
  }

  updateDocumentCount(count: number): void {
    if (this.publication === null || this.publication.ad.documentCount === count) return
    this.publication.ad = { ...this.publication.ad, documentCount: count }
    this.publication.handle.updateTxt(encodeTxtRecord(this.publication.ad))
  }

  async withdraw(): Promise<void> {
    const publication = this.publication
    this.publication = null
    await publication?.handle.stop()
  }

  startBrowsing(): void {
    this.browsers++
    if (this.browser !== null) return
    this.browser = this.backend.browse(serviceType, {
      up: (service) => this.serviceUp(service),
      down: (service) => {
        if (this.found.delete(service.name)) this.changed()
      }
    })
  }

  stopBrowsing(): void {
    this.browsers = Math.max(0, this.browsers - 1)
    if (this.browsers > 0 || this.browser === null) return
    this.browser.stop()
    this.browser = null
    this.found.clear()
    this.changed()
  }

  dispose(): void {
    this.browser?.stop()
    this.browser = null
    void this.withdraw()
    void this.backend.destroy()
    this.sessionsEmitter.dispose()
  }

  private serviceUp(service: MdnsService): void {
    const ad = decodeTxtRecord(service.txt)
    if (ad === null) {
      this.logger.debug({ name: service.name }, 'ignoring an _ensemble._tcp service with a TXT record we do not understand')
      return
    }
    if (this.publication !== null && service.name === instanceName(this.publication.ad)) return
    const address = pickAddress(service)
    if (address === null) return
    this.found.set(service.name, {
      id: service.name,
      sessionName: ad.sessionName,
      hostName: ad.hostName,
      documentCount: ad.documentCount,
      // A session with a certificate fingerprint speaks TLS; older ones without it, plain WebSocket.
      relay: `${ad.fingerprint === undefined ? 'ws' : 'wss'}://${address.includes(':') ? `[${address}]` : address}:${service.port}`,
      ...(ad.fingerprint === undefined ? {} : { fingerprint: ad.fingerprint })
    })
    this.changed()
  }

  private changed(): void {
    this.sessionsEmitter.fire(this.sessions)
  }
}

/**
 * The address to connect to: an IPv4 address first (most LANs route it), then a routable IPv6
 * one, then the address the answer came from, then the announced host name.
 */
const pickAddress = (service: MdnsService): string | null => {
  const ipv4 = service.addresses.find((address) => /^\d+\.\d+\.\d+\.\d+$/.test(address))
  const ipv6 = service.addresses.find((address) => address.includes(':') && !address.toLowerCase().startsWith('fe80:'))
  return ipv4 ?? ipv6 ?? service.refererAddress ?? (service.host === '' ? null : service.host)
}
