import { moveChildren, replaceElement, type DomDocument, type DomElement, type DomNode } from './html-dom'
import type { ImportWarnings } from './import-warnings'

/**
 * Prepares the tables of an HTML page for the schema's parse rules, as pasted from a web page,
 * Google Docs, Google Sheets or Word and as exported by other editors:
 *
 * - a table inside a table cell (layout tables, Google Docs' nested tables) becomes one paragraph
 *   per row inside its cell, cells separated by ` | `; Ensemble tables do not nest;
 * - a `<caption>` becomes a paragraph above its table;
 * - rows without cells and tables without rows are removed (nothing in them to keep);
 * - `colspan`/`rowspan` that are not whole numbers are dropped, too large ones cut to what HTML
 *   itself allows (1000 columns, 65534 rows); the table is made rectangular after parsing
 *   (`regularTables`);
 * - a cell holding only line breaks is an empty cell (Google Docs writes `<br>` for one), and a
 *   `<br>` right after a table, between blocks, is dropped (Google Docs adds one after its table).
 *
 * Word's markup needs nothing of its own here: its `<o:p>` paragraph markers are handled for the
 * whole page (`removeWordParagraphMarkers`), its `mso-` styles are ignored like every style the
 * parse rules do not read.
 */
export const normaliseTables = (page: DomDocument, body: DomElement, warnings: ImportWarnings): void => {
  // Innermost first, so that an outer table sees its nested ones already flattened.
  for (const table of Array.from(body.querySelectorAll('table')).reverse()) {
    if (closestTable(table) !== null) {
      warnings.add('nested-table')
      tableAsParagraphs(page, table)
      continue
    }
    for (const caption of Array.from(table.querySelectorAll('caption'))) {
      warnings.add('table-caption')
      const paragraph = page.createElement('p')
      moveChildren(caption, paragraph)
      caption.parentNode?.removeChild(caption)
      table.parentNode?.insertBefore(paragraph, table)
    }
    for (const row of Array.from(table.querySelectorAll('tr'))) {
      if (cellsOf(row).length === 0) row.parentNode?.removeChild(row)
    }
    if (table.querySelector('tr') === null) {
      table.parentNode?.removeChild(table)
      continue
    }
    for (const cell of Array.from(table.querySelectorAll('td, th'))) {
      cleanSpan(cell, 'colspan', 1000)
      cleanSpan(cell, 'rowspan', 65534)
      if (onlyLineBreaks(cell)) cell.innerHTML = ''
    }
    removeBreakAfter(table)
  }
}

/**
 * Word writes each paragraph's end as `<o:p></o:p>`, and an empty paragraph as `<o:p>&nbsp;</o:p>`:
 * the marker goes, an empty paragraph stays empty rather than holding a no-break space.
 */
export const removeWordParagraphMarkers = (body: DomElement): void => {
  for (const element of Array.from(body.querySelectorAll('*'))) {
    if (element.tagName.toLowerCase() !== 'o:p' || element.parentNode === null) continue
    if (/^[\s\u00a0]*$/.test(element.textContent ?? '')) element.parentNode.removeChild(element)
    else replaceElement(element, ...childrenOf(element))
  }
}

/**
 * Replaces a table with one paragraph per row, cells separated by ` | `. The paragraphs of a cell
 * (Word puts every cell's text in a `<p>`) are joined with spaces, since a paragraph cannot hold one.
 */
const tableAsParagraphs = (page: DomDocument, table: DomElement): void => {
  const paragraphs = Array.from(table.querySelectorAll('tr')).map((row) => {
    const paragraph = page.createElement('p')
    cellsOf(row).forEach((cell, index) => {
      if (index > 0) paragraph.appendChild(page.createTextNode(' | '))
      childrenOf(cell).forEach((child, at) => {
        if (child.nodeType === elementNode && /^(p|div|h[1-6])$/i.test((child as DomElement).tagName)) {
          if (at > 0) paragraph.appendChild(page.createTextNode(' '))
          moveChildren(child, paragraph)
        } else paragraph.appendChild(child)
      })
    })
    return paragraph
  })
  replaceElement(table, ...paragraphs)
}

const cellsOf = (row: DomElement): DomElement[] => Array.from(row.children).filter((cell) => /^t[dh]$/i.test(cell.tagName))

const closestTable = (element: DomElement): DomElement | null => {
  for (let node = element.parentNode; node !== null; node = node.parentNode) {
    if ((node as DomElement).tagName?.toLowerCase() === 'table') return node as DomElement
  }
  return null
}

const cleanSpan = (cell: DomElement, name: 'colspan' | 'rowspan', most: number): void => {
  const value = cell.getAttribute(name)
  if (value === null) return
  const span = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!(span >= 1)) cell.removeAttribute(name)
  else if (span > most) cell.setAttribute(name, String(most))
  else if (String(span) !== value) cell.setAttribute(name, String(span))
}

const onlyLineBreaks = (cell: DomElement): boolean =>
  cell.querySelector('br') !== null && /^[\s\u00a0]*$/.test(cell.textContent ?? '') && cell.querySelector('img') === null

/** Removes a `<br>` that follows the table, or the wrapper that holds only the table, at block level. */
const removeBreakAfter = (table: DomElement): void => {
  let block: DomElement = table
  // Google Docs wraps the table in a <div>, and the page in a <b>; the <br> follows the <div>.
  while (block.parentNode !== null && isWrapper(block.parentNode as DomElement) && childrenOf(block.parentNode as DomElement).filter(isContent).length === 1) {
    block = block.parentNode as DomElement
  }
  const next = block.nextElementSibling
  if (next !== null && next.tagName.toLowerCase() === 'br') next.parentNode?.removeChild(next)
}

const isWrapper = (element: DomElement): boolean => /^(div|span|b|section|figure|center)$/i.test(element.tagName ?? '')

const isContent = (node: DomNode): boolean => node.nodeType === elementNode || (node.nodeType === textNode && /\S/.test(node.textContent ?? ''))

const childrenOf = (node: DomNode): DomNode[] => {
  const children: DomNode[] = []
  for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child)
  return children
}

const elementNode = 1
const textNode = 3
