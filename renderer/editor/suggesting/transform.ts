import type { Mark } from 'prosemirror-model'
import { Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { Mapping, ReplaceStep } from 'prosemirror-transform'
import { suggestionAttrsOf, suggestionMarkTypes, type SuggestionAttrs } from '../../../app/suggestions'

/** Who is suggesting, and how their suggestions are stamped. */
export interface Suggester {
  /** Display name, the `author` of the marks. */
  readonly author: string
  /** Time stamp of new suggestions (ms since the epoch). */
  readonly time: number
  /** A fresh suggestion id; random, so that concurrent suggesters never share one. */
  readonly newId: () => string
}

/**
 * Turns a transaction into the same change as suggestions, against `state`:
 *
 * - deleted text stays, marked `deletion` (struck through), unless it is the suggester's own
 *   suggested insertion, which is deleted for real: taking back your own suggestion;
 * - inserted content is marked `insertion`, placed after any text that the same step marks deleted;
 * - a new suggestion right next to one of the suggester's own joins it (same id), so a word typed
 *   or backspaced letter by letter, or typed over a selection, is one suggestion.
 *
 * Only inline content carries marks. Steps that change structure only (a paragraph split or join,
 * wrapping in a list, a block type, formatting) are applied as they are: a split is applied, a
 * join across blocks is not made (the text marked deleted stays in its blocks). The caret ends
 * before text struck by Backspace and after text struck by Delete, so the next key goes on.
 */
export const suggestTransaction = (state: EditorState, tr: Transaction, suggester: Suggester): Transaction => {
  const { insertion, deletion } = suggestionMarkTypes(state.schema)
  const out = state.tr
  const mine = (mark: Mark | undefined): mark is Mark => mark !== undefined && suggestionAttrsOf(mark).author === suggester.author
  // The content positions of step `index`'s document (tr.docs[index]) in `out`'s document.
  const mappingToOut = (index: number): Mapping => {
    // (Mapping.slice would not do: appendMapping and invert take every map of the original.)
    const mapping = new Mapping(tr.mapping.maps.slice(0, index)).invert()
    mapping.appendMapping(out.mapping)
    return mapping
  }
  tr.steps.forEach((step, index) => {
    const toOut = mappingToOut(index)
    if (!(step instanceof ReplaceStep)) {
      const mapped = step.map(toOut)
      if (mapped !== null) out.maybeStep(mapped)
      return
    }
    const from = toOut.map(step.from, 1)
    const to = Math.max(from, toOut.map(step.to, 1))
    const $from = out.doc.resolve(from)
    const $to = out.doc.resolve(to)
    const adjacent = [...($from.nodeBefore?.marks ?? []), ...($to.nodeAfter?.marks ?? [])].find(
      (mark) => (mark.type === insertion || mark.type === deletion) && mine(mark)
    )
    const attrs: SuggestionAttrs = adjacent !== undefined ? suggestionAttrsOf(adjacent) : { id: suggester.newId(), author: suggester.author, time: suggester.time }

    if (step.slice.size > 0) {
      const before = out.steps.length
      out.replace(to, to, step.slice)
      const inserted = out.mapping.slice(before)
      const start = inserted.map(to, -1)
      const end = inserted.map(to, 1)
      if (end > start) {
        out.removeMark(start, end, deletion)
        out.removeMark(start, end, insertion)
        out.addMark(start, end, insertion.create(attrs))
      }
    }

    if (to > from) {
      const marked: Array<[number, number]> = []
      const removed: Array<[number, number]> = []
      out.doc.nodesBetween(from, to, (node, pos) => {
        if (!node.isInline) return true
        const range: [number, number] = [Math.max(pos, from), Math.min(pos + node.nodeSize, to)]
        if (range[0] >= range[1]) return false
        if (mine(insertion.isInSet(node.marks))) removed.push(range)
        else if (deletion.isInSet(node.marks) === undefined) marked.push(range)
        return false
      })
      for (const [start, end] of marked) out.addMark(start, end, deletion.create(attrs))
      for (const [start, end] of removed.reverse()) out.delete(start, end)
    }
  })

  out.setSelection(mapSelection(state, tr, out))
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks)
  if (tr.scrolledIntoView) out.scrollIntoView()
  // Plugins read their metadata (a menu that closes, a paste) from the transaction they made;
  // it is kept as it is. Transaction keeps it in a private field, which has no public copy.
  Object.assign((out as unknown as { meta: Record<string, unknown> }).meta, (tr as unknown as { meta: Record<string, unknown> }).meta)
  out.setTime(tr.time)
  return out
}

/**
 * Where the transaction's selection lands in the suggested document. A deletion with no
 * insertion leaves the caret before the struck text (Backspace) or after it (Delete, whose range
 * starts at the caret), so that pressing the key again reaches the next character.
 */
const mapSelection = (state: EditorState, tr: Transaction, out: Transaction): Selection => {
  const replaces = tr.steps.filter((step): step is ReplaceStep => step instanceof ReplaceStep)
  const deletesOnly = replaces.length > 0 && replaces.every((step) => step.slice.size === 0)
  const forward = state.selection.empty && replaces[0]?.from === state.selection.from
  const assoc = deletesOnly && !forward ? -1 : 1
  const mapping = new Mapping()
  mapping.appendMapping(tr.mapping.invert())
  mapping.appendMapping(out.mapping)
  const { selection } = tr
  if (selection instanceof TextSelection) {
    const anchor = out.doc.resolve(mapping.map(selection.anchor, assoc))
    const head = out.doc.resolve(mapping.map(selection.head, assoc))
    return TextSelection.between(anchor, head)
  }
  return selection.map(out.doc, mapping)
}
