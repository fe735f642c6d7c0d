import { Selection, TextSelection, type Command } from 'prosemirror-state'

/**
 * Moves the caret to the start or the end of the document (Ctrl+Home / Ctrl+End, on macOS also
 * Cmd+Up / Cmd+Down), or with `extend` only the selection's head, by ProseMirror rather than by
 * the browser: Chromium places a native caret in a block it has not rendered (the skipped blocks
 * of a long document, ./block-window.ts) at that block's start, and the next character typed
 * landed there instead of at the end.
 */
export const moveToDocumentEdge =
  (edge: 'start' | 'end', extend = false): Command =>
  (state, dispatch) => {
    const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc)
    const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target
    dispatch?.(state.tr.setSelection(selection).scrollIntoView())
    return true
  }

/** The keys of `moveToDocumentEdge`, for the editor's keymap. */
export const documentEdgeShortcuts: Record<string, Command> = {
  'Mod-Home': moveToDocumentEdge('start'),
  'Mod-End': moveToDocumentEdge('end'),
  'Shift-Mod-Home': moveToDocumentEdge('start', true),
  'Shift-Mod-End': moveToDocumentEdge('end', true),
  'Meta-ArrowUp': moveToDocumentEdge('start'),
  'Meta-ArrowDown': moveToDocumentEdge('end'),
  'Shift-Meta-ArrowUp': moveToDocumentEdge('start', true),
  'Shift-Meta-ArrowDown': moveToDocumentEdge('end', true)
}
