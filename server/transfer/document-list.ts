import * as Y from 'yjs'
import type { Logger } from 'pino'
import { createDocumentDoc } from '../../app/document'
import { maxListedDocuments, type DocumentListing, type ListedDocument } from '../../app/document-list'
import { documentTitle } from '../../app/document-title'
import type { ConnectionContext, RelayRefusal } from '../extension'
import type { Room } from '../room'
import type { DocumentStorage } from '../storage/document-storage'

/** What listing needs of the relay. */
export interface DocumentListServices {
  readonly storage: Pick<DocumentStorage, 'list' | 'load'>
  /** The loaded room of a document, if it is in memory (its live state, newer than storage's). */
  loadedRoom(name: string): Room | undefined
  /** Runs the `onAuthenticate` hooks for one document without logging a refusal; resolves with it, if any. */
  admits(context: ConnectionContext): Promise<RelayRefusal | null>
  readonly logger: Logger
}

/** The request was refused for every document: with 401 when its token is missing or invalid. */
export type ListingResult = { readonly listing: DocumentListing } | { readonly refusal: RelayRefusal }

/**
 * Lists the stored documents a request may open: the relay runs its `onAuthenticate` hooks for each
 * stored name, as if the request opened that document, and lists those they admit. So a token for
 * `team/*` lists the `team/` documents, a token for one document lists that one, and an open relay
 * lists everything. When no document is admitted and the hooks answered 401 (no token, or a bad
 * one), the request is refused with that answer rather than given an empty list.
 */
export const listDocuments = async (services: DocumentListServices, contextFor: (name: string) => ConnectionContext): Promise<ListingResult> => {
  const names = [...new Set(await services.storage.list())].sort()
  const admitted: string[] = []
  let unauthenticated: RelayRefusal | null = null
  let truncated = false
  for (const name of names) {
    if (admitted.length === maxListedDocuments) {
      truncated = true
      break
    }
    const refusal = await services.admits(contextFor(name))
    if (refusal === null) admitted.push(name)
    else if (refusal.status === 401) unauthenticated ??= refusal
  }
  if (admitted.length === 0 && unauthenticated !== null) return { refusal: unauthenticated }
  const documents: ListedDocument[] = []
  for (const name of admitted) {
    const title = await titleOf(services, name)
    documents.push(title === null ? { name } : { name, title })
  }
  return { listing: { documents, truncated } }
}

/** The title of a stored document: from its room when loaded, else read from storage; `null` when it has none or cannot be read. */
const titleOf = async (services: DocumentListServices, name: string): Promise<string | null> => {
  const room = services.loadedRoom(name)
  if (room !== undefined) return documentTitle(room.doc)
  let update: Uint8Array | null
  try {
    update = await services.storage.load(name)
  } catch (error) {
    services.logger.warn({ room: name, err: error }, 'document list: the title could not be read; listed without one')
    return null
  }
  if (update === null) return null
  const doc = createDocumentDoc()
  try {
    Y.applyUpdate(doc, update)
    return documentTitle(doc)
  } finally {
    doc.destroy()
  }
}
