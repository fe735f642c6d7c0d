import { extname, join, normalize, sep } from 'node:path'
import { desktopAppHost, desktopAppOrigin, desktopAppScheme } from '../../app/desktop-origin'

/**
 * The renderer is served from `app://ensemble/…` (a standard, secure custom scheme) rather than
 * `file://`: it gets a real origin, so the CSP, the IPC sender check and navigation rules can
 * name it, and no page can read arbitrary files.
 */
export const appScheme = desktopAppScheme
export const appHost = desktopAppHost
export const appOrigin = desktopAppOrigin
export const appEntryUrl = `${appOrigin}/index.html`

/**
 * The Content-Security-Policy of every app page: scripts and styles only from the app itself; no
 * plugins, frames, forms or base changes; connections to any relay (local, LAN, hosted): its
 * WebSocket and its HTTP access check, which tells a refused upgrade's reason; images also from the
 * web and pasted data. `style-src-attr` allows the inline `style` attributes
 * that ProseMirror and y-prosemirror's cursors set.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss: http: https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

export type AppAsset = { readonly file: string } | { readonly status: 400 | 403 | 404; readonly message: string }

/**
 * Maps an `app://ensemble/…` request to a file under `root`. Paths without an extension are the
 * renderer's own routes and get `index.html`; anything outside `root` is refused.
 */
export const resolveAppAsset = (root: string, requestUrl: string): AppAsset => {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { status: 400, message: `not a URL: ${requestUrl}` }
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) {
    return { status: 403, message: `${url.protocol}//${url.host} is not the app's origin` }
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { status: 400, message: `the path ${url.pathname} is not valid URL encoding` }
  }
  if (pathname.includes('\0')) return { status: 400, message: 'the path contains a NUL character' }
  const relative = normalize(pathname).replace(/^([/\\])+/, '')
  const file = join(root, relative === '' ? 'index.html' : extname(relative) === '' ? 'index.html' : relative)
  const rootWithSep = root.endsWith(sep) ? root : root + sep
  if (!file.startsWith(rootWithSep)) return { status: 404, message: `no such file: ${url.pathname}` }
  return { file }
}

/**
 * Whether `url` belongs to the app's origin. (Node's `URL` gives custom schemes the origin "null",
 * so compare scheme and host.) Pages may navigate only to such URLs.
 */
export const isAppUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost
  } catch {
    return false
  }
}
