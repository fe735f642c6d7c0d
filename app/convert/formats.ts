/**
 * The formats of import and export, by name. Kept apart from the converters (`convert.ts`) so
 * that code that only needs the names (file pickers, the main process) does not load them.
 */

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
