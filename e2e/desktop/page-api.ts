/**
 * Bundled into each headless desktop window as an init script: what the preload does in Electron,
 * over a Playwright binding instead of `ipcRenderer`. The object in `window.ensemble` is built by
 * the same `createDesktopApi` as the preload's; requests go to `window.__ensembleIpc` (the test's
 * IPC door, where the real main-process services answer), and events arrive through
 * `window.__ensembleEmit`.
 */
import { createDesktopApi, desktopApiGlobalName } from '../../app/desktop-api'
import { isEventChannel, isRequestChannel } from '../../app/ipc-channels'

type Listener = (payload: unknown) => void
const page = window as unknown as Record<string, unknown> & { __ensembleIpc(channel: string, payload: unknown): Promise<unknown> }
const listeners = new Map<string, Set<Listener>>()

const api = createDesktopApi({
  invoke: (channel, payload) => {
    if (!isRequestChannel(channel)) return Promise.reject(new Error(`${channel} is not a channel of the app API`))
    return page.__ensembleIpc(channel, payload)
  },
  subscribe: (channel, listener) => {
    if (!isEventChannel(channel)) throw new Error(`${channel} is not an event of the app API`)
    const set = listeners.get(channel) ?? new Set<Listener>()
    listeners.set(channel, set)
    set.add(listener)
    return () => void set.delete(listener)
  }
})

Object.defineProperty(window, '__ensembleEmit', {
  value: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload))
})
// Frozen and read-only, like an object exposed through contextBridge.
Object.defineProperty(window, desktopApiGlobalName, { value: Object.freeze(api), enumerable: true })
