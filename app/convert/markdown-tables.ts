import type { Node } from 'prosemirror-model'
import { isHeaderRow, tableGrid } from './table-shape'
import { t } from '../i18n/translate'

/**
 * How a table is written as a GFM pipe table. GFM cells hold one line of inline Markdown, and a
 * GFM table always starts with one header row; Ensemble cells hold blocks, and a table may have
 * no header row or merged cells. The closest faithful rendering, which `markdownToDocument` reads
 * back as the same table wherever Markdown can say it:
 *
 * - paragraphs of a cell are joined with `<br><br>` (read back as separate paragraphs), line
 *   breaks are `<br>`;
 * - lists in a cell become lines `- item`, `1. item`, `[x] item` joined with `<br>`, code blocks
 *   lines of inline code, quotes lines starting with `> `;
 * - a table without a header row gets an empty one (read back as no header row);
 * - a merged cell is written in its first slot, the other slots it covers left empty;
 * - header cells outside the first row become ordinary cells;
 * - `|` is escaped as `\|`.
 */
export const tableAsMarkdown = (table: Node, inlineMarkdown: (textblock: Node) => string): string[] => {
  const grid = tableGrid(table)
  const width = grid[0]?.length ?? 0
  if (width === 0) return []
  const cellText = (cell: Node | null): string => (cell === null ? '' : cellMarkdown(cell, inlineMarkdown))
  const withHeader = table.firstChild !== null && isHeaderRow(table.firstChild)
  const header = withHeader ? grid[0]!.map(cellText) : new Array<string>(width).fill('')
  const body = (withHeader ? grid.slice(1) : grid).map((row) => row.map(cellText))
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |')
  return [line(header), line(new Array<string>(width).fill('---')), ...body.map(line)]
}

/** One cell as one line of inline Markdown. */
const cellMarkdown = (cell: Node, inlineMarkdown: (textblock: Node) => string): string => {
  const parts: string[] = []
  cell.forEach((block) => parts.push(blockLines(block, inlineMarkdown).join('<br>')))
  return parts
    .join('<br><br>')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
}

/** A block inside a cell as lines of inline Markdown. */
const blockLines = (block: Node, inlineMarkdown: (textblock: Node) => string): string[] => {
  switch (block.type.name) {
    case 'paragraph':
    case 'heading':
      return [inlineMarkdown(block)]
    case 'code_block':
      return block.textContent.split('\n').map(codeSpan)
    case 'horizontal_rule':
      return ['---']
    case 'blockquote':
      return childLines(block, inlineMarkdown).map((line) => `> ${line}`)
    case 'bullet_list':
      return listLines(block, inlineMarkdown, () => '- ')
    case 'task_list':
      return listLines(block, inlineMarkdown, (item) => (item.attrs.checked === true ? '[x] ' : '[ ] '))
    case 'ordered_list':
      return listLines(block, inlineMarkdown, (_item, index) => `${(block.attrs.order as number) + index}. `)
    case 'table':
      // Tables cannot nest in Markdown: each row of the inner table is a line, cells separated by " / ".
      return tableGrid(block).map((row) =>
        row
          .filter((cell): cell is Node => cell !== null)
          .map((cell) => childLines(cell, inlineMarkdown).join(' '))
          .join(' / ')
      )
    default:
      return childLines(block, inlineMarkdown)
  }
}

const childLines = (node: Node, inlineMarkdown: (textblock: Node) => string): string[] => {
  const lines: string[] = []
  node.forEach((child) => lines.push(...blockLines(child, inlineMarkdown)))
  return lines
}

const listLines = (list: Node, inlineMarkdown: (textblock: Node) => string, marker: (item: Node, index: number) => string): string[] => {
  const lines: string[] = []
  list.forEach((item, _offset, index) => {
    const [first = '', ...rest] = childLines(item, inlineMarkdown)
    lines.push(marker(item, index) + first, ...rest.map((line) => `  ${line}`))
  })
  return lines
}

/** Text as an inline code span, fenced with more backticks than it holds in a row. */
const codeSpan = (text: string): string => {
  if (text === '') return ''
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * What a Markdown export of `doc` cannot keep of its tables, one sentence each (empty when it keeps
 * everything), for the person exporting: the export itself is the closest rendering above.
 */
export const markdownTableLosses = (doc: Node): string[] => {
  let merged = 0
  let blocks = 0
  let headers = 0
  let widths = 0
  doc.descendants((table) => {
    if (table.type.name !== 'table') return true
    const headerRow = table.firstChild !== null && isHeaderRow(table.firstChild)
    let hasWidths = false
    table.forEach((row, _offset, rowIndex) =>
      row.forEach((cell) => {
        if ((cell.attrs.colspan as number) > 1 || (cell.attrs.rowspan as number) > 1) merged++
        if (cell.attrs.colwidth !== null) hasWidths = true
        if (cell.type.name === 'table_header' && !(headerRow && rowIndex === 0)) headers++
        cell.forEach((block) => {
          if (block.type.name !== 'paragraph') blocks++
        })
      })
    )
    if (hasWidths) widths++
    // Tables nested in cells are counted as blocks of their cell.
    return false
  })
  return [
    merged > 0 ? t('export.tableMerged', { count: merged }) : '',
    blocks > 0 ? t('export.tableBlocks', { count: blocks }) : '',
    headers > 0 ? t('export.tableHeaders', { count: headers }) : '',
    widths > 0 ? t('export.tableWidths', { count: widths }) : ''
  ].filter((sentence) => sentence !== '')
}
