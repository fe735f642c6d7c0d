import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron'
import type { FileToImport } from '../../app/ipc'
import type { FileImportPlatform } from '../transfer/file-import-service'
import { sendToWindows } from './ipc-bridge'
import { t } from '../../app/i18n/translate'

/** Electron's open dialog, message box and window messaging, for `FileImportService`. */
export class ElectronFileImportPlatform implements FileImportPlatform {
  async askOpenPath(windowId: number): Promise<string | null> {
    const options: OpenDialogOptions = {
      title: t('native.importTitle'),
      properties: ['openFile'],
      filters: [
        { name: t('native.importFilter'), extensions: ['md', 'markdown', 'html', 'htm'] },
        { name: t('native.allFiles'), extensions: ['*'] }
      ]
    }
    const window = BrowserWindow.fromId(windowId)
    const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }

  sendToWindow(windowId: number, file: FileToImport): void {
    const window = BrowserWindow.fromId(windowId)
    if (window !== null) sendToWindows([window], 'transfer:import-file', file)
  }

  showProblem(windowId: number, message: string): void {
    const window = BrowserWindow.fromId(windowId)
    const options = { type: 'warning' as const, message: t('native.cannotImport'), detail: message }
    void (window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options))
  }
}
