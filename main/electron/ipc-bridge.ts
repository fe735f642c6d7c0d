import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { requestChannels, type EventChannel, type EventPayloads } from '../../app/ipc'
import type { Disposable } from '../common/event'
import type { IpcDispatcher } from '../ipc/ipc-dispatcher'

/** Registers one `ipcMain.handle` per request channel of the contract, each through the dispatcher's checks. */
export const registerIpcHandlers = (dispatcher: IpcDispatcher): Disposable => {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatcher.dispatch(
        channel,
        {
          webContentsId: event.sender.id,
          frameUrl: event.senderFrame?.url ?? null,
          isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null,
          windowId: BrowserWindow.fromWebContents(event.sender)?.id ?? -1
        },
        payload
      )
    )
  }
  return { dispose: () => requestChannels.forEach((channel) => ipcMain.removeHandler(channel)) }
}

/** Sends an event to app windows (all of them, or one). */
export const sendToWindows = <E extends EventChannel>(
  windows: Iterable<BrowserWindow>,
  channel: E,
  payload: EventPayloads[E]
): void => {
  for (const window of windows) {
    if (!window.isDestroyed()) window.webContents.send(channel, payload)
  }
}
