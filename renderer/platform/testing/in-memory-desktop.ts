/**
 * An in-memory implementation of the preload's `EnsembleDesktopApi` (`app/desktop-api.md`) for the
 * renderer's unit tests: the behaviour the renderer relies on, kept in this object, with what it
 * was asked recorded. Payloads are validated with the IPC contract's own schemas, as the main
 * process does, so a renderer that sends a bad payload fails here too. Hosting hands out real
 * invite links (`app/invite-link.ts`) carrying unsigned placeholder tokens; the real signing is
 * tested in `main/lan/`. Imported by tests only.
 */
import type { EnsembleDesktopApi, Unsubscribe } from '../../../app/desktop-api'
import { formatInviteLink, formatWebUrl } from '../../../app/invite-link'
import {
  parseRequest,
  type DiscoveredSession,
  type FileToImport,
  type HostingState,
  type JoinRequest,
  type MenuCommand,
  type PresenceReport,
  type RelayStatus,
  type UpstreamLink
} from '../../../app/ipc'
import { emptyLibrary, forgetDocument, forgetRelay, recordDocument, rememberRelay, type Library } from '../../../app/library'
import { SettingsSchema, type Settings } from '../../../app/settings'

class Channel<T> {
  readonly listeners = new Set<(value: T) => void>()
  subscribe = (listener: (value: T) => void): Unsubscribe => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value)
  }
}


/** An in-memory desktop updates nothing. */
const noUpdates = { state: 'unsupported', currentVersion: '0.0.0-test', reason: 'an in-memory desktop for tests' } as const

export interface InMemoryDesktopOptions {
  readonly status?: RelayStatus
  readonly pending?: JoinRequest | null
  /** `ws://ADDRESS:PORT` of the LAN interfaces a session is hosted on. */
  readonly lanRelays?: readonly string[]
  /** What `discovery.checkAddress` answers for each typed address; others are refused. */
  readonly relaysAt?: Readonly<Record<string, string>>
}

export const createInMemoryDesktop = (options: InMemoryDesktopOptions = {}) => {
  let settings: Settings = { displayName: 'Ana Lima', color: '#2563eb', lanPort: 4455 }
  let status: RelayStatus = options.status ?? { state: 'listening', url: 'ws://127.0.0.1:4455', port: 4455 }
  let pending = options.pending ?? null
  let hosting: HostingState = { state: 'off' }
  let library: Library = emptyLibrary
  let clock = 0
  let browsing = 0
  const channels = {
    status: new Channel<RelayStatus>(),
    settings: new Channel<Settings>(),
    session: new Channel<HostingState>(),
    discovery: new Channel<readonly DiscoveredSession[]>(),
    join: new Channel<JoinRequest>(),
    menu: new Channel<MenuCommand>(),
    library: new Channel<Library>(),
    importFile: new Channel<FileToImport>(),
    upstream: new Channel<readonly UpstreamLink[]>()
  }
  let upstreamLinks: readonly UpstreamLink[] = []
  const setUpstreamLinks = (next: readonly UpstreamLink[]): readonly UpstreamLink[] => {
    upstreamLinks = next
    channels.upstream.fire(next)
    return next
  }
  /** Documents whose PDF export was asked for; an in-memory desktop cannot print, so each is "cancelled". */
  const pdfRequests: string[] = []
  const reports: PresenceReport[] = []
  const shownDocuments: Array<string | null> = []
  const changeLibrary = (next: Library): Library => {
    library = next
    channels.library.fire(next)
    return next
  }
  const setHosting = (next: HostingState): HostingState => {
    hosting = next
    channels.session.fire(next)
    return next
  }

  const api: EnsembleDesktopApi = {
    kind: 'desktop',
    relay: { getStatus: async () => status, onStatus: channels.status.subscribe },
    settings: {
      get: async () => settings,
      update: async (patch) => {
        settings = SettingsSchema.parse({ ...settings, ...parseRequest('settings:update', patch) })
        channels.settings.fire(settings)
        return settings
      },
      setLanguage: async (language) => {
        settings = SettingsSchema.parse({ ...settings, ...parseRequest('settings:set-language', { language }) })
        channels.settings.fire(settings)
        return settings
      },
      onChanged: channels.settings.subscribe
    },
    presence: {
      report: async (report) => void reports.push(parseRequest('presence:report', report)),
      get: async () => ({ documents: [] }),
      onChanged: () => () => undefined
    },
    session: {
      getState: async () => hosting,
      host: async (request) => {
        const valid = parseRequest('session:host', request)
        const relays = options.lanRelays ?? ['ws://192.168.1.20:4455']
        return setHosting({
          state: 'hosting',
          sessionName: valid.sessionName,
          access: valid.access,
          networkRole: valid.networkRole,
          port: settings.lanPort,
          relays,
          fingerprint: `sha256/${'A'.repeat(43)}=`
        })
      },
      stop: async () => setHosting({ state: 'off' }),
      createInvite: async (request) => {
        const valid = parseRequest('session:create-invite', request)
        if (hosting.state !== 'hosting') throw new Error('no LAN session is running; choose "Host on LAN" before creating an invite')
        const token = `e30.${btoa(JSON.stringify({ doc: valid.documentName, role: valid.role })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.unsigned`
        const invite = { relay: hosting.relays[0]!, doc: valid.documentName, token }
        return { link: formatInviteLink(invite), webUrl: formatWebUrl(invite), role: valid.role, expiresAt: Date.now() + valid.ttlSeconds * 1000 }
      },
      onChanged: channels.session.subscribe
    },
    discovery: {
      browse: async () => {
        browsing++
        return []
      },
      stopBrowsing: async () => {
        browsing--
      },
      checkAddress: async (address) => {
        const relay = options.relaysAt?.[address]
        if (relay === undefined) throw new Error(`nothing answered at ${address}`)
        return { relay }
      },
      onChanged: channels.discovery.subscribe
    },
    window: { setDocument: async (name) => void shownDocuments.push(parseRequest('window:set-document', { documentName: name }).documentName) },
    shell: { openExternal: async () => undefined },
    join: {
      takePending: async () => {
        const taken = pending
        pending = null
        return taken
      },
      onRequested: channels.join.subscribe
    },
    menu: { onCommand: channels.menu.subscribe },
    transfer: {
      exportPdf: async (request) => {
        pdfRequests.push(parseRequest('transfer:export-pdf', request).documentName)
        return { outcome: 'cancelled' }
      },
      onImportFile: channels.importFile.subscribe
    },
    library: {
      get: async () => library,
      recordDocument: async (address) => changeLibrary(recordDocument(library, parseRequest('library:record-document', address), ++clock)),
      forgetDocument: async (key) => changeLibrary(forgetDocument(library, parseRequest('library:forget-document', key))),
      rememberRelay: async (relay) => changeLibrary(rememberRelay(library, parseRequest('library:remember-relay', relay), ++clock)),
      forgetRelay: async (url) => changeLibrary(forgetRelay(library, parseRequest('library:forget-relay', { url }).url)),
      onChanged: channels.library.subscribe
    },
    // Links are only remembered: there is no relay process to sync anything in memory.
    upstream: {
      get: async () => upstreamLinks,
      link: async (link) => {
        const valid = parseRequest('upstream:link', link)
        return setUpstreamLinks([...upstreamLinks.filter((existing) => existing.document !== valid.document), valid])
      },
      unlink: async (document) => setUpstreamLinks(upstreamLinks.filter((existing) => existing.document !== document)),
      onChanged: channels.upstream.subscribe
    },
    // No LAN host's certificate exists in memory: nothing to refuse (e2e/desktop checks real ones).
    security: { checkCertificate: async () => ({ problem: null }) },
    // Like a build from source: it does not update itself.
    updates: {
      getStatus: async () => noUpdates,
      check: async () => noUpdates,
      install: async () => {
        throw new Error('there is no downloaded update to install (the updater is unsupported)')
      },
      onStatus: () => () => undefined
    }
  }
  return {
    api,
    reports,
    shownDocuments,
    settings: () => settings,
    library: () => library,
    browsing: () => browsing,
    setStatus: (next: RelayStatus) => {
      status = next
      channels.status.fire(next)
    },
    sendMenu: (command: MenuCommand) => channels.menu.fire(command),
    sendFileToImport: (file: FileToImport) => channels.importFile.fire(file),
    pdfRequests,
    importListeners: channels.importFile.listeners,
    requestJoin: (request: JoinRequest) => channels.join.fire(request),
    announceSessions: (sessions: readonly DiscoveredSession[]) => channels.discovery.fire(sessions),
    menuListeners: channels.menu.listeners,
    discoveryListeners: channels.discovery.listeners
  }
}
