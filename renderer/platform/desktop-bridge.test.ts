import { describe, expect, it } from 'vitest'
import type { OpenedDocument } from '../../app/bridge'
import type { PlatformCommand } from '../../app/bridge'
import { parseInviteLink, parseWebUrl } from '../../app/invite-link'
import type { DiscoveredSession } from '../../app/ipc'
import { createDesktopBridge } from './desktop-bridge'
import { createInMemoryDesktop } from './testing/in-memory-desktop'

const fakeDesktop = createInMemoryDesktop

const page = (href: string) => {
  const assigned: string[] = []
  return { assigned, location: { href, assign: (url: string) => void assigned.push(url) } }
}

describe('desktop bridge', () => {
  it('keeps the profile in the desktop settings', async () => {
    const desktop = fakeDesktop()
    const bridge = createDesktopBridge(desktop.api, page('app://ensemble/'))
    expect(await bridge.loadProfile()).toEqual({ name: 'Ana Lima', color: '#2563eb' })
    await bridge.saveProfile({ name: ' Ben Ode ', color: '#dc2626' })
    expect(desktop.settings()).toMatchObject({ displayName: 'Ben Ode', color: '#dc2626', lanPort: 4455 })
  })

  it('opens local documents on the embedded relay, and others where the URL says', async () => {
    const desktop = fakeDesktop()
    expect(await createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes')).currentDocument()).toEqual({
      relayUrl: 'ws://127.0.0.1:4455',
      documentName: 'notes',
      local: true
    })
    expect(
      await createDesktopBridge(desktop.api, page('app://ensemble/?doc=plan&relay=ws://10.0.0.5:4455#token=t')).currentDocument()
    ).toEqual({ relayUrl: 'ws://10.0.0.5:4455', documentName: 'plan', token: 't', local: false })
    expect(await createDesktopBridge(desktop.api, page('app://ensemble/')).currentDocument()).toBeNull()
  })

  it('waits for the embedded relay to listen while it restarts', async () => {
    const desktop = fakeDesktop({ status: { state: 'restarting', attempt: 1, delayMs: 200 } })
    const target = createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes')).currentDocument()
    await Promise.resolve()
    desktop.setStatus({ state: 'listening', url: 'ws://127.0.0.1:5000', port: 5000 })
    expect(await target).toEqual({ relayUrl: 'ws://127.0.0.1:5000', documentName: 'notes', local: true })
  })

  it('takes a pending join link first, once', async () => {
    const desktop = fakeDesktop({ pending: { relay: 'ws://192.168.1.20:4455', doc: 'team/plan', token: 'jwt' } })
    const bridge = createDesktopBridge(desktop.api, page('app://ensemble/'))
    expect(await bridge.currentDocument()).toEqual({ relayUrl: 'ws://192.168.1.20:4455', documentName: 'team/plan', token: 'jwt', local: false })
    expect(await bridge.currentDocument()).toBeNull()
  })

  it('reports presence on every change, runs Edit-menu undo, redo, Find, Find and Replace and File › Save Version, and lets go on close', async () => {
    const desktop = fakeDesktop()
    const calls: string[] = []
    let notify = (): void => undefined
    const document: OpenedDocument = {
      documentName: 'notes',
      relayUrl: 'ws://127.0.0.1:4455',
      localClientId: 7,
      people: () => [{ clientId: 7, name: 'Ana Lima', color: '#2563eb' }],
      onPeopleChanged: (listener) => ((notify = listener), () => (notify = () => undefined)),
      undo: () => void calls.push('undo'),
      redo: () => void calls.push('redo'),
      saveVersion: () => void calls.push('save-version'),
      find: (replacing) => void calls.push(replacing ? 'find-replace' : 'find')
    }
    const close = createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes')).documentOpened(document)
    notify()
    desktop.sendMenu('undo')
    desktop.sendMenu('redo')
    desktop.sendMenu('save-version')
    desktop.sendMenu('find')
    desktop.sendMenu('find-replace')
    desktop.sendMenu('open-settings')
    await Promise.resolve()
    expect(desktop.reports).toHaveLength(2)
    expect(desktop.reports[0]).toEqual({ documentName: 'notes', relay: 'ws://127.0.0.1:4455', localClientId: 7, people: document.people() })
    expect(calls).toEqual(['undo', 'redo', 'save-version', 'find', 'find-replace'])
    close()
    expect(desktop.menuListeners.size).toBe(0)
    expect(desktop.shownDocuments).toEqual(['notes', null])
  })

  it('records local documents without the relay, whose port changes between runs, and joined ones with it', async () => {
    const desktop = fakeDesktop()
    const seen: string[][] = []
    const bridge = createDesktopBridge(desktop.api, page('app://ensemble/'))
    const stop = bridge.library.onChanged((library) => seen.push(library.documents.map((entry) => entry.documentName)))
    await bridge.library.recordOpened({ relayUrl: 'ws://127.0.0.1:4455', documentName: 'notes', local: true })
    await bridge.library.recordOpened({ relayUrl: 'ws://192.168.1.20:4455', documentName: 'plan', token: 'a.b.c', local: false })
    stop()
    expect(desktop.library().documents).toEqual([
      { documentName: 'plan', relayUrl: 'ws://192.168.1.20:4455', token: 'a.b.c', openedAt: 2 },
      { documentName: 'notes', openedAt: 1 }
    ])
    expect(seen).toEqual([['notes'], ['plan', 'notes']])
    await expect(bridge.library.rememberRelay({ url: 'http://relay' })).rejects.toThrow(/url.*not a ws:\/\/ or wss:\/\/ URL/)
  })

  it('opens documents on any relay by navigating, the embedded one without relay=', async () => {
    const desktop = fakeDesktop()
    const window = page('app://ensemble/index.html?doc=old')
    const bridge = createDesktopBridge(desktop.api, window)
    await bridge.open({ documentName: 'team/plan', relayUrl: 'ws://192.168.1.20:4455', token: 'a.b.c' })
    await bridge.open({ documentName: 'notes', relayUrl: 'ws://127.0.0.1:4455' })
    await bridge.open({ documentName: 'new one' })
    await bridge.openHome()
    expect(window.assigned).toEqual([
      'app://ensemble/index.html?doc=team%2Fplan&relay=ws%3A%2F%2F192.168.1.20%3A4455#token=a.b.c',
      'app://ensemble/index.html?doc=notes',
      'app://ensemble/index.html?doc=new+one',
      'app://ensemble/index.html'
    ])
  })

  it('turns menu items and join links into page commands, leaving undo and redo to the document', async () => {
    const desktop = fakeDesktop()
    const commands: PlatformCommand[] = []
    const stop = createDesktopBridge(desktop.api, page('app://ensemble/')).onCommand((command) => commands.push(command))
    desktop.sendMenu('share-document')
    desktop.sendMenu('undo')
    desktop.requestJoin({ relay: 'ws://192.168.1.20:4455', doc: 'plan', token: 'a.b.c' })
    desktop.requestJoin({ relay: 'ws://192.168.1.20:4455', doc: '../etc' })
    stop()
    desktop.sendMenu('open-settings')
    expect(commands).toEqual([
      { kind: 'menu', command: 'share-document' },
      { kind: 'join', address: { documentName: 'plan', relayUrl: 'ws://192.168.1.20:4455', token: 'a.b.c' } }
    ])
  })

  it('hosts, hands out invites whose link and web URL name the document, and stops', async () => {
    const desktop = fakeDesktop({ lanRelays: ['ws://192.168.1.20:4455'] })
    const { hosting } = createDesktopBridge(desktop.api, page('app://ensemble/'))
    expect(hosting.unavailableReason).toBeNull()
    await expect(hosting.createInvite({ documentName: 'notes', role: 'edit' })).rejects.toThrow(/Host on LAN/)
    const states: string[] = []
    hosting.onChanged((state) => states.push(state.state))
    expect(await hosting.host({ sessionName: 'Ana’s session', access: 'link' })).toMatchObject({ state: 'hosting', access: 'link' })
    const invite = await hosting.createInvite({ documentName: 'notes', role: 'view' })
    expect(parseInviteLink(invite.link)).toMatchObject({ relay: 'ws://192.168.1.20:4455', doc: 'notes' })
    expect(parseWebUrl(invite.webUrl)).toEqual(parseInviteLink(invite.link))
    await hosting.setLanPort(5000)
    expect(await hosting.getLanPort()).toBe(5000)
    await expect(hosting.setLanPort(80)).rejects.toThrow(/1024 or above/)
    await hosting.stop()
    expect(states).toEqual(['hosting', 'off'])
  })

  it('browses for LAN sessions while asked to, and checks typed addresses through the main process', async () => {
    const desktop = fakeDesktop({ relaysAt: { '192.168.1.20': 'ws://192.168.1.20:4455' } })
    const { discovery } = createDesktopBridge(desktop.api, page('app://ensemble/'))
    const seen: Array<readonly DiscoveredSession[]> = []
    const stop = discovery.browse({ sessions: (sessions) => seen.push(sessions), problem: (message) => seen.push([{ id: message } as DiscoveredSession]) })
    await Promise.resolve()
    const session = { id: 'a', sessionName: 'Ana', hostName: 'ana-laptop', documentCount: 2, relay: 'ws://192.168.1.20:4455' }
    desktop.announceSessions([session])
    expect(desktop.browsing()).toBe(1)
    stop()
    desktop.announceSessions([])
    await Promise.resolve()
    expect(seen).toEqual([[], [session]])
    expect(desktop.browsing()).toBe(0)
    expect(desktop.discoveryListeners.size).toBe(0)
    expect(await discovery.checkAddress('192.168.1.20')).toBe('ws://192.168.1.20:4455')
    await expect(discovery.checkAddress('10.9.9.9')).rejects.toThrow('nothing answered at 10.9.9.9')
  })

  it('tells the main process when the home screen shows, and hears of profile changes from other windows', async () => {
    const desktop = fakeDesktop()
    const bridge = createDesktopBridge(desktop.api, page('app://ensemble/'))
    const profiles: unknown[] = []
    bridge.onProfileChanged((profile) => profiles.push(profile))
    bridge.homeOpened()
    await desktop.api.settings.update({ displayName: 'Bo Ode' })
    await Promise.resolve()
    expect(desktop.shownDocuments).toEqual([null])
    expect(profiles).toEqual([{ name: 'Bo Ode', color: '#2563eb' }])
  })

  it('stops browsing for LAN sessions before it leaves the page, so that mDNS does not run behind a document', async () => {
    const desktop = fakeDesktop()
    const window = page('app://ensemble/index.html')
    const browsingWhenLeaving: number[] = []
    window.location.assign = (url) => void (browsingWhenLeaving.push(desktop.browsing()), window.assigned.push(url))
    const bridge = createDesktopBridge(desktop.api, window)
    bridge.discovery.browse({ sessions: () => undefined, problem: () => undefined })
    await Promise.resolve()
    expect(desktop.browsing()).toBe(1)
    await bridge.open({ documentName: 'notes' })
    expect(browsingWhenLeaving).toEqual([0])
    expect(window.assigned).toEqual(['app://ensemble/index.html?doc=notes'])
  })

  it('passes File-menu exports and imported files to the renderer, and PDF exports to the main process', async () => {
    const desktop = fakeDesktop()
    const bridge = createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes'))
    const commands: string[] = []
    const files: Array<{ fileName: string; text: string }> = []
    const stopCommands = bridge.transfer.onCommand((command) => commands.push(command))
    const stopFiles = bridge.transfer.onFileToImport((file) => files.push(file))
    for (const command of ['export-markdown', 'export-html', 'export-text', 'export-pdf', 'undo', 'open-home'] as const) desktop.sendMenu(command)
    desktop.sendFileToImport({ fileName: 'a.md', text: '# A' })
    expect(commands).toEqual(['export-md', 'export-html', 'export-txt', 'export-pdf'])
    expect(files).toEqual([{ fileName: 'a.md', text: '# A' }])
    expect(await bridge.transfer.exportPdf('team/notes')).toEqual({ outcome: 'cancelled' })
    expect(desktop.pdfRequests).toEqual(['team/notes'])
    stopCommands()
    stopFiles()
    expect([desktop.menuListeners.size, desktop.importListeners.size]).toEqual([0, 0])
  })
})
