import type { Command } from 'prosemirror-state'
import { suggestionAttrsOf, suggestionMarkTypes } from '../../../app/suggestions'
import { suggestingKey, type SuggestingMeta } from './suggesting-plugin'

/** What an editor decides about a suggestion. */
export type Review = 'accept' | 'reject'

/**
 * Accepts or rejects the suggestion `id`, or every suggestion when `id` is omitted. Accepting
 * keeps inserted text (without its mark) and removes deleted text; rejecting does the opposite.
 * Text that one person suggested and another suggested deleting is removed by accepting the
 * deletion or rejecting the insertion. The change is applied as it is, also in suggesting mode,
 * and is one step of the reviewer's undo. Returns `false` when there is nothing to review.
 */
export const reviewSuggestions =
  (review: Review, id?: string): Command =>
  (state, dispatch) => {
    const { insertion, deletion } = suggestionMarkTypes(state.schema)
    const unmark: Array<{ from: number; to: number; type: typeof insertion }> = []
    const remove: Array<[number, number]> = []
    state.doc.descendants((node, pos) => {
      if (!node.isInline) return true
      const to = pos + node.nodeSize
      for (const mark of node.marks) {
        if (mark.type !== insertion && mark.type !== deletion) continue
        if (id !== undefined && suggestionAttrsOf(mark).id !== id) continue
        // Accepting an insertion or rejecting a deletion keeps the text; the other two remove it.
        if ((mark.type === insertion) === (review === 'accept')) unmark.push({ from: pos, to, type: mark.type })
        else remove.push([pos, to])
      }
      return false
    })
    if (unmark.length === 0 && remove.length === 0) return false
    if (dispatch === undefined) return true
    const tr = state.tr
    for (const { from, to, type } of unmark) tr.removeMark(from, to, type)
    // Back to front, joining neighbours, so that each range is still where it was found.
    const ranges = mergeRanges(remove)
    for (const [from, to] of ranges.reverse()) tr.delete(from, to)
    dispatch(tr.setMeta(suggestingKey, { direct: true } satisfies SuggestingMeta).scrollIntoView())
    return true
  }

const mergeRanges = (ranges: Array<[number, number]>): Array<[number, number]> => {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [from, to] of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  return merged
}
