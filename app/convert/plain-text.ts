import type { Node } from 'prosemirror-model'
import { mentionText, type MentionAttrs } from '../mentions'
import { tableGrid } from './table-shape'

/**
 * Writes a document as plain text: blocks separated by blank lines, list items with `-`, `1.` or
 * `[ ]`/`[x]` and indented under their list, quotes with `> `, images as their description, hard
 * breaks as line breaks, mentions as `@Name` or the document's name, code blocks as they are,
 * tables as one line per row with the cells separated by tabs (as spreadsheets paste them).
 * Formatting and link targets are not kept. Trailing spaces go; trailing tabs stay, as a table
 * row's empty last cells.
 */
export const documentToPlainText = (doc: Node): string => blocks(doc).join('\n\n').replace(/ +$/gm, '') + '\n'

/** The text of each block child of `node`, each possibly several lines. */
const blocks = (node: Node): string[] => {
  const out: string[] = []
  node.forEach((child) => out.push(block(child)))
  return out
}

const block = (node: Node): string => {
  switch (node.type.name) {
    case 'paragraph':
    case 'heading':
    case 'code_block':
      return inline(node)
    case 'horizontal_rule':
      return '---'
    case 'blockquote':
      return prefixLines(blocks(node).join('\n\n'), '> ', '> ')
    case 'bullet_list':
      return items(node, () => '- ')
    case 'task_list':
      return items(node, (item) => (item.attrs.checked === true ? '[x] ' : '[ ] '))
    case 'ordered_list':
      return items(node, (_item, index) => `${(node.attrs.order as number) + index}. `)
    case 'table':
      return tableRows(node)
    default:
      return blocks(node).join('\n\n')
  }
}

const items = (list: Node, marker: (item: Node, index: number) => string): string => {
  const out: string[] = []
  list.forEach((item, _offset, index) => {
    const first = marker(item, index)
    out.push(prefixLines(blocks(item).join('\n'), first, ' '.repeat(first.length)))
  })
  return out.join('\n')
}

/**
 * A table's rows as lines of tab-separated cells. A cell is one line: its blocks are joined with
 * spaces, its line breaks and tabs become spaces. A merged cell's text is in its first column, the
 * other columns it covers are empty, so that every line has as many cells as the table has columns.
 */
const tableRows = (table: Node): string =>
  tableGrid(table)
    .map((row) => row.map((cell) => (cell === null ? '' : blocks(cell).join(' ').replace(/\s+/g, ' ').trim())).join('\t'))
    .join('\n')

const inline = (node: Node): string => {
  let text = ''
  node.forEach((child) => {
    if (child.isText) text += child.text
    else if (child.type.name === 'hard_break') text += '\n'
    else if (child.type.name === 'image') text += (child.attrs.alt as string) || '[image]'
    else if (child.type.name === 'mention') text += mentionText(child.attrs as MentionAttrs)
  })
  // A break at the very end shows nothing in the editor either.
  return node.type.name === 'code_block' ? text : text.replace(/\n+$/, '')
}

const prefixLines = (text: string, first: string, rest: string): string =>
  text
    .split('\n')
    .map((line, index) => (index === 0 ? first : line === '' && rest.trim() === '' ? '' : rest) + line)
    .join('\n')
