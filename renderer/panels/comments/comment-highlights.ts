import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { setMeta } from 'y-prosemirror'
import type * as Y from 'yjs'
import { AnchorError, anchorRange, resolveAnchor, resolveFirstAnchor, type ResolvedAnchor } from '../../../app/comments/anchors'
import type { CommentThread, CommentThreads } from '../../../app/comments/threads'
import { positionsUsable, syncStateOf } from '../sync-state'

/** Where a thread's text is in the view: highlighted at a range, orphaned (deleted), or pending (not received yet). */
export type ThreadPlace = { readonly state: 'anchored'; readonly from: number; readonly to: number } | { readonly state: 'orphaned' | 'pending' }

export interface HighlightState {
  readonly decorations: DecorationSet
  /** Every thread's place, by thread id. */
  readonly places: ReadonlyMap<string, ThreadPlace>
  /** The thread the user is looking at, highlighted more strongly. */
  readonly active: string | null
  /**
   * The top-level blocks a local edit changed (in this state's document): highlights there may
   * have followed text that y-prosemirror re-created, so the view checks their anchors.
   */
  readonly touched: ReadonlyArray<{ readonly from: number; readonly to: number }>
}

type HighlightMeta = { readonly refresh: true } | { readonly active: string | null }

export const commentHighlightsKey = new PluginKey<HighlightState>('comment-highlights')

export interface CommentHighlightOptions {
  readonly threads: CommentThreads
  readonly fragment: Y.XmlFragment
  /** Whether this user may write to the document (moving an anchor is a write). */
  readonly canEdit: () => boolean
  /** The view updated; `highlightsChanged` when this plugin's state changed too (the panel re-reads it). */
  readonly onUpdate: (view: EditorView, highlightsChanged: boolean) => void
  /** The user clicked highlighted text of thread `threadId`. */
  readonly onActivate: (threadId: string) => void
}

/**
 * Highlights the text of every comment thread (`.comment-highlight[data-thread-id]`; resolved
 * threads get `.comment-resolved`, which shows nothing; the active one `.comment-active`) and
 * keeps anchors on their text:
 * - after a change that came through Yjs (someone else's edit, an undo, the first render) and when
 *   threads change, it resolves every anchor afresh;
 * - after a local edit it maps the highlights through the ProseMirror transaction, which knows
 *   where text went even when y-prosemirror wrote the edit as deleted and re-inserted text (a
 *   paragraph split or join); where an anchor no longer finds the text its highlight followed, this
 *   editor, whose edit moved the text, moves the anchor (if it may write).
 */
export const commentHighlightsPlugin = (options: CommentHighlightOptions): Plugin<HighlightState> =>
  new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => computeHighlights(state, options.threads.list(), null, new Map()),
      apply: (tr, value, oldState, newState) => {
        const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined
        const active = meta !== undefined && 'active' in meta ? meta.active : value.active
        const sync = syncStateOf(newState)
        const versionToggled = syncStateOf(oldState).snapshot !== sync.snapshot
        if ((meta !== undefined && 'refresh' in meta) || sync.isChangeOrigin || versionToggled || active !== value.active) {
          return computeHighlights(newState, options.threads.list(), active, value.places)
        }
        if (!tr.docChanged) return value
        return mapHighlights(value, tr)
      }
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick: (view, pos) => {
        const state = commentHighlightsKey.getState(view.state)
        const hit = state?.decorations.find(pos, pos).find((decoration) => !(decoration.spec as HighlightSpec).resolved)
        if (hit !== undefined) options.onActivate((hit.spec as HighlightSpec).threadId)
        return false
      }
    },
    view: (view) => {
      // Never dispatch from inside a Yjs observer: the sync plugin would write the view's older
      // document back. setMeta dispatches once the current Yjs transaction has been rendered.
      const stopThreads = options.threads.onChange(() => setMeta(view, commentHighlightsKey, { refresh: true } satisfies HighlightMeta))
      options.onUpdate(view, true)
      return {
        update: (updated, previous) => {
          const state = commentHighlightsKey.getState(updated.state)!
          const changed = state !== commentHighlightsKey.getState(previous)
          if (changed && state.touched.length > 0 && options.canEdit()) followMovedText(updated, state, options)
          options.onUpdate(updated, changed)
        },
        destroy: stopThreads
      }
    }
  })

/** Makes `threadId` the active thread (or none), highlighting its text more strongly. */
export const activateThread = (view: EditorView, threadId: string | null): void => {
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { active: threadId } satisfies HighlightMeta))
}

interface HighlightSpec {
  readonly threadId: string
  readonly resolved: boolean
}

const computeHighlights = (
  state: EditorState,
  threads: readonly CommentThread[],
  active: string | null,
  previousPlaces: ReadonlyMap<string, ThreadPlace>
): HighlightState => {
  if (!positionsUsable(state)) {
    // A version is shown (or nothing rendered yet): no highlights, places as they were.
    return { decorations: DecorationSet.empty, places: previousPlaces, active, touched: [] }
  }
  const { binding, type: fragment } = syncStateOf(state)
  const places = new Map<string, ThreadPlace>()
  const decorations: Decoration[] = []
  for (const thread of threads) {
    let place: ResolvedAnchor
    try {
      place = resolveFirstAnchor(fragment, binding.mapping, [thread.anchor, ...thread.formerAnchors])
    } catch (error) {
      if (!(error instanceof AnchorError)) throw error
      place = { state: 'pending' }
    }
    if (place.state === 'anchored' && place.to > state.doc.content.size) place = { state: 'pending' }
    places.set(thread.id, place)
    if (place.state === 'anchored') decorations.push(highlight(place.from, place.to, thread, active))
  }
  return { decorations: DecorationSet.create(state.doc, decorations), places, active, touched: [] }
}

const highlight = (from: number, to: number, thread: CommentThread, active: string | null): Decoration => {
  const classes = ['comment-highlight']
  if (thread.resolved) classes.push('comment-resolved')
  if (thread.id === active) classes.push('comment-active')
  const spec: HighlightSpec = { threadId: thread.id, resolved: thread.resolved }
  return Decoration.inline(from, to, { class: classes.join(' '), 'data-thread-id': thread.id }, spec)
}

/** Follows a local edit: highlights move with the text; a highlight whose text was all deleted is gone, its thread orphaned. */
const mapHighlights = (value: HighlightState, tr: Transaction): HighlightState => {
  const decorations = value.decorations.map(tr.mapping, tr.doc)
  const places = new Map<string, ThreadPlace>()
  for (const [id, place] of value.places) places.set(id, place.state === 'anchored' ? { state: 'orphaned' } : place)
  for (const decoration of decorations.find()) {
    places.set((decoration.spec as HighlightSpec).threadId, { state: 'anchored', from: decoration.from, to: decoration.to })
  }
  return { decorations, places, active: value.active, touched: touchedBlocks(tr) }
}

/** The top-level blocks of `tr.doc` that `tr` changed. */
const touchedBlocks = (tr: Transaction): Array<{ from: number; to: number }> => {
  const touched: Array<{ from: number; to: number }> = []
  tr.mapping.maps.forEach((stepMap, index) => {
    const rest = tr.mapping.slice(index + 1)
    stepMap.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const $from = tr.doc.resolve(rest.map(newStart, -1))
      const $to = tr.doc.resolve(rest.map(newEnd, 1))
      touched.push({ from: $from.depth > 0 ? $from.before(1) : $from.pos, to: $to.depth > 0 ? $to.after(1) : $to.pos })
    })
  })
  return touched
}

/** After a local edit: re-anchors the threads whose anchors no longer find the text their highlights followed. */
const followMovedText = (view: EditorView, state: HighlightState, options: CommentHighlightOptions): void => {
  if (!positionsUsable(view.state)) return
  const { binding } = syncStateOf(view.state)
  const inTouchedBlock = (decoration: Decoration): boolean =>
    state.touched.some((block) => decoration.from <= block.to && decoration.to >= block.from)
  for (const decoration of state.decorations.find().filter(inTouchedBlock)) {
    const { threadId } = decoration.spec as HighlightSpec
    const thread = options.threads.get(threadId)
    if (thread === undefined) continue
    let now: ResolvedAnchor
    try {
      now = resolveAnchor(options.fragment, binding.mapping, thread.anchor)
    } catch (error) {
      if (error instanceof AnchorError) continue
      throw error
    }
    if (now.state === 'anchored' && now.from === decoration.from && now.to === decoration.to) continue
    if (now.state === 'pending') continue
    options.threads.moveAnchor(threadId, anchorRange(options.fragment, binding.mapping, decoration.from, decoration.to))
  }
}
