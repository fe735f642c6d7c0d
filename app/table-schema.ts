import type { NodeSpec } from 'prosemirror-model'
import { tableNodes } from 'prosemirror-tables'

/**
 * The table nodes of the schema: prosemirror-tables' `table`, `table_row`, `table_cell` and
 * `table_header` (a header cell; a header row is a first row of them), so its commands, cell
 * selection and copy/paste work unchanged. Cells hold blocks, as in Google Docs and Word: several
 * paragraphs, lists, quotes, code. Cells keep `colspan`, `rowspan` and `colwidth` (pixels per
 * spanned column, `null` when not set). The names are part of the stored format: never rename one.
 */
export const tableNodeSpecs: Record<'table' | 'table_row' | 'table_cell' | 'table_header', NodeSpec> = tableNodes({
  tableGroup: 'block',
  cellContent: 'block+',
  cellAttributes: {}
})

/** The names of the table node types. */
export const tableNodeNames = ['table', 'table_row', 'table_cell', 'table_header'] as const

/** Whether a node type name is that of a table cell (header or not). */
export const isCellTypeName = (name: string): boolean => name === 'table_cell' || name === 'table_header'
