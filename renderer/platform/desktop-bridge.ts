import { t } from '../../app/i18n/translate'
import type { DocumentTarget, OpenedDocument, PlatformBridge, TransferCommand } from '../../app/bridge'
import type { EnsembleDesktopApi } from '../../app/desktop-api'
import { documentNameProblem } from '../../app/document-name'
import type { MenuCommand, RelayStatus } from '../../app/ipc'
import { profileProblem } from '../../app/profile'
import { desktopDiscovery, desktopHosting, desktopLibrary, onDesktopCommand } from './desktop-features'
import { addressUrl, documentUrl, homeUrl, parseWebClientUrl } from './web-url'

/** How long a window waits for the embedded relay to listen before it says why it cannot open. */
export const localRelayWaitMs = 15_000

/** What the desktop bridge needs from the page besides the API; `window` in the app. */
export interface DesktopPage {
  readonly location: { readonly href: string; assign(url: string): void }
}

/**
 * The platform bridge of the desktop app, over the preload's `window.ensemble`
 * (`app/desktop-api.md`). The window's URL (`app://ensemble/?doc=NAME`, with `&relay=` and
 * `#token=` for a document on another relay) says what it shows, like the web client's; local
 * documents live in the embedded relay. A pending `ensemble://join` link wins over the URL.
 */
export const createDesktopBridge = (api: EnsembleDesktopApi, page: DesktopPage): PlatformBridge => {
  const discovery = desktopDiscovery(api)
  /** Leaves this page for `url`, after telling the main process what the page stops using. */
  const navigate = async (url: string): Promise<void> => {
    await discovery.release()
    page.location.assign(url)
  }
  return {
    loadProfile: async () => {
      const settings = await api.settings.get()
      const profile = { name: settings.displayName, color: settings.color }
      return profileProblem(profile) === null ? profile : null
    },
    saveProfile: async (profile) => {
      await api.settings.update({ displayName: profile.name.trim(), color: profile.color })
    },
    saveLanguageChoice: async (choice) => {
      await api.settings.setLanguage(choice)
    },
    currentDocument: async (): Promise<DocumentTarget | null> => {
      const join = await api.join.takePending()
      if (join !== null) {
        const problem = documentNameProblem(join.doc)
        if (problem !== null) throw new RangeError(t('platform.inviteCannotOpen', { problem }))
        return verified(api, {
          relayUrl: join.relay,
          documentName: join.doc,
          local: false,
          ...(join.token === undefined ? {} : { token: join.token }),
          ...(join.fingerprint === undefined ? {} : { fingerprint: join.fingerprint }),
          ...(join.also === undefined ? {} : { also: join.also }),
          ...(join.alsoToken === undefined ? {} : { alsoToken: join.alsoToken })
        })
      }
      const request = parseWebClientUrl(page.location.href)
      if (request.documentProblem !== null) throw new RangeError(t('platform.windowCannotOpen', { problem: request.documentProblem }))
      if (request.documentName === null) return null
      return verified(api, {
        relayUrl: request.relayGiven ? request.relayUrl : await localRelayUrl(api),
        documentName: request.documentName,
        local: !request.relayGiven,
        ...(request.token === null ? {} : { token: request.token }),
        ...(request.fingerprint === null || !request.relayGiven ? {} : { fingerprint: request.fingerprint }),
        ...(request.also === null || !request.relayGiven ? {} : { also: request.also }),
        ...(request.alsoToken === null || !request.relayGiven ? {} : { alsoToken: request.alsoToken })
      })
    },
    openDocument: (name) => navigate(documentUrl(page.location.href, name)),
    documentOpened: (document) => {
      const report = (): void => {
        api.presence
          .report({
            documentName: document.documentName,
            relay: document.relayUrl,
            localClientId: document.localClientId,
            people: document.people()
          })
          .catch((error: unknown) => console.error(`Ensemble: presence report for "${document.documentName}" refused`, error))
      }
      void api.window.setDocument(document.documentName)
      report()
      const stopPeople = document.onPeopleChanged(report)
      const stopMenu = api.menu.onCommand((command) => runMenuCommand(document, command))
      return () => {
        stopPeople()
        stopMenu()
        void api.window.setDocument(null)
      }
    },
    onProfileChanged: (listener) =>
      api.settings.onChanged((settings) => {
        const profile = { name: settings.displayName, color: settings.color }
        if (profileProblem(profile) === null) listener(profile)
      }),
    open: async (address) => {
      const status = await api.relay.getStatus()
      await navigate(addressUrl(page.location.href, address, status.state === 'listening' ? status.url : null))
    },
    openHome: () => navigate(homeUrl(page.location.href)),
    ownRelayUrl: () => localRelayUrl(api),
    homeOpened: () => {
      // The title goes back to the app's name, and presence forgets this window's last document.
      api.window.setDocument(null).catch((error: unknown) => console.error('Ensemble: could not tell the app that the home screen is open', error))
      return () => undefined
    },
    onCommand: (listener) => onDesktopCommand(api, listener),
    transfer: {
      exportPdf: (documentName) => api.transfer.exportPdf({ documentName }),
      onCommand: (listener) =>
        api.menu.onCommand((command) => {
          const transfer = transferCommands[command]
          if (transfer !== undefined) listener(transfer)
        }),
      onFileToImport: (listener) => api.transfer.onImportFile(listener)
    },
    library: desktopLibrary(api),
    hosting: desktopHosting(api),
    updates: api.updates,
    upstream: api.upstream,
    embeddedRelay: { url: () => localRelayUrl(api) },
    discovery
  }
}

/** File-menu commands that export, by the name the renderer's transfer code knows them. */
const transferCommands: Partial<Record<MenuCommand, TransferCommand>> = {
  'export-markdown': 'export-md',
  'export-html': 'export-html',
  'export-text': 'export-txt',
  'export-pdf': 'export-pdf'
}

/** Menu commands that act on the open document; the others belong to the home screen. */
const runMenuCommand = (document: OpenedDocument, command: string): void => {
  if (command === 'undo') document.undo()
  else if (command === 'redo') document.redo()
  else if (command === 'save-version') document.saveVersion()
  else if (command === 'find' || command === 'find-replace') document.find(command === 'find-replace')
}

/** The embedded relay's WebSocket URL, waiting (bounded) while it starts or restarts. */
const localRelayUrl = (api: EnsembleDesktopApi): Promise<string> =>
  new Promise((resolve, reject) => {
    let last: RelayStatus | null = null
    const settle = (status: RelayStatus): boolean => {
      last = status
      if (status.state !== 'listening') return false
      clearTimeout(timer)
      unsubscribe()
      resolve(status.url)
      return true
    }
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`the local relay is not running (${describe(last)}); restart Ensemble to open local documents`))
    }, localRelayWaitMs)
    const unsubscribe = api.relay.onStatus(settle)
    api.relay.getStatus().then(settle, (error: unknown) => {
      clearTimeout(timer)
      unsubscribe()
      reject(error instanceof Error ? error : new Error(String(error)))
    })
  })

const describe = (status: RelayStatus | null): string => {
  if (status === null) return 'no status reported'
  switch (status.state) {
    case 'crashed':
      return `crashed: ${status.reason}`
    case 'restarting':
      return `restarting, attempt ${status.attempt}`
    case 'stopped':
      return status.reason === undefined ? 'stopped' : `stopped: ${status.reason}`
    default:
      return status.state
  }
}

/**
 * A document on a LAN host that made its own certificate opens only when the host presents the one
 * its invite named: the main process checks it, and accepts it from that host from then on.
 */
const verified = async (api: EnsembleDesktopApi, target: DocumentTarget): Promise<DocumentTarget> => {
  if (target.fingerprint === undefined) return target
  const { problem } = await api.security.checkCertificate(target.relayUrl, target.fingerprint)
  if (problem !== null) throw new RangeError(t('platform.hostNotVerified', { problem }))
  return target
}
