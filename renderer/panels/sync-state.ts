import type { EditorState } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'
import type * as Y from 'yjs'
import type { PositionMapping } from '../../app/comments/anchors'

/** The part of y-prosemirror's binding the panels use. */
export interface SyncBinding {
  readonly mapping: PositionMapping
  readonly isDestroyed: boolean
  renderSnapshot(snapshot: Y.Snapshot, prevSnapshot?: Y.Snapshot): void
  unrenderSnapshot(): void
}

/** The part of y-prosemirror's sync plugin state the panels read (its key is typed `any`). */
export interface SyncState {
  /** The fragment the editor is bound to. */
  readonly type: Y.XmlFragment
  readonly binding: SyncBinding
  readonly snapshot: Y.Snapshot | null
  readonly prevSnapshot: Y.Snapshot | null
  /** The transaction rendered a Yjs change into the view (remote edit, undo, first render). */
  readonly isChangeOrigin: boolean
}

/** y-prosemirror's sync state of `state`; throws when the editor has no sync plugin. */
export const syncStateOf = (state: EditorState): SyncState => {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined
  if (sync === undefined) throw new Error('the editor has no y-prosemirror sync plugin; the collaboration panels need one')
  return sync
}

/** Whether the view shows a version instead of the live document. */
export const showsVersion = (state: EditorState): boolean => {
  const sync = syncStateOf(state)
  return sync.snapshot != null || sync.prevSnapshot != null
}

/**
 * Whether y-prosemirror's mapping describes the document `state` shows, so that positions can be
 * converted: not while a version is shown (its rendering has no mapping) or before the first render.
 */
export const positionsUsable = (state: EditorState): boolean => !showsVersion(state) && syncStateOf(state).binding.mapping.size > 0
