/**
 * The Content-Type of each kind of file in the web client's build (`dist/web`). The relay's HTTP
 * server and the desktop app's `app://` protocol serve the same build, so they share this table.
 */
const contentTypes: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.woff2', 'font/woff2'],
  ['.wasm', 'application/wasm'],
  ['.map', 'application/json; charset=utf-8']
])

/** The Content-Type for a file extension with its dot (`.js`, as `extname` gives it); unknown kinds are plain bytes. */
export const contentTypeOf = (extension: string): string => contentTypes.get(extension) ?? 'application/octet-stream'
