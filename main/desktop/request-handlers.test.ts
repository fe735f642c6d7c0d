import { describe, expect, it } from 'vitest'
import { emptyLibrary } from '../../app/library'
import { DesktopRequestHandlers, type DesktopServices } from './request-handlers'

const services = (log: string[]): DesktopServices => ({
  relayHost: { status: { state: 'stopped' } },
  settings: { settings: { displayName: 'Ana', color: '#2563eb', lanPort: 4455 }, update: async (patch) => ({ displayName: 'Ana', color: '#2563eb', lanPort: 4455, ...patch }) },
  presence: {
    snapshot: { documents: [] },
    report: (windowId, report) => log.push(`report ${windowId} ${report.documentName}`),
    setWindowDocument: (windowId, name) => log.push(`document ${windowId} ${name}`)
  },
  lan: { state: { state: 'off' }, host: async () => ({ state: 'off' }), stop: async () => ({ state: 'off' }), createInvite: async () => { throw new Error('unused') } },
  discovery: { sessions: [], startBrowsing: () => log.push('start browsing'), stopBrowsing: () => log.push('stop browsing') },
  library: {
    library: emptyLibrary,
    recordDocument: async (address) => (log.push(`record ${address.documentName} on ${address.relayUrl ?? 'local'}`), emptyLibrary),
    forgetDocument: async (key) => (log.push(`forget ${key.documentName}`), emptyLibrary),
    rememberRelay: async (relay) => (log.push(`remember ${relay.url}`), emptyLibrary),
    forgetRelay: async (url) => (log.push(`forget ${url}`), emptyLibrary)
  },
  checkAddress: async (address) => ({ relay: `ws://${address}` }),
  openExternal: (url) => log.push(`open ${url}`),
  takePendingJoin: () => null,
  pdf: {
    exportWindow: async (windowId, request) => {
      log.push(`pdf ${windowId} ${request.documentName}`)
      return { outcome: 'cancelled' }
    }
  },
  checkCertificate: async (relay) => (log.push(`check ${relay}`), null),
  upstream: { links: [], link: async () => [], unlink: async () => [] },
  updates: {
    status: { state: 'unsupported', currentVersion: '1.0.0', reason: 'a test' },
    check: async () => ({ state: 'unsupported', currentVersion: '1.0.0', reason: 'a test' }),
    install: () => void log.push('install')
  }
})

describe('DesktopRequestHandlers', () => {
  it('browses for LAN sessions once per window, and stops when the window stops or closes', async () => {
    const log: string[] = []
    const requests = new DesktopRequestHandlers(services(log))
    await requests.handlers['discovery:browse'](undefined, 1)
    await requests.handlers['discovery:browse'](undefined, 1)
    await requests.handlers['discovery:browse'](undefined, 2)
    await requests.handlers['discovery:stop-browsing'](undefined, 1)
    await requests.handlers['discovery:stop-browsing'](undefined, 1)
    requests.windowClosed(2)
    requests.windowClosed(3)
    expect(log).toEqual(['start browsing', 'start browsing', 'stop browsing', 'stop browsing'])
  })

  it('opens only plain http(s) links in the system browser, saying why it refuses others', async () => {
    const log: string[] = []
    const requests = new DesktopRequestHandlers(services(log))
    await requests.handlers['shell:open-external']({ url: 'https://example.org/help' }, 1)
    expect(() => requests.handlers['shell:open-external']({ url: 'file:///etc/passwd' }, 1)).toThrow(
      'not opening the link: file: links are not opened; only http and https'
    )
    expect(log).toEqual(['open https://example.org/help'])
  })

  it('passes the sender window to presence', async () => {
    const log: string[] = []
    const requests = new DesktopRequestHandlers(services(log))
    await requests.handlers['window:set-document']({ documentName: 'plan' }, 4)
    await requests.handlers['presence:report']({ documentName: 'plan', relay: 'ws://h', localClientId: 1, people: [] }, 4)
    expect(log).toEqual(['document 4 plan', 'report 4 plan'])
  })

  it('exports the asking window as PDF', async () => {
    const log: string[] = []
    const requests = new DesktopRequestHandlers(services(log))
    expect(await requests.handlers['transfer:export-pdf']({ documentName: 'team/plan' }, 7)).toEqual({ outcome: 'cancelled' })
    expect(log).toEqual(['pdf 7 team/plan'])
  })

  it('hands library requests to the library service', async () => {
    const log: string[] = []
    const { handlers } = new DesktopRequestHandlers(services(log))
    expect(await handlers['library:get'](undefined, 1)).toEqual(emptyLibrary)
    await handlers['library:record-document']({ documentName: 'plan', relayUrl: 'ws://h:1' }, 1)
    await handlers['library:forget-document']({ documentName: 'plan' }, 1)
    await handlers['library:remember-relay']({ url: 'wss://relay.example.org' }, 1)
    await handlers['library:forget-relay']({ url: 'wss://relay.example.org' }, 1)
    expect(log).toEqual(['record plan on ws://h:1', 'forget plan', 'remember wss://relay.example.org', 'forget wss://relay.example.org'])
  })
})
