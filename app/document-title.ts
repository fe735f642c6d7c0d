import type * as Y from 'yjs'
import { documentTypeNames } from './document'

/** The key of the title in the document's `meta` map. */
export const titleKey = 'title'

/** The longest title kept; a longer one is cut there (a title is a line, not a paragraph). */
export const maxTitleLength = 200

/** The title as it is kept: one line, trimmed, at most `maxTitleLength` characters; `''` means none. */
export const normalizeTitle = (title: string): string =>
  Array.from(title.replace(/\s+/g, ' ').trim()).slice(0, maxTitleLength).join('').trim()

const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(documentTypeNames.meta)

/** The document's title, or `null` when it has none (it then goes by its name). */
export const documentTitle = (doc: Y.Doc): string | null => {
  const title = metaOf(doc).get(titleKey)
  if (typeof title !== 'string') return null
  const normalized = normalizeTitle(title)
  return normalized === '' ? null : normalized
}

/** What to call the document: its title, or else its name. */
export const displayTitle = (doc: Y.Doc, documentName: string): string => documentTitle(doc) ?? documentName

/**
 * Sets the title, as one change that every copy of the document receives; an empty title (or one
 * equal to the document's name) removes it, so the document goes by its name again. Returns
 * whether anything changed.
 */
export const setDocumentTitle = (doc: Y.Doc, title: string, documentName: string): boolean => {
  const next = normalizeTitle(title)
  const current = documentTitle(doc)
  const meta = metaOf(doc)
  if (next === '' || next === documentName) {
    if (!meta.has(titleKey)) return false
    meta.delete(titleKey)
    return true
  }
  if (next === current) return false
  meta.set(titleKey, next)
  return true
}

/** Calls `listener` with the title (or `null`) whenever it changes, here or in another copy; returns the unsubscribe function. */
export const observeDocumentTitle = (doc: Y.Doc, listener: (title: string | null) => void): (() => void) => {
  const meta = metaOf(doc)
  const observer = (event: Y.YMapEvent<unknown>): void => {
    if (event.keysChanged.has(titleKey)) listener(documentTitle(doc))
  }
  meta.observe(observer)
  return () => meta.unobserve(observer)
}
