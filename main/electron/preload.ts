/**
 * The preload of every app window (sandboxed, context-isolated): exposes `window.ensemble`, the
 * typed API of `app/desktop-api.ts`, and nothing else. It can reach only the channels of the IPC
 * contract; the main process checks sender and payload of each request again.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createDesktopApi, desktopApiGlobalName } from '../../app/desktop-api'
import { isEventChannel, isRequestChannel } from '../../app/ipc-channels'

const api = createDesktopApi({
  invoke: (channel, payload) => {
    if (!isRequestChannel(channel)) return Promise.reject(new Error(`${channel} is not a channel of the app API`))
    return ipcRenderer.invoke(channel, payload)
  },
  subscribe: (channel, listener) => {
    if (!isEventChannel(channel)) throw new Error(`${channel} is not an event of the app API`)
    // Only the payload crosses into the page, never the IPC event (it holds `sender`).
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  }
})

contextBridge.exposeInMainWorld(desktopApiGlobalName, api)
