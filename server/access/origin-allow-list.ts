import { desktopAppOrigin } from '../../app/desktop-origin'
import { RelayRefusal, type RelayExtension } from '../extension'

/**
 * Normalises an allowed origin as browsers send it (`https://docs.example.com`, no path, no trailing
 * slash). Throws a `RangeError` naming the entry when it is not an origin.
 */
export const normalizeOrigin = (entry: string): string => {
  const trimmed = entry.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new RangeError(`"${entry}" is not an origin; write it as scheme://host[:port], e.g. https://docs.example.com`)
  }
  // Schemes without a host-based origin (file://, custom app schemes) are compared as written.
  if (url.origin === 'null') return trimmed
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new RangeError(`"${entry}" has a path or query; an origin is only scheme://host[:port], e.g. ${url.origin}`)
  }
  return url.origin
}

/**
 * Refuses (403) WebSocket upgrades from browser pages whose `Origin` is neither in `origins`, nor the
 * relay's own origin (the web client it serves), nor the desktop app's (`app://ensemble`). Requests
 * without an `Origin` header come from programs, not from pages a user merely visited, so they
 * pass; tokens guard those.
 */
export const originAllowList = (origins: readonly string[]): RelayExtension => {
  const allowed = new Set(origins.map(normalizeOrigin))
  return {
    name: 'origin-allow-list',
    priority: 5,
    onAuthenticate(context) {
      const origin = context.headers.origin
      if (isAlwaysAdmitted(origin, context.headers.host) || (origin !== undefined && allowed.has(origin))) return
      throw new RelayRefusal(
        403,
        `pages from ${JSON.stringify(origin)} may not connect to this relay; the operator can add the origin to --allowed-origins`
      )
    }
  }
}

/**
 * The callers every relay admits whatever its list says: programs (no `Origin`), the desktop app's
 * windows, and the web client the relay serves itself (`origin` matching the request's `Host`).
 */
export const isAlwaysAdmitted = (origin: string | undefined, host: string | undefined): boolean =>
  origin === undefined || origin === desktopAppOrigin || isSameOrigin(origin, host)

const isSameOrigin = (origin: string, host: string | undefined): boolean => {
  if (host === undefined) return false
  try {
    const url = new URL(origin)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase()
  } catch {
    return false
  }
}
