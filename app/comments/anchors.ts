import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror'
import * as Y from 'yjs'
import { t } from '../i18n/translate'

/**
 * Which ProseMirror node each Yjs type of the fragment is rendered as: y-prosemirror keeps it in
 * its binding (`ySyncPluginKey.getState(state).binding.mapping`); `initProseMirrorDoc` builds one
 * outside an editor. Converting between ProseMirror positions and Yjs positions needs it.
 */
export type PositionMapping = ReturnType<typeof initProseMirrorDoc>['mapping']

/**
 * Where a comment is anchored: two Yjs relative positions, encoded. They name characters, not
 * offsets, so the anchor stays on its text while anyone edits around or inside it. `start`
 * sticks to the first character of the range and `end` to the last one, so text typed right
 * before or after the range stays outside it and text typed inside joins it.
 */
export interface CommentAnchor {
  readonly start: Uint8Array
  readonly end: Uint8Array
}

/**
 * Where an anchor is now: its ProseMirror range; `orphaned` when all of its text was deleted; or
 * `pending` when this copy has not yet received the text it names (it arrives with the next sync).
 */
export type ResolvedAnchor =
  | { readonly state: 'anchored'; readonly from: number; readonly to: number }
  | { readonly state: 'orphaned' }
  | { readonly state: 'pending' }

/** Raised when a range cannot be anchored; the message says why. */
export class AnchorError extends Error {
  override name = 'AnchorError'
}

/** Anchors the ProseMirror range `from`–`to` (a non-empty selection) of the document bound to `fragment`. */
export const anchorRange = (fragment: Y.XmlFragment, mapping: PositionMapping, from: number, to: number): CommentAnchor => {
  if (!(from < to)) throw new AnchorError(t('comments.emptyRange', { from, to }))
  const doc = fragment.doc
  if (doc === null) throw new AnchorError('Cannot anchor a comment in a fragment that belongs to no document.')
  const start = absolutePositionToRelativePosition(from, fragment, mapping) as Y.RelativePosition
  let end = absolutePositionToRelativePosition(to, fragment, mapping) as Y.RelativePosition
  // y-prosemirror's positions stick to the character after them; the end should stick to the one before.
  const absoluteEnd = Y.createAbsolutePositionFromRelativePosition(end, doc)
  if (absoluteEnd !== null && absoluteEnd.type instanceof Y.XmlText && absoluteEnd.index > 0) {
    end = Y.createRelativePositionFromTypeIndex(absoluteEnd.type, absoluteEnd.index, -1)
  }
  return { start: Y.encodeRelativePosition(start), end: Y.encodeRelativePosition(end) }
}

/**
 * Finds `anchor` in the document bound to `fragment` as it is now. Throws `AnchorError` when the
 * mapping does not describe the fragment's current content (a view that has not rendered the
 * latest change yet); try again once it has.
 */
export const resolveAnchor = (fragment: Y.XmlFragment, mapping: PositionMapping, anchor: CommentAnchor): ResolvedAnchor => {
  const doc = fragment.doc
  if (doc === null) throw new AnchorError('Cannot resolve a comment anchor in a fragment that belongs to no document.')
  const start = Y.decodeRelativePosition(anchor.start)
  const end = Y.decodeRelativePosition(anchor.end)
  if (!knows(doc, start) || !knows(doc, end)) return { state: 'pending' }
  let from: number | null
  let to: number | null
  try {
    from = relativePositionToAbsolutePosition(doc, fragment, start, mapping)
    to = relativePositionToAbsolutePosition(doc, fragment, end, mapping)
  } catch (error) {
    throw new AnchorError(t('comments.notRendered'), { cause: error })
  }
  if (from === null || to === null || from >= to) return { state: 'orphaned' }
  return { state: 'anchored', from, to }
}

/** Whether `doc` holds the item (or type) a relative position names. */
const knows = (doc: Y.Doc, position: Y.RelativePosition): boolean => {
  for (const id of [position.item, position.type]) {
    if (id !== null && Y.getState(doc.store, id.client) <= id.clock) return false
  }
  return true
}

/**
 * Resolves the first of `anchors` (a thread's current anchor, then its former ones) that still
 * finds text; `pending` when none does but one names text not received yet, else `orphaned`.
 */
export const resolveFirstAnchor = (fragment: Y.XmlFragment, mapping: PositionMapping, anchors: readonly CommentAnchor[]): ResolvedAnchor => {
  let pending = false
  for (const anchor of anchors) {
    const resolved = resolveAnchor(fragment, mapping, anchor)
    if (resolved.state === 'anchored') return resolved
    if (resolved.state === 'pending') pending = true
  }
  return pending ? { state: 'pending' } : { state: 'orphaned' }
}

/** Whether two anchors are the same positions. */
export const sameAnchor = (a: CommentAnchor, b: CommentAnchor): boolean => equalBytes(a.start, b.start) && equalBytes(a.end, b.end)

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, index) => byte === b[index])
