import { keymap } from 'prosemirror-keymap'
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { tableEditing } from 'prosemirror-tables'
import { ySyncPluginKey } from 'y-prosemirror'
import { collaborativeColumnResizing } from './collaborative-resizing'
import { insertTable, nextCellOrNewRow, previousCell } from './commands'

/**
 * Whether a transaction only applies other people's changes: y-prosemirror's, rendering what came
 * from the Y.Doc. The user's own undo and redo come that way too, but they are the user's.
 */
const isRemote = (tr: Transaction): boolean => {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined
  return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true
}

/**
 * prosemirror-tables' `tableEditing` (cell selection, copying and pasting cells, arrow keys across
 * cells), except that it does not repair tables in other people's changes. Its repair
 * (`fixTables`: a short row gets cells, an overlapping span is cut) runs after every transaction,
 * and a table that two people change at once (one adds a column while the other adds a row) is
 * briefly irregular on both pages: each page would add the missing cells, both additions would
 * sync, and the table would keep growing (prosemirror-tables issue #249). So only the page that
 * edits a table repairs it, as part of its own edit.
 */
const collaborativeTableEditing = (): Plugin => {
  const editing = tableEditing()
  const append = editing.spec.appendTransaction!
  return new Plugin({
    ...editing.spec,
    // With the old state the same as the new one, the repair finds nothing changed; the
    // selection is still normalised (a cell selection that lost its cells).
    appendTransaction: (transactions, oldState, state) => append(transactions, transactions.every(isRemote) ? state : oldState, state)
  })
}

/** Tables without a cell can only come of people deleting the last rows at once; nothing can be written in them, so they go. */
const cleanupKey = new PluginKey('empty-tables')
const emptyTableCleanup = (): Plugin =>
  new Plugin({
    key: cleanupKey,
    appendTransaction: (transactions, _old, state) => {
      if (!transactions.some((tr) => tr.docChanged)) return null
      const empty = emptyTables(state.doc, changedRanges(transactions))
      if (empty.length === 0) return null
      const tr = state.tr
      for (const { pos, node } of empty.reverse()) tr.delete(pos, pos + node.nodeSize)
      return tr
    }
  })

/**
 * The ranges of the final document that `transactions` changed, one past each end: a table can
 * only lose its last cell where a step touched it, so only there is it looked for (a whole
 * document's walk on every keystroke costs too much in a long one).
 */
const changedRanges = (transactions: readonly Transaction[]): Array<{ from: number; to: number }> => {
  let ranges: Array<{ from: number; to: number }> = []
  for (const tr of transactions) {
    for (const map of tr.mapping.maps) {
      ranges = ranges.map(({ from, to }) => ({ from: map.map(from, -1), to: map.map(to, 1) }))
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push({ from: newStart, to: newEnd }))
    }
  }
  return ranges
}

const emptyTables = (doc: Node, ranges: ReadonlyArray<{ from: number; to: number }>): Array<{ pos: number; node: Node }> => {
  const found = new Map<number, Node>()
  for (const { from, to } of ranges) {
    doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, to + 1), (node, pos) => {
      if (node.isTextblock) return false
      if (node.type.spec.tableRole !== 'table') return true
      let cells = 0
      node.forEach((row) => (cells += row.childCount))
      if (cells === 0) found.set(pos, node)
      return false
    })
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([pos, node]) => ({ pos, node }))
}

/** Tab and Shift-Tab between cells (Tab in the last cell adds a row); the shortcut that inserts a table. */
export const tableShortcuts = {
  Tab: nextCellOrNewRow,
  'Shift-Tab': previousCell,
  'Shift-Mod-Alt-t': insertTable()
}

/**
 * The editor's table plugins. Column widths are dragged on a cell's right border
 * (`columnResizing`); a width is a cell attribute, so it syncs like any other change. The keymap
 * comes after the editor's own, whose Tab indents a list item first, in a cell too.
 */
export const tablePlugins = (): Plugin[] => [
  collaborativeColumnResizing(isRemote),
  collaborativeTableEditing(),
  emptyTableCleanup(),
  keymap(tableShortcuts)
]
