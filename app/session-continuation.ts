import type * as Y from 'yjs'
import { documentTypeNames } from './document'

/**
 * Where a document's session can go on when the relay its guests use (a LAN host) goes away: the
 * same document on a hosted relay that the host's relay keeps it on (relay-to-relay sync,
 * `server/upstream/`). The host's relay publishes it in the document itself, so every guest knows
 * it as soon as it has synced; no token is ever written there (README, "When the host leaves").
 */
export interface Continuation {
  /** `ws://` or `wss://` origin of the hosted relay. */
  readonly relayUrl: string
  /** The document's name on that relay. */
  readonly documentName: string
}

/** Key of the continuation in the document's `session` map. */
export const continuationKey = 'continuesOn'

const sessionMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(documentTypeNames.session)

/** The continuation the document names, or `null` when it names none (or something malformed, which is ignored). */
export const readContinuation = (doc: Y.Doc): Continuation | null => {
  const value = sessionMap(doc).get(continuationKey)
  if (typeof value !== 'object' || value === null) return null
  const { relayUrl, documentName } = value as Record<string, unknown>
  if (typeof relayUrl !== 'string' || !/^wss?:\/\/[^/?#\s]+$/.test(relayUrl)) return null
  if (typeof documentName !== 'string' || documentName.trim() === '') return null
  return { relayUrl, documentName }
}

/**
 * Makes the document name `continuation` (or none, for `null`) in one transaction with `origin`;
 * writes nothing when it already does, so a relay restarting does not add a change each time.
 * Returns whether it wrote.
 */
export const publishContinuation = (doc: Y.Doc, continuation: Continuation | null, origin: unknown): boolean => {
  const current = readContinuation(doc)
  const map = sessionMap(doc)
  if (continuation === null) {
    if (!map.has(continuationKey)) return false
    doc.transact(() => map.delete(continuationKey), origin)
    return true
  }
  if (current?.relayUrl === continuation.relayUrl && current.documentName === continuation.documentName) return false
  doc.transact(() => map.set(continuationKey, { relayUrl: continuation.relayUrl, documentName: continuation.documentName }), origin)
  return true
}

/** Whether a continuation points at the document `target` already is. */
export const isSameDocument = (continuation: Continuation, target: { readonly relayUrl: string; readonly documentName: string }): boolean =>
  continuation.relayUrl === target.relayUrl.replace(/\/+$/, '') && continuation.documentName === target.documentName
