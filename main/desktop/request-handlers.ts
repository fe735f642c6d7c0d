import type { JoinRequest } from '../../app/ipc'
import type { IDiscoveryService } from '../discovery/discovery-service'
import type { RequestHandlers } from '../ipc/ipc-dispatcher'
import type { ILanSessionService } from '../lan/lan-session-service'
import type { ILibraryService } from '../library/library-service'
import type { IPresenceService } from '../presence/presence-service'
import type { IRelayHostService } from '../relay-host/relay-host-service'
import { checkExternalUrl } from '../security/external-url'
import type { ISettingsService } from '../settings/settings-service'
import type { IPdfExportService } from '../transfer/pdf-export-service'
import type { IUpdateService } from '../updates/update-service'
import type { IUpstreamLinkService } from '../upstream/upstream-link-service'

export interface DesktopServices {
  readonly relayHost: Pick<IRelayHostService, 'status'>
  readonly settings: Pick<ISettingsService, 'settings' | 'update'>
  readonly presence: Pick<IPresenceService, 'snapshot' | 'report' | 'setWindowDocument'>
  readonly lan: Pick<ILanSessionService, 'state' | 'host' | 'stop' | 'createInvite'>
  readonly discovery: Pick<IDiscoveryService, 'sessions' | 'startBrowsing' | 'stopBrowsing'>
  readonly library: Pick<ILibraryService, 'library' | 'recordDocument' | 'forgetDocument' | 'rememberRelay' | 'forgetRelay'>
  checkAddress(address: string): Promise<{ relay: string }>
  /** Opens an already validated http(s) URL in the system browser. */
  openExternal(url: string): void
  /** The join link that started the app, handed out once. */
  takePendingJoin(): JoinRequest | null
  readonly pdf: Pick<IPdfExportService, 'exportWindow'>
  readonly updates: Pick<IUpdateService, 'status' | 'check' | 'install'>
  readonly upstream: Pick<IUpstreamLinkService, 'links' | 'link' | 'unlink'>
  /** Compares a LAN relay's certificate with an invite's fingerprint, pinning it when they match (`null`), else says why not. */
  checkCertificate(relay: string, fingerprint: string): Promise<string | null>
}

/**
 * What each IPC request does, on the services. Payloads arrive validated (`IpcDispatcher`).
 * Browsing for LAN sessions is counted per window, so a window that closes without saying
 * `discovery:stop-browsing` does not keep mDNS running.
 */
export class DesktopRequestHandlers {
  private readonly browsingWindows = new Set<number>()
  readonly handlers: RequestHandlers

  constructor(private readonly services: DesktopServices) {
    const s = services
    this.handlers = {
      'relay:get-status': () => s.relayHost.status,
      'settings:get': () => s.settings.settings,
      'settings:update': (patch) => s.settings.update(patch),
      'settings:set-language': ({ language }) => (s.settings.settings.language === language ? s.settings.settings : s.settings.update({ language })),
      'presence:report': (report, windowId) => s.presence.report(windowId, report),
      'presence:get': () => s.presence.snapshot,
      'session:get-state': () => s.lan.state,
      'session:host': (request) => s.lan.host(request),
      'session:stop': () => s.lan.stop(),
      'session:create-invite': (request) => s.lan.createInvite(request),
      'discovery:browse': (_payload, windowId) => {
        if (!this.browsingWindows.has(windowId)) {
          this.browsingWindows.add(windowId)
          s.discovery.startBrowsing()
        }
        return s.discovery.sessions
      },
      'discovery:stop-browsing': (_payload, windowId) => this.stopBrowsing(windowId),
      'discovery:check-address': ({ address }) => s.checkAddress(address),
      'window:set-document': ({ documentName }, windowId) => s.presence.setWindowDocument(windowId, documentName),
      'shell:open-external': ({ url }) => {
        const checked = checkExternalUrl(url)
        if ('problem' in checked) throw new Error(`not opening the link: ${checked.problem}`)
        // Reviewed (electronegativity): checked just above to be a plain http(s) URL without credentials.
        s.openExternal(checked.url) /* eng-disable OPEN_EXTERNAL_JS_CHECK */
      },
      'join:take-pending': () => s.takePendingJoin(),
      'transfer:export-pdf': (request, windowId) => s.pdf.exportWindow(windowId, request),
      'library:get': () => s.library.library,
      'library:record-document': (address) => s.library.recordDocument(address),
      'library:forget-document': (key) => s.library.forgetDocument(key),
      'library:remember-relay': (relay) => s.library.rememberRelay(relay),
      'library:forget-relay': ({ url }) => s.library.forgetRelay(url),
      'updates:get-status': () => s.updates.status,
      'updates:check': () => s.updates.check(),
      'updates:install': () => s.updates.install(),
      'security:check-certificate': async ({ relay, fingerprint }) => ({ problem: await s.checkCertificate(relay, fingerprint) }),
      'upstream:get': () => s.upstream.links,
      'upstream:link': (link) => s.upstream.link(link),
      'upstream:unlink': ({ document }) => s.upstream.unlink(document)
    }
  }

  /** Releases what a closed window held (its mDNS browsing). */
  windowClosed(windowId: number): void {
    this.stopBrowsing(windowId)
  }

  private stopBrowsing(windowId: number): void {
    if (this.browsingWindows.delete(windowId)) this.services.discovery.stopBrowsing()
  }
}
