/**
 * The desktop app without Electron, for driving the renderer's desktop mode in Chromium: the real
 * main-process services (settings and library in a user-data folder, the relay in its own process
 * through `RelayHostService`, LAN sessions with signed invites, discovery, presence) composed the
 * way `main/electron/desktop-app.ts` composes them, behind the real IPC door (`IpcDispatcher` with
 * `DesktopRequestHandlers`, which validates every payload). Each "window" is a Playwright page
 * whose `window.ensemble` is built by the preload's own `createDesktopApi` over a binding to that
 * door (`page-api.ts`).
 *
 * What differs from the app: the page is served over http by the embedded relay (it serves the
 * same `dist/web`) instead of `app://ensemble`, so the door is told that frames of that origin are
 * the app's; LAN sessions listen on 127.0.0.1 and invites name 127.0.0.1; mDNS runs on an
 * in-memory network (`in-memory-mdns.ts`); the tray, notifications and window titles are recorded.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page } from '@playwright/test'
import { build } from 'esbuild'
import pino from 'pino'
import type { EventChannel, EventPayloads, JoinRequest, MenuCommand, RequestChannel } from '../../app/ipc'
import { DisposableStore } from '../../main/common/event'
import { DesktopRequestHandlers } from '../../main/desktop/request-handlers'
import { UpdateService } from '../../main/updates/update-service'
import { UpstreamLinkService } from '../../main/upstream/upstream-link-service'
import { CertificatePins, checkRelayCertificate } from '../../main/security/certificate-pins'
import { loadOrCreateTlsIdentity } from '../../main/lan/tls-identity'
import { DiscoveryService } from '../../main/discovery/discovery-service'
import { checkRelayAddress } from '../../main/discovery/relay-address-check'
import { IpcDispatcher } from '../../main/ipc/ipc-dispatcher'
import { LanSessionService } from '../../main/lan/lan-session-service'
import { LibraryService } from '../../main/library/library-service'
import { FileImportService } from '../../main/transfer/file-import-service'
import { PdfExportService } from '../../main/transfer/pdf-export-service'
import { PresenceService } from '../../main/presence/presence-service'
import { NodeUtilityProcessLauncher } from '../../main/relay-host/node-launcher'
import { RelayHostService } from '../../main/relay-host/relay-host-service'
import { appOrigin } from '../../main/security/app-origin'
import { SettingsService } from '../../main/settings/settings-service'
import { freePort } from '../../server/testing/services'
import type { InMemoryMdnsNetwork } from './in-memory-mdns'

const relayEntry = fileURLToPath(new URL('../../main/relay-process/entry.ts', import.meta.url))
const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url))
const logger = pino({ level: process.env.ENSEMBLE_TEST_LOG ?? 'silent' })

let pageApiScript: Promise<string> | null = null
/** `page-api.ts` bundled for the browser, once per test worker. */
const pageApi = (): Promise<string> =>
  (pageApiScript ??= build({
    entryPoints: [fileURLToPath(new URL('./page-api.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning'
  }).then((result) => result.outputFiles[0]!.text))

export interface DesktopWindow {
  readonly id: number
  readonly page: Page
}

export interface HeadlessDesktopOptions {
  readonly displayName: string
  readonly color?: string
  /** This machine's name, shown to people browsing the LAN. */
  readonly hostName: string
  readonly mdns: InMemoryMdnsNetwork
}

export type HeadlessDesktop = Awaited<ReturnType<typeof startHeadlessDesktop>>

export const startHeadlessDesktop = async (options: HeadlessDesktopOptions) => {
  const userData = await mkdtemp(join(tmpdir(), 'ensemble-headless-desktop-'))
  const disposables = new DisposableStore()
  const lanPort = await freePort()
  const settings = disposables.add(
    await SettingsService.load(userData, { displayName: options.displayName, color: options.color ?? '#2563eb', lanPort }, logger)
  )
  const library = disposables.add(await LibraryService.load(userData, logger))
  const relayHost = disposables.add(
    new RelayHostService(new NodeUtilityProcessLauncher({ entry: relayEntry, execArgv: ['--import', 'tsx'], stdio: 'ignore', logger }), logger, {
      config: { dataDir: join(userData, 'documents'), webRoot, logLevel: 'silent' }
    })
  )
  const discovery = disposables.add(new DiscoveryService(options.mdns.backend('127.0.0.1', options.hostName), logger))
  const lan = disposables.add(
    new LanSessionService({
      relay: relayHost,
      discovery,
      lanPort: () => settings.settings.lanPort,
      addresses: () => ['127.0.0.1'],
      hostName: options.hostName,
      logger,
      bindHost: '127.0.0.1',
      tlsIdentity: () => loadOrCreateTlsIdentity(join(userData, 'lan-identity.json'), options.hostName)
    })
  )
  // The pins the app would give Electron's certificate verifier; Chromium here cannot be given them,
  // so contexts that open LAN sessions accept self-signed certificates (`ignoreHTTPSErrors`) and
  // what the app checks itself, `checkCertificate`, is the real thing.
  const pins = new CertificatePins()
  const checkCertificate = async (relay: string, fingerprint: string): Promise<string | null> => {
    const problem = await checkRelayCertificate(relay, fingerprint)
    if (problem === null) pins.pin(new URL(relay).hostname, fingerprint)
    return problem
  }
  const titles = new Map<number, string>()
  const notifications: Array<{ title: string; body: string }> = []
  const tray = { tooltip: '', items: [] as string[] }
  const presence = disposables.add(
    new PresenceService(
      {
        tray: { setTooltip: (text) => void (tray.tooltip = text), setPresenceItems: (items) => void (tray.items = items.map((item) => item.label)) },
        notifier: { notify: (title, body) => void notifications.push({ title, body }) },
        titles: { setTitle: (windowId, title) => void titles.set(windowId, title) }
      },
      { debounceMs: 50, notifyEveryMs: 0 }
    )
  )
  let pendingJoin: JoinRequest | null = null
  const openedExternally: string[] = []
  // File → Export As → PDF: the real service, with Chromium's own print-to-PDF standing in for
  // `webContents.printToPDF` and a fixed folder for the save dialog's answer.
  const exportFolder = join(userData, 'exports')
  const pdf = disposables.add(
    new PdfExportService(
      {
        askSavePath: async (_windowId, suggested) => join(exportFolder, suggested),
        printToPdf: async (windowId) => new Uint8Array(await windows.get(windowId)!.pdf({ format: 'A4', printBackground: true }))
      },
      async (path, bytes) => {
        await mkdir(exportFolder, { recursive: true })
        await writeFile(path, bytes)
      },
      logger
    )
  )
  // File → Import: the real service; the open dialog answers with the path a test chose.
  let fileToPick: string | null = null
  const importProblems: string[] = []
  const fileImport = new FileImportService(
    {
      askOpenPath: async () => fileToPick,
      sendToWindow: (windowId, file) => send([windows.get(windowId)!], 'transfer:import-file', file),
      showProblem: (_windowId, message) => void importProblems.push(message)
    },
    logger
  )
  const upstream = disposables.add(await UpstreamLinkService.load(userData, logger))
  relayHost.setUpstreamLinks(upstream.links)
  disposables.add(upstream.onDidChangeLinks((links) => relayHost.setUpstreamLinks(links)))
  const requests = new DesktopRequestHandlers({
    pdf,
    upstream,
    checkCertificate,
    // Like a build from source: it does not update itself.
    updates: new UpdateService(null, '0.0.0', logger, 'the headless desktop of the tests does not update itself'),
    relayHost,
    settings,
    presence,
    lan,
    discovery,
    library,
    checkAddress: (address) => checkRelayAddress(address),
    openExternal: (url) => void openedExternally.push(url),
    takePendingJoin: () => {
      const taken = pendingJoin
      pendingJoin = null
      return taken
    }
  })
  const webContentsIds = new Set<number>()
  const dispatcher = new IpcDispatcher(requests.handlers, webContentsIds, logger)
  const windows = new Map<number, Page>()

  const relayUrl = await relayHost.start()
  const httpUrl = relayUrl.replace(/^ws/, 'http')
  /** The page origin that plays `app://ensemble` for the IPC door's sender check. */
  const asAppUrl = (url: string): string => (url.startsWith(`${httpUrl}/`) ? appOrigin + url.slice(httpUrl.length) : url)

  const send = <E extends EventChannel>(targets: Iterable<Page>, channel: E, payload: EventPayloads[E]): void => {
    for (const page of targets) {
      // Like `webContents.send`: an event for a page that is navigating or closing is lost.
      page.evaluate(([name, value]) => (window as unknown as { __ensembleEmit(c: string, p: unknown): void }).__ensembleEmit(name, value), [channel, payload] as const).catch(() => undefined)
    }
  }
  const all = (): Iterable<Page> => windows.values()
  disposables.add(relayHost.onDidChangeStatus((status) => send(all(), 'relay:status', status)))
  disposables.add(settings.onDidChangeSettings((value) => send(all(), 'settings:changed', value)))
  disposables.add(library.onDidChangeLibrary((value) => send(all(), 'library:changed', value)))
  disposables.add(upstream.onDidChangeLinks((links) => send(all(), 'upstream:changed', links)))
  disposables.add(presence.onDidChangePresence((snapshot) => send(all(), 'presence:changed', snapshot)))
  disposables.add(discovery.onDidChangeSessions((sessions) => send(all(), 'discovery:changed', sessions)))
  disposables.add(lan.onDidChangeState((state) => send(all(), 'session:changed', state)))

  let nextWindowId = 1
  return {
    userData,
    relayUrl,
    httpUrl,
    lanPort: () => settings.settings.lanPort,
    services: { settings, library, lan, discovery, presence, relayHost, upstream },
    pins,
    titles,
    notifications,
    tray,
    openedExternally,

    /** Opens an app window in `context` at `path` (the home screen by default). */
    openWindow: async (context: BrowserContext, path = '/'): Promise<DesktopWindow> => {
      const id = nextWindowId++
      const page = await context.newPage()
      page.on('pageerror', (error) => console.error(`[${options.displayName}, window ${id}] page error:`, error))
      await page.exposeBinding('__ensembleIpc', (source, channel: RequestChannel, payload: unknown) =>
        dispatcher.dispatch(channel, { webContentsId: id, windowId: id, frameUrl: asAppUrl(source.frame.url()), isMainFrame: source.frame === source.page.mainFrame() }, payload)
      )
      await page.addInitScript({ content: await pageApi() })
      webContentsIds.add(id)
      windows.set(id, page)
      page.once('close', () => {
        webContentsIds.delete(id)
        windows.delete(id)
        presence.windowClosed(id)
        requests.windowClosed(id)
      })
      await page.goto(httpUrl + path)
      return { id, page }
    },
    /** The `ensemble://` link that "started the app", for the next window to take. */
    setPendingJoin: (request: JoinRequest) => void (pendingJoin = request),
    /** A native menu item, sent to one window as the focused window gets it. */
    sendMenu: (window: DesktopWindow, command: MenuCommand) => send([window.page], 'menu:command', command),
    /** File → Import, with `path` as the file picked in the open dialog. */
    importFile: async (window: DesktopWindow, path: string): Promise<void> => {
      fileToPick = path
      await fileImport.importInto(window.id)
    },
    importProblems,
    /** Where File → Export As → PDF saves. */
    exportFolder,
    /** An `ensemble://` link opened while the app runs. */
    requestJoin: (window: DesktopWindow, request: JoinRequest) => send([window.page], 'join:requested', request),

    /** Quits: stops the LAN session and the relay (storage flushed), then removes the user-data folder. */
    close: async (): Promise<void> => {
      for (const page of windows.values()) await page.close().catch(() => undefined)
      await lan.stop().catch(() => undefined)
      await relayHost.stop()
      disposables.dispose()
      await rm(userData, { recursive: true, force: true })
    }
  }
}
