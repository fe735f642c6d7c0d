import type { Node } from 'prosemirror-model'
import type { ExportFormat, ImportFormat } from './formats'
import type { HtmlDom } from './html-dom'
import { documentToHtml } from './html-export'
import { htmlToDocument } from './html-import'
import { ImportError, type ImportResult } from './import-result'
import { documentToMarkdown } from './markdown-export'
import { markdownToDocument } from './markdown-import'
import { documentToPlainText } from './plain-text'
import { acceptedDocument } from '../suggestions/accepted'
import { t } from '../i18n/translate'

/**
 * Writes `doc` in `format`; `dom` is needed for HTML only. Suggestions are written as accepted:
 * suggested insertions as plain text, suggested deletions left out (app/suggestions/).
 */
export const exportDocument = (content: Node, format: ExportFormat, options: { readonly dom: HtmlDom; readonly title: string }): string => {
  const doc = acceptedDocument(content)
  switch (format) {
    case 'md':
      return documentToMarkdown(doc)
    case 'html':
      return documentToHtml(doc, options)
    case 'txt':
      return documentToPlainText(doc)
  }
}

/**
 * Reads the text of a file in `format` into a document. Throws `ImportError` when the text is
 * not something to import at all (binary data).
 */
export const importDocument = (text: string, format: ImportFormat, options: { readonly dom: HtmlDom }): ImportResult => {
  // A NUL character never occurs in Markdown or HTML, and always in the binary files people pick by mistake.
  if (text.includes('\u0000')) {
    throw new ImportError(t('import.binary', { format: t(`format.${format}`) }))
  }
  return format === 'md' ? markdownToDocument(text) : htmlToDocument(text, options)
}
