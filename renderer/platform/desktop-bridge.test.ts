import { describe, expect, it } from 'vitest'
import type { OpenedDocument } from '../../app/bridge'
import type { EnsembleDesktopApi } from '../../app/desktop-api'
import type { FileToImport, JoinRequest, MenuCommand, PresenceReport, RelayStatus } from '../../app/ipc'
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
  const importListeners = new Set<(file: FileToImport) => void>()
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
    menu: { onCommand: (listener: (command: MenuCommand) => void) => (menuListeners.add(listener), () => menuListeners.delete(listener)) },
    transfer: {
      exportPdf: async (request: { documentName: string }) => ({ outcome: 'saved', path: `/home/ana/${request.documentName}.pdf` }),
      onImportFile: (listener: (file: FileToImport) => void) => (importListeners.add(listener), () => importListeners.delete(listener))
    }
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
    sendImport: (file: FileToImport) => importListeners.forEach((listener) => listener(file)),
    menuListeners,
    importListeners
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

  it('reports presence on every change, runs Edit-menu undo and redo, and lets go on close', async () => {
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
      redo: () => void calls.push('redo')
    }
    const close = createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes')).documentOpened(document)
    notify()
    desktop.sendMenu('undo')
    desktop.sendMenu('redo')
    desktop.sendMenu('open-settings')
    await Promise.resolve()
    expect(desktop.reports).toHaveLength(2)
    expect(desktop.reports[0]).toEqual({ documentName: 'notes', relay: 'ws://127.0.0.1:4455', localClientId: 7, people: document.people() })
    expect(calls).toEqual(['undo', 'redo'])
    close()
    expect(desktop.menuListeners.size).toBe(0)
    expect(desktop.shownDocuments).toEqual(['notes', null])
  })

  it('passes File-menu exports and imported files to the renderer, and PDF exports to the main process', async () => {
    const desktop = fakeDesktop()
    const bridge = createDesktopBridge(desktop.api, page('app://ensemble/?doc=notes'))
    const commands: string[] = []
    const files: FileToImport[] = []
    const stopCommands = bridge.transfer.onCommand((command) => commands.push(command))
    const stopFiles = bridge.transfer.onFileToImport((file) => files.push(file))
    for (const command of ['export-markdown', 'export-html', 'export-text', 'export-pdf', 'undo'] as const) desktop.sendMenu(command)
    desktop.sendImport({ fileName: 'a.md', text: '# A' })
    expect(commands).toEqual(['export-md', 'export-html', 'export-txt', 'export-pdf'])
    expect(files).toEqual([{ fileName: 'a.md', text: '# A' }])
    expect(await bridge.transfer.exportPdf('team/notes')).toEqual({ outcome: 'saved', path: '/home/ana/team/notes.pdf' })
    stopCommands()
    stopFiles()
    expect([desktop.menuListeners.size, desktop.importListeners.size]).toEqual([0, 0])
  })
})
