import type { Node, NodeType } from 'prosemirror-model'
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import {
  addColumnAfter,
  addColumnBefore,
  addRow,
  addRowAfter,
  addRowBefore,
  CellSelection,
  deleteColumn,
  deleteRow,
  deleteTable,
  goToNextCell,
  isInTable,
  mergeCells,
  rowIsHeader,
  selectedRect,
  splitCell,
  TableMap
} from 'prosemirror-tables'
import { schema } from '../../../app/schema'

/**
 * Table commands of the editor, on prosemirror-tables. Each returns `false` where it does not
 * apply, so that menus can disable them and keymaps fall through.
 */

const nodes = schema.nodes as Record<'table' | 'table_row' | 'table_cell' | 'table_header' | 'paragraph', NodeType>
const { table: tableType, table_row: rowType, table_cell: cellType, table_header: headerType, paragraph: paragraphType } = nodes

/** The size of a table made by the toolbar's button or the shortcut. */
export const newTableSize = { rows: 3, columns: 3 } as const

/** A table of empty cells whose first row is a header row. */
export const emptyTable = (rows: number, columns: number): Node => {
  const row = (type: typeof cellType): Node => rowType.create(null, Array.from({ length: columns }, () => type.createAndFill()!))
  return tableType.create(null, [row(headerType), ...Array.from({ length: rows - 1 }, () => row(cellType))])
}

/**
 * Inserts an empty table with a header row, as Google Docs does: in place of an empty paragraph,
 * else before or after the block the caret is in, splitting it when the caret is inside its text.
 * A paragraph follows the table when nothing else would, so that writing can go on below it; the
 * caret goes into the first cell. Tables do not nest: inside a table it does not apply.
 */
export const insertTable =
  (rows: number = newTableSize.rows, columns: number = newTableSize.columns): Command =>
  (state, dispatch) => {
    if (isInTable(state) || !canPlaceTable(state)) return false
    if (dispatch === undefined) return true
    const tr = state.tr.deleteSelection()
    const $pos = tr.selection.$from
    const textblock = $pos.parent.isTextblock && $pos.depth > 0
    let at: number
    if (textblock && $pos.parent.content.size === 0) {
      at = $pos.before()
      tr.delete(at, $pos.after())
    } else if (textblock && $pos.parentOffset === 0) at = $pos.before()
    else if (textblock && $pos.parentOffset === $pos.parent.content.size) at = $pos.after()
    else if (textblock) {
      tr.split($pos.pos)
      at = $pos.pos + 1
    } else at = $pos.pos
    const $at = tr.doc.resolve(at)
    if (!$at.parent.canReplaceWith($at.index(), $at.index(), tableType)) return false
    tr.insert(at, emptyTable(rows, columns))
    const after = at + tr.doc.nodeAt(at)!.nodeSize
    if (tr.doc.resolve(after).nodeAfter === null) tr.insert(after, paragraphType.create())
    // Inside the table, its first row, its first cell and that cell's paragraph.
    tr.setSelection(TextSelection.create(tr.doc, at + 4))
    dispatch(tr.scrollIntoView())
    return true
  }

/** Whether a table may go where the selection is: the block the caret is in sits where blocks may. */
const canPlaceTable = (state: EditorState): boolean => {
  const { $from } = state.selection
  for (let depth = $from.depth; depth >= 0; depth--) {
    const index = $from.index(depth)
    if ($from.node(depth).canReplaceWith(index, index, tableType)) return true
  }
  return false
}

/**
 * Tab in a table: the next cell, its content selected, or in the last cell a new row below and its
 * first cell, as in Google Docs and Word.
 */
export const nextCellOrNewRow: Command = (state, dispatch) => {
  if (!isInTable(state)) return false
  if (goToNextCell(1)(state, dispatch)) return true
  if (dispatch !== undefined) {
    const rect = selectedRect(state)
    const tr = addRow(state.tr, rect, rect.map.height)
    const table = tr.doc.nodeAt(rect.tableStart - 1)!
    const cell = rect.tableStart + TableMap.get(table).positionAt(rect.map.height, 0, table)
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(cell + 1))).scrollIntoView())
  }
  return true
}

/** Shift-Tab in a table: the previous cell; in the first cell the caret stays (the focus never leaves the document). */
export const previousCell: Command = (state, dispatch) => {
  if (!isInTable(state)) return false
  goToNextCell(-1)(state, dispatch)
  return true
}

/** Whether the table at the selection starts with a header row. */
export const hasHeaderRow = (state: EditorState): boolean => {
  if (!isInTable(state)) return false
  const rect = selectedRect(state)
  return rowIsHeader(rect.map, rect.table, 0)
}

/**
 * Makes the table's first row a header row, or an ordinary row again: the header row of Google
 * Docs and Notion, whichever cell the caret is in. (prosemirror-tables' `toggleHeaderRow` acts on
 * the selected rows instead.)
 */
export const toggleFirstRowHeader: Command = (state, dispatch) => {
  if (!isInTable(state)) return false
  if (dispatch !== undefined) {
    const { map, table, tableStart } = selectedRect(state)
    const type = rowIsHeader(map, table, 0) ? cellType : headerType
    const tr = state.tr
    for (const pos of new Set(map.map.slice(0, map.width))) {
      const cell = table.nodeAt(pos)!
      if (cell.type !== type) tr.setNodeMarkup(tableStart + pos, type, cell.attrs)
    }
    dispatch(tr)
  }
  return true
}

/** Whether several cells are selected (a drag across cells, Shift+arrows). */
export const isCellSelection = (state: EditorState): boolean => state.selection instanceof CellSelection

export {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable,
  isInTable,
  mergeCells,
  splitCell
}
