/**
 * The relay's list of documents, `GET /api/docs`, shared by the relay that answers it and the
 * clients that ask (the editor's documents sidebar). It lists the stored documents the request's
 * token may open, each with its title when it has one (`app/document-title.ts`).
 */

/** The path of the list. */
export const documentListPath = '/api/docs'

/** The most documents one answer lists; `truncated` says when the relay holds more. */
export const maxListedDocuments = 1000

/** One stored document: its name and, when it has one, its title. */
export interface ListedDocument {
  readonly name: string
  readonly title?: string
}

/** The answer: documents sorted by name. */
export interface DocumentListing {
  readonly documents: readonly ListedDocument[]
  readonly truncated: boolean
}

/** Reads an answer's body; throws a `TypeError` naming what is wrong when it is not a listing. */
export const readDocumentListing = (body: unknown): DocumentListing => {
  if (typeof body !== 'object' || body === null) throw new TypeError('the relay’s document list is not a JSON object')
  const { documents, truncated } = body as Record<string, unknown>
  if (!Array.isArray(documents)) throw new TypeError('the relay’s document list has no "documents" array')
  return {
    truncated: truncated === true,
    documents: documents.map((entry: unknown, index) => {
      const { name, title } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>
      if (typeof name !== 'string' || name === '') throw new TypeError(`entry ${index} of the relay’s document list has no name`)
      return typeof title === 'string' && title !== '' ? { name, title } : { name }
    })
  }
}
