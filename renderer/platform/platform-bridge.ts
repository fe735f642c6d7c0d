import type { PlatformBridge } from '../../app/bridge'
import { desktopApiGlobalName, type EnsembleDesktopApi } from '../../app/desktop-api'
import { createDesktopBridge } from './desktop-bridge'
import { createWebBridge } from './web-bridge'

/**
 * The bridge of the platform the renderer runs on: the desktop bridge over the preload's
 * `window.ensemble`, or the web bridge in a browser. Nothing else in the renderer knows which.
 */
export const platformBridge = (): PlatformBridge => {
  const desktop = (window as unknown as Record<string, unknown>)[desktopApiGlobalName] as Partial<EnsembleDesktopApi> | undefined
  if (desktop === undefined) return createWebBridge(window)
  if (desktop.kind !== 'desktop' || desktop.settings === undefined || desktop.relay === undefined) {
    throw new TypeError(`window.${desktopApiGlobalName} is not the desktop API this renderer expects; the preload and the renderer do not match`)
  }
  return createDesktopBridge(desktop as EnsembleDesktopApi, window)
}
