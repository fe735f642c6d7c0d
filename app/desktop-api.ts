/**
 * The object the desktop preload exposes to the renderer as `window.ensemble` (through
 * `contextBridge.exposeInMainWorld`). Every method is one IPC request of `ipc.ts`, every `onX` one
 * event; the main process validates all of them. The renderer's platform bridge wraps this object;
 * in a browser the web bridge stands in for it and reports that hosting is a desktop feature.
 */
import type {
  CreatedInvite,
  DiscoveredSession,
  EventChannel,
  EventPayloads,
  FileToImport,
  HostingState,
  HostRequest,
  InviteRequest,
  JoinRequest,
  MenuCommand,
  PdfExportRequest,
  PdfExportResponse,
  PresenceReport,
  PresenceSnapshot,
  RelayStatus,
  RequestChannel,
  RequestPayload,
  ResponsePayloads,
  UpdateStatus,
  UpstreamLink
} from './ipc'
import type { DocumentAddress, DocumentKey, Library, RelayEntry } from './library'
import type { LanguageChoice } from './i18n/languages'
import type { Settings, SettingsPatch } from './settings'

/** The global name under which the preload exposes the API: `window.ensemble`. */
export const desktopApiGlobalName = 'ensemble'

/** Stops a subscription. */
export type Unsubscribe = () => void

export interface EnsembleDesktopApi {
  readonly kind: 'desktop'
  /** The embedded relay every local document lives in. Connect to `url` of a `listening` status. */
  readonly relay: {
    getStatus(): Promise<RelayStatus>
    onStatus(listener: (status: RelayStatus) => void): Unsubscribe
  }
  readonly settings: {
    get(): Promise<Settings>
    /** Validates and stores the change; rejects with a message naming the bad field. */
    update(patch: SettingsPatch): Promise<Settings>
    /** Stores the language chosen in Settings; the main process rebuilds its menus in it. */
    setLanguage(language: LanguageChoice): Promise<Settings>
    onChanged(listener: (settings: Settings) => void): Unsubscribe
  }
  readonly presence: {
    /** Report this window's document awareness on every change; the main process debounces. */
    report(report: PresenceReport): Promise<void>
    get(): Promise<PresenceSnapshot>
    onChanged(listener: (snapshot: PresenceSnapshot) => void): Unsubscribe
  }
  /** Hosting a LAN session from this machine's relay. */
  readonly session: {
    getState(): Promise<HostingState>
    host(request: HostRequest): Promise<HostingState>
    stop(): Promise<HostingState>
    /** Mints a signed invite for one document (link and web URL); needs an active session. */
    createInvite(request: InviteRequest): Promise<CreatedInvite>
    onChanged(listener: (state: HostingState) => void): Unsubscribe
  }
  /** Sessions on the LAN (mDNS), and the manual-address fallback. */
  readonly discovery: {
    /** Starts browsing (while the home screen is open) and resolves with what is known so far. */
    browse(): Promise<readonly DiscoveredSession[]>
    stopBrowsing(): Promise<void>
    /** Checks that a typed address answers as a relay; resolves with its WebSocket origin. */
    checkAddress(address: string): Promise<{ readonly relay: string }>
    onChanged(listener: (sessions: readonly DiscoveredSession[]) => void): Unsubscribe
  }
  readonly window: {
    /** The document this window shows (or `null` on the home screen): sets the title and presence. */
    setDocument(documentName: string | null): Promise<void>
  }
  readonly shell: {
    /** Opens an http(s) URL in the system browser. */
    openExternal(url: string): Promise<void>
  }
  /** `ensemble://join` links opened while the app runs (or that started it). */
  readonly join: {
    /** The link that started the app, if the renderer has not taken it yet. */
    takePending(): Promise<JoinRequest | null>
    onRequested(listener: (request: JoinRequest) => void): Unsubscribe
  }
  readonly transfer: {
    /** Prints this window to a PDF through the main process (`printToPDF`), after a save dialog. */
    exportPdf(request: PdfExportRequest): Promise<PdfExportResponse>
    /** Files picked in the File menu's Import dialog, read by the main process. */
    onImportFile(listener: (file: FileToImport) => void): Unsubscribe
  }
  /** Native menu items for the renderer to carry out (new document, share, undo through y-prosemirror…). */
  readonly menu: {
    onCommand(listener: (command: MenuCommand) => void): Unsubscribe
  }
  /** Recent documents and remembered relays (`library.ts`), kept in the user-data folder. Each change resolves with the new library. */
  readonly library: {
    get(): Promise<Library>
    /** Puts the document first among the recent ones (a local document has no `relayUrl`). */
    recordDocument(address: DocumentAddress): Promise<Library>
    forgetDocument(key: DocumentKey): Promise<Library>
    rememberRelay(relay: RelayEntry): Promise<Library>
    forgetRelay(url: string): Promise<Library>
    /** Fires after every change, in every window. */
    onChanged(listener: (library: Library) => void): Unsubscribe
  }
  /** The app's own updates (electron-updater, from the release feed). */
  readonly updates: {
    getStatus(): Promise<UpdateStatus>
    /** Checks now; resolves with what the check found (or that one is under way). */
    check(): Promise<UpdateStatus>
    /** Quits and installs the downloaded update; rejects when none is downloaded. */
    install(): Promise<void>
    onStatus(listener: (status: UpdateStatus) => void): Unsubscribe
  }
  /** Local documents also kept on a hosted relay (relay-to-relay sync, both ways). */
  readonly upstream: {
    get(): Promise<readonly UpstreamLink[]>
    /** Keeps `link.document` also on `link.relayUrl` from now on (replacing an earlier link of it). */
    link(link: UpstreamLink): Promise<readonly UpstreamLink[]>
    unlink(document: string): Promise<readonly UpstreamLink[]>
    onChanged(listener: (links: readonly UpstreamLink[]) => void): Unsubscribe
  }
  /** LAN hosts' certificates: checks one against an invite's fingerprint, and accepts it from then on when it matches. */
  readonly security: {
    checkCertificate(relay: string, fingerprint: string): Promise<{ problem: string | null }>
  }
}

/** How the API reaches the main process: `ipcRenderer` in the preload, anything in tests. */
export interface IpcTransport {
  invoke(channel: RequestChannel, payload: unknown): Promise<unknown>
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): Unsubscribe
}

/** Builds the API on a transport. The preload calls this with `ipcRenderer`. */
export const createDesktopApi = (transport: IpcTransport): EnsembleDesktopApi => {
  const request = <C extends RequestChannel>(channel: C, payload: RequestPayload<C>): Promise<ResponsePayloads[C]> =>
    transport.invoke(channel, payload) as Promise<ResponsePayloads[C]>
  const on =
    <E extends EventChannel>(channel: E) =>
    (listener: (payload: EventPayloads[E]) => void): Unsubscribe =>
      transport.subscribe(channel, (payload) => listener(payload as EventPayloads[E]))
  return {
    kind: 'desktop',
    relay: { getStatus: () => request('relay:get-status', undefined), onStatus: on('relay:status') },
    settings: {
      get: () => request('settings:get', undefined),
      update: (patch) => request('settings:update', patch),
      setLanguage: (language) => request('settings:set-language', { language }),
      onChanged: on('settings:changed')
    },
    presence: {
      report: (report) => request('presence:report', report),
      get: () => request('presence:get', undefined),
      onChanged: on('presence:changed')
    },
    session: {
      getState: () => request('session:get-state', undefined),
      host: (hostRequest) => request('session:host', hostRequest),
      stop: () => request('session:stop', undefined),
      createInvite: (inviteRequest) => request('session:create-invite', inviteRequest),
      onChanged: on('session:changed')
    },
    discovery: {
      browse: () => request('discovery:browse', undefined),
      stopBrowsing: () => request('discovery:stop-browsing', undefined),
      checkAddress: (address) => request('discovery:check-address', { address }),
      onChanged: on('discovery:changed')
    },
    window: { setDocument: (documentName) => request('window:set-document', { documentName }) },
    shell: { openExternal: (url) => request('shell:open-external', { url }) },
    join: { takePending: () => request('join:take-pending', undefined), onRequested: on('join:requested') },
    menu: { onCommand: on('menu:command') },
    transfer: { exportPdf: (pdfRequest) => request('transfer:export-pdf', pdfRequest), onImportFile: on('transfer:import-file') },
    library: {
      get: () => request('library:get', undefined),
      recordDocument: (address) => request('library:record-document', address),
      forgetDocument: (key) => request('library:forget-document', key),
      rememberRelay: (relay) => request('library:remember-relay', relay),
      forgetRelay: (url) => request('library:forget-relay', { url }),
      onChanged: on('library:changed')
    },
    updates: {
      getStatus: () => request('updates:get-status', undefined),
      check: () => request('updates:check', undefined),
      install: () => request('updates:install', undefined),
      onStatus: on('updates:status')
    },
    security: { checkCertificate: (relay, fingerprint) => request('security:check-certificate', { relay, fingerprint }) },
    upstream: {
      get: () => request('upstream:get', undefined),
      link: (link) => request('upstream:link', link),
      unlink: (document) => request('upstream:unlink', { document }),
      onChanged: on('upstream:changed')
    }
  }
}
