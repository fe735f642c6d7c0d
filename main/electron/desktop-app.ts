import { hostname, userInfo } from 'node:os'
import { join } from 'node:path'
import { app, dialog, Menu, nativeImage, session, shell, type MenuItemConstructorOptions } from 'electron'
import electronUpdater from 'electron-updater'
import type { Logger } from 'pino'
import type { JoinRequest, MenuCommand } from '../../app/ipc'
import { defaultLanPort, userColors, type Settings } from '../../app/settings'
import { DisposableStore } from '../common/event'
import { joinRequestFromArgv, joinRequestFromUrl } from '../desktop/deep-link'
import { applyMainLanguage } from '../desktop/main-language'
import { buildMenuTemplate } from '../desktop/menu-template'
import { DesktopRequestHandlers } from '../desktop/request-handlers'
import { BonjourBackend } from '../discovery/bonjour-backend'
import { DiscoveryService } from '../discovery/discovery-service'
import { checkRelayAddress } from '../discovery/relay-address-check'
import { IpcDispatcher } from '../ipc/ipc-dispatcher'
import { LanSessionService } from '../lan/lan-session-service'
import { lanAddresses } from '../lan/network-addresses'
import { LibraryService } from '../library/library-service'
import { PresenceService } from '../presence/presence-service'
import { RelayHostService } from '../relay-host/relay-host-service'
import { SettingsService } from '../settings/settings-service'
import { missingRendererPage, serveAppProtocol } from './app-protocol'
import writeFileAtomic from 'write-file-atomic'
import { FileImportService } from '../transfer/file-import-service'
import { PdfExportService } from '../transfer/pdf-export-service'
import { UpdateService, type Updater } from '../updates/update-service'
import { UpstreamLinkService } from '../upstream/upstream-link-service'
import { CertificatePins, checkRelayCertificate } from '../security/certificate-pins'
import { loadOrCreateTlsIdentity, type TlsIdentity } from '../lan/tls-identity'
import { ElectronFileImportPlatform } from './electron-file-import'
import { ElectronPdfPlatform } from './electron-pdf'
import { ElectronNotifier, ElectronTrayView, ElectronWindowTitles } from './electron-views'
import { registerIpcHandlers, sendToWindows } from './ipc-bridge'
import { ElectronUtilityProcessLauncher } from './utility-process-launcher'
import { WindowManager } from './window-manager'
import { enforceContentSecurityPolicy, hardenWebContents, openExternally, restrictPermissions } from './window-security'
import { t } from '../../app/i18n/translate'

/** Where the built pieces are, relative to the app folder (the checkout, or `app.asar` when packaged). */
export interface DesktopPaths {
  readonly preload: string
  readonly relayEntry: string
  /** The renderer build served on app://ensemble/. */
  readonly renderer: string
  /** The same build, where the relay process can read it for LAN browser guests. */
  readonly webClientForRelay: string
  readonly trayIcon: string
}

export const desktopPaths = (appRoot: string, packaged: boolean): DesktopPaths => ({
  preload: join(appRoot, 'dist/main/preload.cjs'),
  relayEntry: join(appRoot, 'dist/relay/relay-process.mjs'),
  renderer: join(appRoot, 'dist/web'),
  // electron-builder unpacks dist/web (see electron-builder.yml) so the relay serves plain files.
  webClientForRelay: join(packaged ? `${appRoot}.unpacked` : appRoot, 'dist/web'),
  trayIcon: join(appRoot, 'dist/main/assets/tray.png')
})

const defaultSettings = (): Settings => {
  let name = 'Ensemble user'
  try {
    name = userInfo().username || name
  } catch {
    // No passwd entry (some containers): keep the generic name; the user can change it in Settings.
  }
  const hash = [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7)
  return { displayName: name, color: userColors[hash % userColors.length]!, lanPort: defaultLanPort }
}

/**
 * The composition root: creates every main-process service once, wires their events to the
 * windows, tray and menus, and shuts them down in order on quit (the relay last, so that storage is
 * flushed after every window and LAN guest has gone).
 */
export const startDesktopApp = async (logger: Logger, takeStartupJoin: () => JoinRequest | null): Promise<void> => {
  const disposables = new DisposableStore()
  const paths = desktopPaths(app.getAppPath(), app.isPackaged)
  const userData = app.getPath('userData')
  let pendingJoin: JoinRequest | null = null

  hardenWebContents(app, logger)
  await app.whenReady()
  restrictPermissions(session.defaultSession, logger)
  enforceContentSecurityPolicy(session.defaultSession)
  serveAppProtocol(session.defaultSession, paths.renderer, missingRendererPage)

  const settings = disposables.add(await SettingsService.load(userData, defaultSettings(), logger))
  applyMainLanguage(settings.settings, app.getPreferredSystemLanguages())
  const library = disposables.add(await LibraryService.load(userData, logger))
  const relayHost = disposables.add(
    new RelayHostService(new ElectronUtilityProcessLauncher(paths.relayEntry), logger, {
      config: { dataDir: join(userData, 'documents'), webRoot: paths.webClientForRelay, logLevel: 'info' }
    })
  )
  const discovery = disposables.add(new DiscoveryService(new BonjourBackend(logger), logger))
  let tlsIdentity: Promise<TlsIdentity> | undefined
  const lan = disposables.add(
    new LanSessionService({
      relay: relayHost,
      discovery,
      lanPort: () => settings.settings.lanPort,
      addresses: () => lanAddresses(),
      hostName: hostname().replace(/\.local$/, ''),
      logger,
      tlsIdentity: () => (tlsIdentity ??= loadOrCreateTlsIdentity(join(userData, 'lan-identity.json'), hostname().replace(/\.local$/, '')))
    })
  )
  // LAN hosts make their own certificates: the app accepts one from a host only with the
  // fingerprint its invite link or mDNS advert carried (main/security/certificate-pins.ts). Every
  // other host keeps Chromium's own verdict, so this narrows validation rather than opting out of
  // it, which is what Electronegativity's check warns about.
  const pins = new CertificatePins()
  session.defaultSession.setCertificateVerifyProc((request, callback) => /* eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK */
    callback(pins.verify(request.hostname, request.certificate.fingerprint, request.errorCode))
  )
  disposables.add(
    discovery.onDidChangeSessions((sessions) => {
      for (const found of sessions) if (found.fingerprint !== undefined) pins.pin(new URL(found.relay).hostname, found.fingerprint)
    })
  )
  const checkCertificate = async (relay: string, fingerprint: string): Promise<string | null> => {
    const problem = await checkRelayCertificate(relay, fingerprint)
    if (problem === null) pins.pin(new URL(relay).hostname, fingerprint)
    else logger.warn({ relay }, `refused a LAN host's certificate: ${problem}`)
    return problem
  }
  const windows = disposables.add(new WindowManager(paths.preload, logger))
  const fileImport = disposables.add(new FileImportService(new ElectronFileImportPlatform(), logger))
  const sendCommand = (command: MenuCommand): void => {
    const window = windows.focus()
    sendToWindows([window], 'menu:command', command)
  }
  const menuActions = {
    command: sendCommand,
    stopHosting: () => void lan.stop(),
    importFile: () => {
      const window = windows.focus()
      fileImport.importInto(window.id).catch((error: unknown) => logger.error({ err: error }, 'File → Import failed'))
    },
    openDataFolder: () => void shell.openPath(join(userData, 'documents')),
    showAbout: () =>
      void dialog.showMessageBox({ type: 'info', title: 'Ensemble', message: `Ensemble ${app.getVersion()}`, detail: t('native.aboutDetail') })
  }
  const trayActions = (): MenuItemConstructorOptions[] => [
    { label: t('tray.show'), click: () => windows.focus() },
    { label: t('menu.newDocument'), click: () => sendCommand('new-document') },
    lan.state.state === 'hosting'
      ? { label: t('menu.stopHosting'), click: menuActions.stopHosting }
      : { label: t('menu.hostOnLan'), click: () => sendCommand('host-session') },
    { type: 'separator' },
    { role: 'quit', label: t('menu.role.quit') }
  ]
  const tray = disposables.add(new ElectronTrayView(nativeImage.createFromPath(paths.trayIcon), trayActions))
  const presence = disposables.add(new PresenceService({ tray, notifier: new ElectronNotifier(), titles: new ElectronWindowTitles() }))
  const refreshMenus = (): void => {
    const template = buildMenuTemplate(
      { platform: process.platform, hosting: lan.state.state === 'hosting', development: !app.isPackaged, appName: 'Ensemble' },
      menuActions
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
    tray.refresh()
  }

  // Updates come from the release feed electron-builder publishes; a build from source has none.
  const updates = disposables.add(
    app.isPackaged
      ? new UpdateService(electronUpdater.autoUpdater as unknown as Updater, app.getVersion(), logger)
      : new UpdateService(null, app.getVersion(), logger, 'a development build (npm start) does not update itself; install a release to get updates')
  )
  updates.start()
  const pdf = disposables.add(new PdfExportService(new ElectronPdfPlatform(), (path, bytes) => writeFileAtomic(path, Buffer.from(bytes)), logger))
  // Local documents also kept on hosted relays: stored here, carried out by the relay process.
  const upstream = disposables.add(await UpstreamLinkService.load(userData, logger))
  relayHost.setUpstreamLinks(upstream.links)
  disposables.add(
    upstream.onDidChangeLinks((links) => {
      relayHost.setUpstreamLinks(links)
      sendToWindows(windows.all, 'upstream:changed', links)
    })
  )
  const requests = new DesktopRequestHandlers({
    pdf,
    updates,
    upstream,
    checkCertificate,
    relayHost,
    settings,
    presence,
    lan,
    discovery,
    library,
    checkAddress: (address) => checkRelayAddress(address),
    openExternal: (url) => openExternally(url, logger),
    takePendingJoin: () => {
      const taken = pendingJoin
      pendingJoin = null
      return taken
    }
  })
  disposables.add(registerIpcHandlers(new IpcDispatcher(requests.handlers, windows.webContentsIds, logger)))

  disposables.add(relayHost.onDidChangeStatus((status) => sendToWindows(windows.all, 'relay:status', status)))
  disposables.add(updates.onDidChangeStatus((status) => sendToWindows(windows.all, 'updates:status', status)))
  disposables.add(
    settings.onDidChangeSettings((value) => {
      sendToWindows(windows.all, 'settings:changed', value)
      // Settings' language reaches the menus, the tray and the native dialogs at once.
      if (applyMainLanguage(value, app.getPreferredSystemLanguages())) refreshMenus()
    })
  )
  disposables.add(library.onDidChangeLibrary((value) => sendToWindows(windows.all, 'library:changed', value)))
  disposables.add(presence.onDidChangePresence((snapshot) => sendToWindows(windows.all, 'presence:changed', snapshot)))
  disposables.add(discovery.onDidChangeSessions((sessions) => sendToWindows(windows.all, 'discovery:changed', sessions)))
  disposables.add(
    lan.onDidChangeState((state) => {
      sendToWindows(windows.all, 'session:changed', state)
      refreshMenus()
    })
  )
  disposables.add(
    windows.onDidCloseWindow((windowId) => {
      presence.windowClosed(windowId)
      requests.windowClosed(windowId)
    })
  )

  // The window checks a join's certificate fingerprint when it opens the document (desktop-bridge).
  const requestJoin = (request: JoinRequest): void => {
    const window = windows.focus()
    // A window that is still loading takes the request with `join:take-pending`.
    if (window.webContents.isLoading()) pendingJoin = request
    else sendToWindows([window], 'join:requested', request)
  }
  const joinFromLink = (result: ReturnType<typeof joinRequestFromUrl> | null): void => {
    if (result === null) return
    if ('request' in result) requestJoin(result.request)
    else void dialog.showMessageBox({ type: 'warning', message: t('native.badLink'), detail: result.problem })
  }
  pendingJoin = takeStartupJoin()
  app.on('second-instance', (_event, argv) => {
    const result = joinRequestFromArgv(argv)
    if (result === null) windows.focus()
    else joinFromLink(result)
  })
  app.on('open-url', (event, url) => {
    event.preventDefault()
    joinFromLink(joinRequestFromUrl(url))
  })
  app.on('activate', () => windows.focus())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  let shutdown: Promise<void> | null = null
  app.on('before-quit', (event) => {
    if (shutdown !== null) return
    event.preventDefault()
    shutdown = (async () => {
      logger.info('quitting: stopping the LAN session and the relay')
      await lan.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping the LAN session failed'))
      await relayHost.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping the relay failed'))
      disposables.dispose()
    })()
    void shutdown.finally(() => app.quit())
  })

  refreshMenus()
  windows.open()
  relayHost.start().catch((error: unknown) => logger.error({ err: error }, 'the relay did not start'))
}
