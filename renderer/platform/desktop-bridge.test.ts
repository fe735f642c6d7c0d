import { describe, expect, it } from 'vitest'
import type { OpenedDocument } from '../../app/bridge'
import type { EnsembleDesktopApi } from '../../app/desktop-api'
import type { JoinRequest, MenuCommand, PresenceReport, RelayStatus } from '../../app/ipc'
import type { Settings } from '../../app/settings'
import { createDesktopBridge } from './desktop-bridge'

/**
 * An in-memory stand-in for the preload's API with the behaviour the bridge relies on (the real
 * one is IPC to the main process, tested in main/). It records what the bridge asked for.
 */
const fakeDesktop = (options: { status?: RelayStatus; pending?: JoinRequest | null } = {}) => {
  let settings: Settings = { displayName: 'Ana Lima', color: '#2563eb', lanPort: 4455 }
  let status: RelayStatus = options.status ?? { state: 'listening', url: 'ws://127.0.0.1:4455', port: 4455 }
  let pending = options.pending ?? null
  const statusListeners = new Set<(status: RelayStatus) => void>()
  const menuListeners = new Set<(command: MenuCommand) => void>()
  const reports: PresenceReport[] = []
  const shownDocuments: Array<string | null> = []
  const api = {
    kind: 'desktop',
    relay: {
      getStatus: async () => status,
      onStatus: (listener: (status: RelayStatus) => void) => (statusListeners.add(listener), () => statusListeners.delete(listener))
    },
    settings: {
      get: async () => settings,
      update: async (patch: Partial<Settings>) => (settings = { ...settings, ...patch })
    },
    presence: { report: async (report: PresenceReport) => void reports.push(report) },
    window: { setDocument: async (name: string | null) => void shownDocuments.push(name) },
    join: { takePending: async () => [pending, (pending = null)][0] as JoinRequest | null },
    menu: { onCommand: (listener: (command: MenuCommand) => void) => (menuListeners.add(listener), () => menuListeners.delete(listener)) }
  } as unknown as EnsembleDesktopApi
  return {
    api,
    reports,
    shownDocuments,
    settings: () => settings,
    setStatus: (next: RelayStatus) => {
      status = next
      for (const listener of statusListeners) listener(next)
    },
    sendMenu: (command: MenuCommand) => menuListeners.forEach((listener) => listener(command)),
    menuListeners
  }
}

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
      documentName: 'notes'
    })
    expect(
      await createDesktopBridge(desktop.api, page('app://ensemble/?doc=plan&relay=ws://10.0.0.5:4455#token=t')).currentDocument()
    ).toEqual({ relayUrl: 'ws://10.0.0.5:4455', documentName: 'plan', token: 't' })
    expect(await createDesktopBridge(desktop.api, page('app://ensemble/')).currentDocument()).toBeNull()
  })

  it('waits for the embedded relay to listen while it restarts', async () => {
    const desktop = fakeDesktop({ status: { state: 'restarting', attempt: 1, delayMs: 200 } })
    const target = createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes')).currentDocument()
    await Promise.resolve()
    desktop.setStatus({ state: 'listening', url: 'ws://127.0.0.1:5000', port: 5000 })
    expect(await target).toEqual({ relayUrl: 'ws://127.0.0.1:5000', documentName: 'notes' })
  })

  it('takes a pending join link first, once', async () => {
    const desktop = fakeDesktop({ pending: { relay: 'ws://192.168.1.20:4455', doc: 'team/plan', token: 'jwt' } })
    const bridge = createDesktopBridge(desktop.api, page('app://ensemble/'))
    expect(await bridge.currentDocument()).toEqual({ relayUrl: 'ws://192.168.1.20:4455', documentName: 'team/plan', token: 'jwt' })
    expect(await bridge.currentDocument()).toBeNull()
  })

  it('reports presence on every change, runs Edit-menu undo and redo and File › Save Version, and lets go on close', async () => {
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
      saveVersion: () => void calls.push('save-version')
    }
    const close = createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes')).documentOpened(document)
    notify()
    desktop.sendMenu('undo')
    desktop.sendMenu('redo')
    desktop.sendMenu('save-version')
    desktop.sendMenu('open-settings')
    await Promise.resolve()
    expect(desktop.reports).toHaveLength(2)
    expect(desktop.reports[0]).toEqual({ documentName: 'notes', relay: 'ws://127.0.0.1:4455', localClientId: 7, people: document.people() })
    expect(calls).toEqual(['undo', 'redo', 'save-version'])
    close()
    expect(desktop.menuListeners.size).toBe(0)
    expect(desktop.shownDocuments).toEqual(['notes', null])
  })
})
