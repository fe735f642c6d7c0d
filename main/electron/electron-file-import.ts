import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron'
import type { FileToImport } from '../../app/ipc'
import type { FileImportPlatform } from '../transfer/file-import-service'
import { sendToWindows } from './ipc-bridge'

/** Electron's open dialog, message box and window messaging, for `FileImportService`. */
export class ElectronFileImportPlatform implements FileImportPlatform {
  async askOpenPath(windowId: number): Promise<string | null> {
    const options: OpenDialogOptions = {
      title: 'Import a Markdown or HTML file',
      properties: ['openFile'],
      filters: [
        { name: 'Markdown and HTML', extensions: ['md', 'markdown', 'html', 'htm'] },
        { name: 'All files', extensions: ['*'] }
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
    const options = { type: 'warning' as const, message: 'This file cannot be imported', detail: message }
    void (window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options))
  }
}
