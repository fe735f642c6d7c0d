import pino from 'pino'
import { describe, expect, it } from 'vitest'
import type { DiscoveredSession } from '../../app/ipc'
import { DiscoveryService } from './discovery-service'
import type { MdnsBackend, MdnsService } from './mdns'

/**
 * An mDNS network in memory: what one backend publishes, every browsing backend sees come and go.
 * It implements the same `MdnsBackend` as bonjour-service does; `bonjour-backend.netns.test.ts`
 * runs the real one.
 */
class MemoryNetwork {
  private readonly published = new Map<string, MdnsService>()
  private readonly watchers = new Set<{ up(service: MdnsService): void; down(service: MdnsService): void }>()

  backend(address: string): MdnsBackend {
    return {
      publish: ({ name, port, txt }) => {
        const announce = (record: Record<string, string>): void => {
          const service = { name, port, host: `${address}.local`, addresses: [address], txt: record }
          this.published.set(name, service)
          for (const watcher of this.watchers) watcher.up(service)
        }
        announce(txt)
        return {
          updateTxt: (record) => {
            this.withdraw(name)
            announce(record)
          },
          stop: async () => this.withdraw(name)
        }
      },
      browse: (_type, handlers) => {
        this.watchers.add(handlers)
        for (const service of this.published.values()) handlers.up(service)
        return { stop: () => this.watchers.delete(handlers) }
      },
      destroy: async () => {}
    }
  }

  private withdraw(name: string): void {
    const service = this.published.get(name)
    if (service === undefined) return
    this.published.delete(name)
    for (const watcher of this.watchers) watcher.down(service)
  }
}

const logger = pino({ level: 'silent' })

describe('DiscoveryService', () => {
  it('lists sessions others advertise, follows their document count, and drops them when withdrawn', async () => {
    const network = new MemoryNetwork()
    const ana = new DiscoveryService(network.backend('192.168.1.20'), logger)
    const bo = new DiscoveryService(network.backend('192.168.1.21'), logger)
    const seen: Array<readonly DiscoveredSession[]> = []
    bo.onDidChangeSessions((sessions) => seen.push(sessions))

    ana.advertise({ sessionName: 'Design review', hostName: 'ana-laptop', documentCount: 1, port: 4455 })
    bo.startBrowsing()
    expect(bo.sessions).toEqual([
      { id: 'Design review on ana-laptop', sessionName: 'Design review', hostName: 'ana-laptop', documentCount: 1, relay: 'ws://192.168.1.20:4455' }
    ])
    ana.updateDocumentCount(4)
    expect(bo.sessions[0]?.documentCount).toBe(4)
    ana.updateDocumentCount(4)
    await ana.withdraw()
    expect(bo.sessions).toEqual([])
    expect(seen.map((sessions) => sessions.map((session) => session.documentCount))).toEqual([[1], [], [4], []])
  })

  it('does not list its own session, and ignores services with foreign TXT records', () => {
    const network = new MemoryNetwork()
    const ana = new DiscoveryService(network.backend('10.0.0.2'), logger)
    network.backend('10.0.0.3').publish({ name: 'printer', type: 'ensemble', port: 9100, txt: { v: '7' } })
    ana.advertise({ sessionName: 'Mine', hostName: 'ana', documentCount: 0, port: 4455 })
    ana.startBrowsing()
    expect(ana.sessions).toEqual([])
  })

  it('browses while at least one home screen asks, and forgets what it saw when the last one stops', () => {
    const network = new MemoryNetwork()
    const host = new DiscoveryService(network.backend('10.0.0.2'), logger)
    const guest = new DiscoveryService(network.backend('10.0.0.3'), logger)
    host.advertise({ sessionName: 'S', hostName: 'h', documentCount: 0, port: 1 })
    guest.startBrowsing()
    guest.startBrowsing()
    guest.stopBrowsing()
    expect(guest.sessions).toHaveLength(1)
    guest.stopBrowsing()
    expect(guest.sessions).toHaveLength(0)
    host.updateDocumentCount(2)
    expect(guest.sessions).toHaveLength(0)
  })
})
