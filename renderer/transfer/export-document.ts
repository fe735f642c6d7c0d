import type { EditorView } from 'prosemirror-view'
import type { PlatformBridge, TransferCommand } from '../../app/bridge'
import { exportDocument } from '../../app/convert/convert'
import { exportLossNotice } from '../../app/convert/export-losses'
import { formatInfo, type ExportFormat } from '../../app/convert/formats'
import { acceptedDocument } from '../../app/suggestions/accepted'
import type { ShowNotice } from '../editor/notices'
import { browserDom } from './browser-dom'
import { t } from '../../app/i18n/translate'

/** What the user can export a document as: the converted formats and PDF. */
export type ExportChoice = ExportFormat | 'pdf'

export const exportChoiceOf: Record<TransferCommand, ExportChoice> = {
  'export-md': 'md',
  'export-html': 'html',
  'export-txt': 'txt',
  'export-pdf': 'pdf'
}

/**
 * Exports the document the view shows. Markdown, HTML and plain text are converted here and saved
 * as a download (the browser's, or Electron's save dialog); PDF goes through the platform
 * (`printToPDF` on the desktop, the print dialog on the web). A notice says what the format could
 * not keep (colours and alignment in Markdown and plain text, merged cells in Markdown tables).
 */
export const exportView = async (
  view: EditorView,
  documentName: string,
  choice: ExportChoice,
  bridge: PlatformBridge,
  showNotice: ShowNotice
): Promise<void> => {
  if (choice === 'pdf') {
    const result = await bridge.transfer.exportPdf(documentName)
    if (result.outcome === 'saved') showNotice(t('export.savedPdf', { path: result.path }))
    return
  }
  const text = exportDocument(view.state.doc, choice, { dom: browserDom, title: documentName })
  const fileName = `${documentName.split('/').at(-1)}.${formatInfo[choice].extension}`
  download(new Blob([text], { type: formatInfo[choice].mimeType }), fileName)
  // What the file loses is judged on what it holds: the text with every suggestion accepted.
  const lost = exportLossNotice(acceptedDocument(view.state.doc), choice)
  if (lost !== null) showNotice(t('export.exported', { fileName, lost }))
}

const download = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL by now; it is released a little later, never used again.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
