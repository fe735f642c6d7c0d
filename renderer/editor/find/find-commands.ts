import type { Command, EditorState, Transaction } from 'prosemirror-state'
import { TextSelection } from 'prosemirror-state'
import { yUndoPluginKey } from 'y-prosemirror'
import { findKey, type FindAction } from './find-state'
import { searchDocument, type Match } from './search'

/** Find and replace as commands: the keys, the find bar and the desktop's Edit menu use them. */

const act = (tr: Transaction, action: FindAction): Transaction => tr.setMeta(findKey, action)

/** The selected text when it is a short run inside one textblock: what Mod-F looks for at first. */
const selectedQuery = (state: EditorState): string | undefined => {
  const { from, to, empty, $from } = state.selection
  if (empty || !$from.sameParent(state.selection.$to) || to - from > 200) return undefined
  const text = state.doc.textBetween(from, to)
  return text.trim() === '' ? undefined : text
}

/** Opens the find bar (with the replace row when `replacing`), or gives it the focus again. */
export const openFind =
  (replacing: boolean): Command =>
  (state, dispatch) => {
    const query = selectedQuery(state)
    dispatch?.(act(state.tr, { type: 'open', replacing, ...(query === undefined ? {} : { query }) }))
    return true
  }

export const closeFind: Command = (state, dispatch) => {
  if (findKey.getState(state)?.open !== true) return false
  dispatch?.(act(state.tr, { type: 'close' }))
  return true
}

/** Makes match `index` (wrapping around) the current one, selects it and scrolls to it. */
export const goToMatch =
  (index: number): Command =>
  (state, dispatch) => {
    const find = findKey.getState(state)
    if (find === undefined || find.matches.length === 0) return false
    if (dispatch !== undefined) {
      const count = find.matches.length
      const match = find.matches[((index % count) + count) % count]!
      dispatch(act(state.tr, { type: 'go', index }).setSelection(TextSelection.create(state.doc, match.from, match.to)).scrollIntoView())
    }
    return true
  }

/** The next match after the current one (Enter in the find bar). */
export const findNext: Command = (state, dispatch) => goToMatch((findKey.getState(state)?.current ?? -1) + 1)(state, dispatch)

/** The match before the current one (Shift+Enter). */
export const findPrevious: Command = (state, dispatch) => goToMatch((findKey.getState(state)?.current ?? 0) - 1)(state, dispatch)

/** Writes `text` over `match`, in the formatting of the match's first character. */
const replaceMatch = (tr: Transaction, match: Match, text: string): void => {
  if (text === '') {
    tr.delete(match.from, match.to)
    return
  }
  const marks = tr.doc.nodeAt(match.from)?.marks ?? []
  tr.replaceWith(match.from, match.to, tr.doc.type.schema.text(text, marks))
}

/** Ends the undo manager's current step, so that what comes next is an undo step of its own. */
const newUndoStep = (state: EditorState): void => {
  ;(yUndoPluginKey.getState(state) as { undoManager?: { stopCapturing(): void } } | undefined)?.undoManager?.stopCapturing()
}

/** Replaces the current match with `text` and makes the next one current. */
export const replaceCurrent =
  (text: string): Command =>
  (state, dispatch) => {
    const find = findKey.getState(state)
    const match = find?.matches[find.current]
    if (match === undefined) return false
    if (dispatch !== undefined) {
      const tr = state.tr
      replaceMatch(tr, match, text)
      const after = match.from + text.length
      tr.setSelection(TextSelection.create(tr.doc, after))
      dispatch(act(tr, { type: 'replaced', after }).scrollIntoView())
    }
    return true
  }

/**
 * Replaces every match (all of them, past the count's cap too) in one transaction: one change
 * that syncs at once, and one step of this user's undo.
 */
export const replaceAll =
  (text: string, onDone?: (count: number) => void): Command =>
  (state, dispatch) => {
    const find = findKey.getState(state)
    if (find === undefined || find.matches.length === 0) return false
    if (dispatch !== undefined) {
      const { matches } = searchDocument(state.doc, find.query, find.options, Infinity)
      const tr = state.tr
      // From the end, so that the positions of the matches not yet replaced stay valid.
      for (let index = matches.length - 1; index >= 0; index--) replaceMatch(tr, matches[index]!, text)
      newUndoStep(state)
      dispatch(act(tr, { type: 'replaced', after: tr.selection.from }))
      newUndoStep(state)
      onDone?.(matches.length)
    }
    return true
  }
