/**
 * Where the desktop app's windows come from: `app://ensemble/…`, a standard, secure custom scheme
 * the main process serves. Relays see `desktopAppOrigin` as the `Origin` of the app's connections
 * and admit it like the pages they serve themselves; no web page can have it.
 */
export const desktopAppScheme = 'app'
export const desktopAppHost = 'ensemble'
export const desktopAppOrigin = `${desktopAppScheme}://${desktopAppHost}`
