import type { Node } from 'prosemirror-model'
import { PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { findPattern, firstMatchFrom, maxMatches, searchDocument, searchRange, type FindOptions, type Match } from './search'

/** What find and replace knows: whether the bar is open, what it looks for, and where that is. */
export interface FindState {
  readonly open: boolean
  /** Whether the replace row shows (Mod-H). */
  readonly replacing: boolean
  /** Counts every request to open, so that the bar takes the focus again on Mod-F while open. */
  readonly focusRequests: number
  readonly query: string
  readonly options: FindOptions
  /** In document order. */
  readonly matches: readonly Match[]
  /** The search stopped at `maxMatches`. */
  readonly capped: boolean
  /** Index of the current match in `matches`, or -1. */
  readonly current: number
  /** A decoration per match (`.find-match`). */
  readonly highlights: DecorationSet
}

export const findKey = new PluginKey<FindState>('find')

/** What the find bar and its commands ask of the plugin, as a transaction's meta. */
export type FindAction =
  | { readonly type: 'open'; readonly replacing: boolean; readonly query?: string }
  | { readonly type: 'close' }
  | { readonly type: 'search'; readonly query: string; readonly options: FindOptions; readonly from: number }
  | { readonly type: 'go'; readonly index: number }
  /** After a replacement: the current match becomes the first one at or after `after`. */
  | { readonly type: 'replaced'; readonly after: number }

export const initialFindState: FindState = {
  open: false,
  replacing: false,
  focusRequests: 0,
  query: '',
  options: { matchCase: false, wholeWord: false },
  matches: [],
  capped: false,
  current: -1,
  highlights: DecorationSet.empty
}

const highlight = (match: Match): Decoration => Decoration.inline(match.from, match.to, { class: 'find-match' })

const withMatches = (state: FindState, doc: Node, matches: readonly Match[], capped: boolean, current: number): FindState => ({
  ...state,
  matches,
  capped,
  current: matches.length === 0 ? -1 : current,
  highlights: DecorationSet.create(doc, matches.map(highlight))
})

/** The state after transaction `tr`: an action of the find bar, or the document changing under the matches. */
export const applyFind = (tr: Transaction, value: FindState, state: EditorState): FindState => {
  const action = tr.getMeta(findKey) as FindAction | undefined
  if (action !== undefined) return applyAction(action, value, state)
  if (!value.open || !tr.docChanged) return value
  return remap(tr, value, state.doc)
}

const applyAction = (action: FindAction, value: FindState, state: EditorState): FindState => {
  switch (action.type) {
    case 'open': {
      const query = action.query ?? value.query
      const opened = { ...value, open: true, replacing: action.replacing || (value.open && value.replacing), focusRequests: value.focusRequests + 1, query }
      if (value.open && query === value.query) return opened
      const { matches, capped } = searchDocument(state.doc, query, value.options)
      return withMatches(opened, state.doc, matches, capped, firstMatchFrom(matches, state.selection.from))
    }
    case 'close':
      return { ...initialFindState, query: value.query, options: value.options, focusRequests: value.focusRequests }
    case 'search': {
      const { matches, capped } = searchDocument(state.doc, action.query, action.options)
      return withMatches({ ...value, query: action.query, options: action.options }, state.doc, matches, capped, firstMatchFrom(matches, action.from))
    }
    case 'go':
      return value.matches.length === 0 ? value : { ...value, current: ((action.index % value.matches.length) + value.matches.length) % value.matches.length }
    case 'replaced': {
      const { matches, capped } = searchDocument(state.doc, value.query, value.options)
      return withMatches(value, state.doc, matches, capped, firstMatchFrom(matches, action.after))
    }
  }
}

/**
 * Keeps the matches right while the document changes (typing, others' edits, a replacement):
 * matches are moved with the change, and only the textblocks the change touched are searched
 * again, so a keystroke costs the same in a long document as in a short one.
 */
const remap = (tr: Transaction, value: FindState, doc: Node): FindState => {
  const pattern = findPattern(value.query, value.options)
  if (pattern === null) return value
  if (value.capped) {
    const { matches, capped } = searchDocument(doc, value.query, value.options)
    const at = value.current === -1 ? 0 : tr.mapping.map(value.matches[value.current]!.from)
    return withMatches(value, doc, matches, capped, firstMatchFrom(matches, at))
  }
  // The changed ranges, in the new document, widened to whole textblocks.
  const blocks: Array<[number, number]> = []
  tr.mapping.maps.forEach((map, index) => {
    const after = tr.mapping.slice(index + 1)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const from = Math.max(0, Math.min(after.map(newStart, -1), doc.content.size))
      const to = Math.max(from, Math.min(after.map(newEnd, 1), doc.content.size))
      doc.nodesBetween(from, to, (node, pos) => {
        if (!node.isTextblock) return true
        blocks.push([pos + 1, pos + 1 + node.content.size])
        return false
      })
    })
  })
  const inChanged = (match: Match): boolean => blocks.some(([from, to]) => match.from >= from && match.to <= to)
  const kept: Match[] = []
  let currentFrom = -1
  value.matches.forEach((match, index) => {
    const from = tr.mapping.mapResult(match.from, 1)
    const to = tr.mapping.mapResult(match.to, -1)
    if (index === value.current) currentFrom = from.pos
    if (from.deletedAfter || to.deletedBefore || to.pos <= from.pos) return
    const moved = { from: from.pos, to: to.pos }
    if (!inChanged(moved)) kept.push(moved)
  })
  let highlights = value.highlights.map(tr.mapping, doc)
  const fresh: Match[] = []
  const seen = new Set<number>()
  for (const [from, to] of blocks) {
    if (seen.has(from)) continue
    seen.add(from)
    highlights = highlights.remove(highlights.find(from, to))
    fresh.push(...searchRange(doc, from, to, pattern, value.options).matches)
  }
  highlights = highlights.add(doc, fresh.map(highlight))
  const matches = [...kept, ...fresh].sort((a, b) => a.from - b.from)
  const capped = matches.length > maxMatches
  return {
    ...value,
    matches,
    capped,
    current: matches.length === 0 ? -1 : firstMatchFrom(matches, currentFrom === -1 ? 0 : currentFrom),
    highlights
  }
}
