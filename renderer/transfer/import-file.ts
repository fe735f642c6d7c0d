import type { PlatformBridge } from '../../app/bridge'
import { importDocument } from '../../app/convert/convert'
import { importFormatOfFile, maxImportBytes } from '../../app/convert/formats'
import { ImportError } from '../../app/convert/import-result'
import { documentNameProblem } from '../../app/document-name'
import { browserDom } from './browser-dom'
import { savePendingImport } from './pending-import'
import { t } from '../../app/i18n/translate'

/** A file to import: a dropped or picked `File`, or one the desktop's main process read. */
export interface ImportSource {
  readonly name: string
  readonly size: number
  text(): Promise<string>
}

/**
 * Imports a Markdown or HTML file into a new document: converts it here, keeps the result for the
 * new document (`pending-import.ts`) and opens that document, which applies it and shows what the
 * import could not carry over. Throws an `ImportError` that says why a file cannot be imported.
 */
export const importAsNewDocument = async (file: ImportSource, bridge: PlatformBridge): Promise<string> => {
  const format = importFormatOfFile(file.name)
  if (format === null) throw new ImportError(t('import.notImportable', { name: file.name }))
  if (file.size > maxImportBytes) {
    throw new ImportError(t('import.tooLarge', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1), limit: maxImportBytes / 1024 / 1024 }))
  }
  let result
  try {
    result = importDocument(await file.text(), format, { dom: browserDom })
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(t('import.cannotImport', { name: file.name, reason: error.message }))
    throw error
  }
  const name = documentNameForFile(file.name)
  await savePendingImport(name, { fileName: file.name, doc: result.doc.toJSON(), warnings: result.warnings })
  // On the platform's own relay (the desktop's embedded one, the web client's server).
  await bridge.open({ documentName: name })
  return name
}

/**
 * A fresh document name from a file name: `Meeting notes (v2).md` → `Meeting notes (v2)-k3f9`.
 * Characters document names cannot hold become `-`; the random suffix keeps two imports of one
 * file apart.
 */
export const documentNameForFile = (fileName: string): string => {
  const base = fileName
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[^\p{L}\p{N}_~@+\-.() ]+/gu, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80)
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => alphabet[byte % alphabet.length]).join('')
  const name = `${base === '' ? 'imported' : base}-${suffix}`
  return documentNameProblem(name) === null ? name : `imported-${suffix}`
}
