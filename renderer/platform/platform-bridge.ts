import { platformBridgeGlobal, type PlatformBridge } from '../../app/bridge'
import { createWebBridge } from './web-bridge'

/**
 * The bridge of the platform the renderer runs on: the one the Electron preload exposed, or the
 * web bridge in a browser. Nothing else in the renderer knows which it got.
 */
export const platformBridge = (): PlatformBridge => {
  const exposed = (window as unknown as Record<string, unknown>)[platformBridgeGlobal]
  if (exposed === undefined) return createWebBridge(window)
  const bridge = exposed as Partial<PlatformBridge>
  const missing = (['loadProfile', 'saveProfile', 'currentDocument', 'openDocument'] as const).filter(
    (method) => typeof bridge[method] !== 'function'
  )
  if (missing.length > 0) {
    throw new TypeError(`window.${platformBridgeGlobal} lacks ${missing.join(', ')}; the preload script and the renderer do not match`)
  }
  return bridge as PlatformBridge
}
