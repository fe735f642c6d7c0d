import { appOrigin, isAppUrl } from '../security/app-origin'

/** What the main process knows about the sender of an IPC message. */
export interface IpcSender {
  /** `webContents.id` of the sender. */
  readonly webContentsId: number
  /** URL of the sending frame (`event.senderFrame.url`), or `null` when the frame is gone. */
  readonly frameUrl: string | null
  /** Whether the sending frame is its page's top frame. */
  readonly isMainFrame: boolean
}

/**
 * Why a message from `sender` must be refused, or `null` when it comes from the top frame of an
 * app page in one of our windows. Subframes, other origins (a page that navigated away, or
 * injected content) and unknown web contents never reach a handler.
 */
export const senderProblem = (sender: IpcSender, ourWebContents: ReadonlySet<number>): string | null => {
  if (!ourWebContents.has(sender.webContentsId)) return `web contents ${sender.webContentsId} is not an Ensemble window`
  if (sender.frameUrl === null) return 'the sending frame no longer exists'
  if (!sender.isMainFrame) return `a subframe (${sender.frameUrl.slice(0, 100)}) may not use the app API`
  if (isAppUrl(sender.frameUrl)) return null
  return `the page ${sender.frameUrl.slice(0, 100)} may not use the app API; only pages of ${appOrigin}`
}
