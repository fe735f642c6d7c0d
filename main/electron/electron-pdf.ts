import { join } from 'node:path'
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron'
import type { PdfPlatform } from '../transfer/pdf-export-service'
import { t } from '../../app/i18n/translate'

/** The save dialog and `webContents.printToPDF` of Electron, for `PdfExportService`. */
export class ElectronPdfPlatform implements PdfPlatform {
  async askSavePath(windowId: number, suggestedName: string): Promise<string | null> {
    const options: SaveDialogOptions = {
      title: t('native.exportPdf'),
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }]
    }
    const window = BrowserWindow.fromId(windowId)
    const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options)
    return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath
  }

  async printToPdf(windowId: number): Promise<Uint8Array> {
    const window = BrowserWindow.fromId(windowId)
    if (window === null || window.isDestroyed()) throw new Error(`window ${windowId} has closed`)
    const data = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      margins: { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 },
      generateDocumentOutline: true
    })
    return new Uint8Array(data)
  }
}
