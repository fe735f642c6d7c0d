import { BrowserWindow, dialog } from 'electron'
import type { Logger } from 'pino'
import { Emitter, type Disposable } from '../common/event'
import { appEntryUrl } from '../security/app-origin'
import { t } from '../../app/i18n/translate'

/** Opens app windows and knows which web contents are ours (for the IPC sender check). */
export class WindowManager implements Disposable {
  /** `webContents.id` of every open app window. */
  readonly webContentsIds = new Set<number>()
  private readonly windows = new Map<number, BrowserWindow>()
  private readonly closedEmitter = new Emitter<number>()
  /** Fires with the window id after a window closed. */
  readonly onDidCloseWindow = this.closedEmitter.event

  constructor(
    private readonly preload: string,
    private readonly logger: Logger
  ) {}

  get all(): BrowserWindow[] {
    return [...this.windows.values()]
  }

  /** The focused app window, else the most recent one. */
  get current(): BrowserWindow | undefined {
    return this.all.find((window) => window.isFocused()) ?? this.all.at(-1)
  }

  open(): BrowserWindow {
    const window = new BrowserWindow({
      width: 1100,
      height: 780,
      minWidth: 480,
      minHeight: 360,
      show: false,
      title: 'Ensemble',
      // Electron's security checklist, spelled out here so that reviewers and electronegativity see it.
      webPreferences: {
        // Reviewed (electronegativity): the preload exposes only the typed API of app/desktop-api.ts.
        preload: this.preload, /* eng-disable PRELOAD_JS_CHECK */
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        // A middle click would open links in a new window; the window-open handler denies that anyway.
        disableBlinkFeatures: 'Auxclick',
        spellcheck: true
      }
    })
    const windowId = window.id
    const contentsId = window.webContents.id
    this.windows.set(windowId, window)
    this.webContentsIds.add(contentsId)
    window.once('ready-to-show', () => window.show())
    // The renderer sets its own title through the presence service.
    window.on('page-title-updated', (event) => event.preventDefault())
    window.webContents.on('render-process-gone', (_event, details) =>
      this.logger.error({ windowId, reason: details.reason, exitCode: details.exitCode }, 'a window\'s renderer process ended')
    )
    // The editor asks before closing while the relay has not confirmed some changes
    // (renderer/session/save-status-view.ts); Electron shows no dialog of its own for that.
    window.webContents.on('will-prevent-unload', (event) => {
      const choice = dialog.showMessageBoxSync(window, {
        type: 'warning',
        buttons: [t('native.keepOpen'), t('native.closeAnyway')],
        defaultId: 0,
        cancelId: 0,
        title: t('native.unsavedTitle'),
        message: t('native.unsavedMessage'),
        detail: t('native.unsavedDetail')
      })
      // Preventing the event ignores the page's request, letting the window close.
      if (choice === 1) event.preventDefault()
    })
    window.once('closed', () => {
      this.windows.delete(windowId)
      this.webContentsIds.delete(contentsId)
      this.closedEmitter.fire(windowId)
    })
    window.loadURL(appEntryUrl).catch((error: unknown) => this.logger.error({ err: error }, `could not load ${appEntryUrl}`))
    return window
  }

  /** Brings a window forward, opening one if there is none. */
  focus(): BrowserWindow {
    const window = this.current ?? this.open()
    if (window.isMinimized()) window.restore()
    window.focus()
    return window
  }

  dispose(): void {
    this.closedEmitter.dispose()
  }
}
