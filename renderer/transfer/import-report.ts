import { Node } from 'prosemirror-model'
import type * as Y from 'yjs'
import { replaceDocument } from '../../app/convert/yjs-content'
import { schema } from '../../app/schema'
import type { PendingImport } from './pending-import'
import { takePendingImport } from './pending-import'
import { t } from '../../app/i18n/translate'

/**
 * Applies the import waiting for this document (if any) to its content, and shows a report
 * (`[data-testid=import-report]`) of what the import changed or left out. An import is applied
 * only to an empty document, so that reopening or a name clash never merges two contents.
 */
export const applyPendingImport = async (documentName: string, fragment: Y.XmlFragment, reportSlot: HTMLElement): Promise<void> => {
  let pending: PendingImport | null
  try {
    pending = await takePendingImport(documentName)
  } catch (error) {
    showReport(reportSlot, t('import.unreadable', { reason: String(error) }), [])
    return
  }
  if (pending === null) return
  if (fragment.length > 0) {
    showReport(reportSlot, t('import.notEmpty', { file: pending.fileName, name: documentName }), [])
    return
  }
  replaceDocument(fragment, Node.fromJSON(schema, pending.doc))
  const summary =
    pending.warnings.length === 0
      ? t('import.complete', { file: pending.fileName })
      : t('import.partial', { file: pending.fileName })
  showReport(reportSlot, summary, pending.warnings.map((warning) => ({ kind: warning.kind, message: warning.message })))
}

const showReport = (slot: HTMLElement, summary: string, items: Array<{ kind: string; message: string }>): void => {
  const report = document.createElement('section')
  report.className = 'import-report'
  report.dataset.testid = 'import-report'
  report.setAttribute('role', 'status')
  const text = document.createElement('p')
  text.textContent = summary
  report.append(text)
  if (items.length > 0) {
    const list = document.createElement('ul')
    for (const item of items) {
      const entry = document.createElement('li')
      entry.dataset.kind = item.kind
      entry.textContent = item.message
      list.append(entry)
    }
    report.append(list)
  }
  const close = document.createElement('button')
  close.type = 'button'
  close.textContent = t('import.dismiss')
  close.addEventListener('click', () => report.remove())
  report.append(close)
  slot.replaceChildren(report)
}
