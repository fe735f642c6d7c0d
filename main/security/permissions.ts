import { isAppUrl } from './app-origin'

/**
 * Web permissions the renderer may have. Everything else (camera, microphone, geolocation,
 * notifications from the page, MIDI, USB, HID, serial, fullscreen by the page…) is denied: the app
 * does not use them, and notifications come from the main process.
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export const isPermissionAllowed = (permission: string, requestingUrl: string): boolean =>
  allowedPermissions.has(permission) && isAppUrl(requestingUrl)
