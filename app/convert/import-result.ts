import type { Node } from 'prosemirror-model'
import type { ImportWarning } from './import-warnings'

/** A file read into a document: the document, and what could not be carried over as it was. */
export interface ImportResult {
  /** A valid document of `app/schema.ts`. */
  readonly doc: Node
  /** Empty when everything in the file has a place in the document. */
  readonly warnings: readonly ImportWarning[]
}

/** A file that could not be read at all (not text, too large, or not the format it claims). */
export class ImportError extends Error {
  override name = 'ImportError'
}
