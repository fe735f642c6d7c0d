import type { DiscoveryBridge, HostingBridge } from '../../app/bridge'
import { parseRelayAddress } from '../../app/invite-link'
import { t } from '../../app/i18n/translate'

/** What the browser shows instead of "Host on LAN". */
export const webHostingUnavailable = (): string => t('share.webHostingUnavailable')

/** What the browser shows instead of the list of LAN sessions. */
export const webDiscoveryUnavailable = (): string => t('share.webDiscoveryUnavailable')

/** Hosting in a browser: not possible, and every call says so. */
export const webHosting: HostingBridge = {
  get unavailableReason() {
    return webHostingUnavailable()
  },
  getState: async () => ({ state: 'off' }),
  host: async () => Promise.reject(new Error(webHostingUnavailable())),
  stop: async () => ({ state: 'off' }),
  createInvite: async () => Promise.reject(new Error(webHostingUnavailable())),
  onChanged: () => () => undefined,
  getLanPort: async () => Promise.reject(new Error(webHostingUnavailable())),
  setLanPort: async () => Promise.reject(new Error(webHostingUnavailable()))
}

/** What the address check needs from the page; `window` in a browser. */
export interface AddressCheckPage {
  readonly location: { readonly href: string }
  fetch(input: string, init?: RequestInit): Promise<Response>
}

/** How long the address check waits for an answer. */
export const addressCheckTimeoutMs = 5_000

/**
 * LAN sessions in a browser: no mDNS, so no list; a typed address is checked by asking its
 * `/healthz`. A relay on another origin sends no CORS headers, so the browser lets the page see
 * only that something answered over HTTP there (an opaque response), not what; the relay's own
 * origin is read in full. A WebSocket that then fails shows in the connection status.
 */
export const createWebDiscovery = (page: AddressCheckPage): DiscoveryBridge => ({
  get unavailableReason() {
    return webDiscoveryUnavailable()
  },
  browse: () => () => undefined,
  checkAddress: async (address) => {
    const relay = parseRelayAddress(address)
    const health = `${relay.replace(/^ws/, 'http')}/healthz`
    if (new URL(page.location.href).protocol === 'https:' && relay.startsWith('ws:')) {
      throw new Error(t('platform.httpsToWs', { relay, page: relay.replace(/^ws/, 'http') }))
    }
    let response: Response
    try {
      // (A no-cors request must follow redirects; the fetch standard refuses `redirect: 'error'` with it.)
      response = await page.fetch(health, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(addressCheckTimeoutMs) })
    } catch (error) {
      throw new Error(
        t('platform.nothingAnswered', { relay, reason: error instanceof Error ? error.message : String(error) }),
        { cause: error }
      )
    }
    if (response.type !== 'opaque') {
      const body = (await response.json().catch(() => null)) as { status?: unknown } | null
      if (!response.ok || (body?.status !== 'ok' && body?.status !== 'degraded')) {
        throw new Error(t('platform.notARelay', { relay, status: response.status }))
      }
    }
    return relay
  }
})
