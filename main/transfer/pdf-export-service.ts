import type { Logger } from 'pino'
import type { PdfExportRequest, PdfExportResponse } from '../../app/ipc'
import { Emitter, type Disposable, type Event } from '../common/event'

/** What PDF export needs of Electron: a save dialog and `webContents.printToPDF`, per window. */
export interface PdfPlatform {
  /** Asks where to save; resolves with the chosen path, or `null` when the user cancelled. */
  askSavePath(windowId: number, suggestedName: string): Promise<string | null>
  /** Prints the window's page (its print stylesheet applies) to PDF bytes. */
  printToPdf(windowId: number): Promise<Uint8Array>
}

export interface IPdfExportService extends Disposable {
  /** Fires with the path of each PDF written. */
  readonly onDidExport: Event<string>
  exportWindow(windowId: number, request: PdfExportRequest): Promise<PdfExportResponse>
}

/**
 * Exports a window's document as PDF: the user picks the file (suggested: the document's name),
 * the window's page is printed with Electron's `printToPDF` and written there. Errors say which
 * step failed and what to try; nothing is written when printing fails.
 */
export class PdfExportService implements IPdfExportService {
  private readonly exported = new Emitter<string>()
  readonly onDidExport = this.exported.event

  constructor(
    private readonly platform: PdfPlatform,
    private readonly writeFile: (path: string, bytes: Uint8Array) => Promise<void>,
    private readonly logger: Logger
  ) {}

  async exportWindow(windowId: number, { documentName }: PdfExportRequest): Promise<PdfExportResponse> {
    const chosen = await this.platform.askSavePath(windowId, suggestedPdfName(documentName))
    if (chosen === null) return { outcome: 'cancelled' }
    const path = /\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`
    let bytes: Uint8Array
    try {
      bytes = await this.platform.printToPdf(windowId)
    } catch (error) {
      this.logger.error({ err: error, windowId }, 'printToPDF failed')
      throw new Error(`the window could not be printed to PDF (${messageOf(error)}); try again, or export as HTML and print that`)
    }
    try {
      await this.writeFile(path, bytes)
    } catch (error) {
      throw new Error(`the PDF could not be written to ${path} (${messageOf(error)}); choose another folder`)
    }
    this.logger.info({ path, bytes: bytes.length }, 'exported a document as PDF')
    this.exported.fire(path)
    return { outcome: 'saved', path }
  }

  dispose(): void {
    this.exported.dispose()
  }
}

/** `team/weekly notes` → `weekly notes.pdf`: the last segment, without characters file systems refuse. */
export const suggestedPdfName = (documentName: string): string => {
  const base = (documentName.split('/').at(-1) ?? '').replace(/[<>:"\\|?*]/g, '_').trim()
  return `${base === '' ? 'document' : base}.pdf`
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
