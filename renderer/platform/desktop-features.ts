import { documentMenuCommands, type DiscoveryBridge, type DocumentMenuCommand, type HostingBridge, type LibraryBridge, type PlatformCommand } from '../../app/bridge'
import type { EnsembleDesktopApi } from '../../app/desktop-api'
import { documentNameProblem } from '../../app/document-name'
import { addressToRecord } from '../../app/library'
import type { MenuCommand } from '../../app/ipc'

/** The library over the preload: kept by the main process in the user-data folder, shared by every window. */
export const desktopLibrary = (api: EnsembleDesktopApi): LibraryBridge => ({
  get: () => api.library.get(),
  recordOpened: (target) => api.library.recordDocument(addressToRecord(target)),
  forgetDocument: (key) => api.library.forgetDocument(key),
  rememberRelay: (relay) => api.library.rememberRelay(relay),
  forgetRelay: (url) => api.library.forgetRelay(url),
  onChanged: (listener) => api.library.onChanged(listener)
})

/** Hosting over the preload: the main process's LAN session; the LAN port is a setting. */
export const desktopHosting = (api: EnsembleDesktopApi): HostingBridge => ({
  unavailableReason: null,
  getState: () => api.session.getState(),
  host: (request) => api.session.host(request),
  stop: () => api.session.stop(),
  createInvite: (request) => api.session.createInvite(request),
  onChanged: (listener) => api.session.onChanged(listener),
  getLanPort: async () => (await api.settings.get()).lanPort,
  setLanPort: async (port) => {
    await api.settings.update({ lanPort: port })
  }
})

/**
 * Discovery over the preload: the main process browses by mDNS while some home screen asks it to
 * (and stops for a window that closes without saying so). `release` stops this page's browsing
 * and waits until the main process has heard it: the bridge calls it before it navigates away,
 * because a request sent while the page unloads may never arrive.
 */
export const desktopDiscovery = (api: EnsembleDesktopApi): DiscoveryBridge & { release(): Promise<void> } => {
  const browsing = new Set<() => Promise<void>>()
  return {
    unavailableReason: null,
    browse: (listener) => {
      let stopped = false
      const unsubscribe = api.discovery.onChanged((sessions) => {
        if (!stopped) listener.sessions(sessions)
      })
      api.discovery.browse().then(
        (sessions) => {
          if (!stopped) listener.sessions(sessions)
        },
        (error: unknown) => listener.problem(`looking for sessions on the network failed: ${error instanceof Error ? error.message : String(error)}`)
      )
      const stop = async (): Promise<void> => {
        if (stopped) return
        stopped = true
        browsing.delete(stop)
        unsubscribe()
        await api.discovery.stopBrowsing().catch((error: unknown) => console.error('Ensemble: could not stop looking for LAN sessions', error))
      }
      browsing.add(stop)
      return () => void stop()
    },
    checkAddress: async (address) => (await api.discovery.checkAddress(address)).relay,
    release: async () => {
      await Promise.all([...browsing].map((stop) => stop()))
    }
  }
}

/**
 * Native menu items and `ensemble://` links opened while the app runs, as page commands. Undo,
 * redo and Save Version are left to the open document (`documentOpened`).
 */
export const onDesktopCommand = (api: EnsembleDesktopApi, listener: (command: PlatformCommand) => void): (() => void) => {
  const stopMenu = api.menu.onCommand((command) => {
    if (!isDocumentMenuCommand(command)) listener({ kind: 'menu', command })
  })
  const stopJoin = api.join.onRequested((request) => {
    // The main process parsed the link already; a name that slipped through is refused here too.
    const problem = documentNameProblem(request.doc)
    if (problem !== null) {
      console.error(`Ensemble: ignoring a join link for an invalid document name: ${problem}`)
      return
    }
    listener({
      kind: 'join',
      address: {
        documentName: request.doc,
        relayUrl: request.relay,
        ...(request.token === undefined ? {} : { token: request.token }),
        ...(request.fingerprint === undefined ? {} : { fingerprint: request.fingerprint }),
        ...(request.also === undefined ? {} : { also: request.also }),
        ...(request.alsoToken === undefined ? {} : { alsoToken: request.alsoToken })
      }
    })
  })
  return () => {
    stopMenu()
    stopJoin()
  }
}

const isDocumentMenuCommand = (command: MenuCommand): command is DocumentMenuCommand => (documentMenuCommands as readonly string[]).includes(command)
