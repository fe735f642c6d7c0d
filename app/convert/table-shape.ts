import type { Node } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { fixTables, TableMap } from 'prosemirror-tables'

/**
 * The grid of a table as its columns line up: one entry per row and column, the cell that covers
 * that slot where the cell starts (its top-left slot), `null` in the other slots of a merged cell.
 * Exporters that have no merged cells (Markdown, plain text) write the cell once and leave the
 * rest of its area empty, so every row keeps the table's width.
 */
export const tableGrid = (table: Node): Array<Array<Node | null>> => {
  const map = TableMap.get(table)
  const rows: Array<Array<Node | null>> = []
  for (let row = 0; row < map.height; row++) {
    const cells: Array<Node | null> = []
    for (let col = 0; col < map.width; col++) {
      const index = row * map.width + col
      const pos = map.map[index]!
      const startsHere = (row === 0 || map.map[index - map.width] !== pos) && (col === 0 || map.map[index - 1] !== pos)
      cells.push(startsHere ? table.nodeAt(pos) : null)
    }
    rows.push(cells)
  }
  return rows
}

/** Whether a table has a cell that spans more than one row or column. */
export const hasMergedCells = (table: Node): boolean => {
  let merged = false
  table.forEach((row) =>
    row.forEach((cell) => {
      if ((cell.attrs.colspan as number) > 1 || (cell.attrs.rowspan as number) > 1) merged = true
    })
  )
  return merged
}

/** Whether every cell of a row is a header cell. */
export const isHeaderRow = (row: Node): boolean => {
  if (row.childCount === 0) return false
  let header = true
  row.forEach((cell) => {
    if (cell.type.spec.tableRole !== 'header_cell') header = false
  })
  return header
}

/**
 * `doc` with every table made rectangular the way the editor would make it (prosemirror-tables'
 * `fixTables`): short rows get empty cells, cells that overlap or span past the end are cut back.
 * Imported HTML and Markdown can hold ragged tables; the document API and the editor should see
 * the same table, so imports are made regular once, before anything is written to the Y.Doc.
 */
export const regularTables = (doc: Node): Node => {
  let hasTable = false
  doc.descendants((node) => {
    if (node.type.spec.tableRole === 'table') hasTable = true
    return !hasTable
  })
  if (!hasTable) return doc
  const fixed = fixTables(EditorState.create({ doc }))
  return fixed === undefined ? doc : fixed.doc
}
