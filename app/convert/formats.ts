import type { Node } from 'prosemirror-model'
import type { HtmlDom } from './html-dom'
import { documentToHtml } from './html-export'
import { htmlToDocument } from './html-import'
import { ImportError, type ImportResult } from './import-result'
import { documentToMarkdown } from './markdown-export'
import { markdownToDocument } from './markdown-import'
import { documentToPlainText } from './plain-text'

/** Formats a document can be written as. (PDF is printed by the platform, not converted here.) */
export const exportFormats = ['md', 'html', 'txt'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** Formats a file can be read from into a document. */
export const importFormats = ['md', 'html'] as const
export type ImportFormat = (typeof importFormats)[number]

/** Largest file an import accepts: room for a long text with a few pasted images. */
export const maxImportBytes = 10 * 1024 * 1024

export const formatInfo: Record<ExportFormat, { readonly label: string; readonly extension: string; readonly mimeType: string }> = {
  md: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  html: { label: 'HTML', extension: 'html', mimeType: 'text/html; charset=utf-8' },
  txt: { label: 'Plain text', extension: 'txt', mimeType: 'text/plain; charset=utf-8' }
}

export const isExportFormat = (value: string): value is ExportFormat => (exportFormats as readonly string[]).includes(value)
export const isImportFormat = (value: string): value is ImportFormat => (importFormats as readonly string[]).includes(value)

/** The import format of a file by its name (`.md`, `.markdown`, `.html`, `.htm`), or `null`. */
export const importFormatOfFile = (fileName: string): ImportFormat | null => {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'md' || extension === 'markdown' || extension === 'mdown' || extension === 'mkd') return 'md'
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html'
  return null
}

/** Writes `doc` in `format`; `dom` is needed for HTML only. */
export const exportDocument = (doc: Node, format: ExportFormat, options: { readonly dom: HtmlDom; readonly title: string }): string => {
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
    throw new ImportError(`the file is not ${format === 'md' ? 'Markdown' : 'HTML'} text (it holds binary data); pick a .md or .html file`)
  }
  return format === 'md' ? markdownToDocument(text) : htmlToDocument(text, options)
}
