import type { Node } from 'prosemirror-model'
import { Plugin, type Transaction } from 'prosemirror-state'
import { columnResizing, ResizeState } from 'prosemirror-tables'

/**
 * prosemirror-tables' `columnResizing`, made to survive other people's edits during a drag.
 * y-prosemirror renders a remote change by replacing the whole document, so the position of the
 * cell whose border is dragged maps to nothing: the plugin drops it and throws "Position -1 out of
 * range" on the next mouse move, and the width is never set (y-prosemirror issue #27). Here the
 * handle moves to the same cell in the new document (the same table, row and cell index) instead.
 */
export const collaborativeColumnResizing = (isRemote: (tr: Transaction) => boolean): Plugin => {
  const resizing = columnResizing()
  const state = resizing.spec.state!
  return new Plugin({
    ...resizing.spec,
    state: {
      ...state,
      apply: (tr, previous: ResizeState, oldState, newState) => {
        const next = state.apply.call(resizing, tr, previous, oldState, newState) as ResizeState
        if (previous.activeHandle < 0 || next.activeHandle >= 0 || !isRemote(tr)) return next
        const moved = samePlace(oldState.doc, newState.doc, previous.activeHandle)
        return moved === null ? next : new ResizeState(moved, previous.dragging)
      }
    }
  })
}

/** Where the cell at `pos` in `before` is in `after`: the same table (in document order), row and cell index. */
const samePlace = (before: Node, after: Node, pos: number): number | null => {
  const $cell = before.resolve(pos)
  const table = $cell.node(-1)
  if ($cell.parent.type.spec.tableRole !== 'row' || table.type.spec.tableRole !== 'table') return null
  const path = { table: tableIndex(before, $cell.before(-1)), row: $cell.index(-1), cell: $cell.index() }
  let found: number | null = null
  let index = 0
  after.descendants((node, at) => {
    if (found !== null) return false
    if (node.type.spec.tableRole !== 'table') return true
    if (index++ === path.table && path.row < node.childCount && path.cell < node.child(path.row).childCount) {
      let cellPos = at + 1
      for (let row = 0; row < path.row; row++) cellPos += node.child(row).nodeSize
      cellPos += 1
      for (let cell = 0; cell < path.cell; cell++) cellPos += node.child(path.row).child(cell).nodeSize
      found = cellPos
    }
    return false
  })
  return found
}

/** How many tables come before the one at `pos` in document order. */
const tableIndex = (doc: Node, pos: number): number => {
  let index = 0
  doc.descendants((node, at) => {
    if (at >= pos) return false
    if (node.type.spec.tableRole === 'table') index++
    return node.type.spec.tableRole !== 'table'
  })
  return index
}
