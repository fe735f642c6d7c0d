import type { Node, NodeType } from 'prosemirror-model'
import { TableMap } from 'prosemirror-tables'
import { describe, expect, it } from 'vitest'
import { documentToHtml } from '../../app/convert/html-export'
import { htmlToDocument } from '../../app/convert/html-import'
import { documentToPlainText } from '../../app/convert/plain-text'
import { googleDocsTable, googleSheetsTable, webPageTable, wordTable } from '../../app/convert/testing/pasted-tables'
import { paragraph as p, tableRow } from '../../app/convert/testing/sample-documents'
import { schema } from '../../app/schema'
import { serverDom } from './server-dom'

const dom = serverDom
const read = (html: string) => htmlToDocument(html, { dom })

/** A table as rows of [cell type, colspan, rowspan, text] with `th` for header cells. */
const shape = (table: Node): Array<Array<string>> =>
  table.content.content.map((row) =>
    row.content.content.map((cell) => {
      const span = cell.attrs.colspan !== 1 || cell.attrs.rowspan !== 1 ? `[${cell.attrs.colspan as number}x${cell.attrs.rowspan as number}]` : ''
      return `${cell.type.name === 'table_header' ? 'th:' : ''}${span}${cell.content.content.map((block) => block.textContent).join('¶')}`
    })
  )

const onlyTable = (doc: Node): Node => {
  const tables = doc.content.content.filter((block) => block.type.name === 'table')
  expect(tables).toHaveLength(1)
  return tables[0]!
}

describe('tables pasted or imported from other programs stay tables (linkedom, as on the relay)', () => {
  it('Google Docs: the wrappers, styles and trailing <br> go; bold, italics, paragraphs and merged cells stay', () => {
    const { doc, warnings } = read(googleDocsTable)
    expect(warnings).toEqual([])
    expect(doc.childCount).toBe(1)
    expect(shape(onlyTable(doc))).toEqual([
      ['Task', 'Owner', 'Due'],
      ['Write the post¶then review it', 'Ana', ''],
      ['[2x1]发布 launch', 'Friday']
    ])
    const header = doc.child(0).child(0).child(0).child(0).child(0)
    expect(header.marks.map((mark) => mark.type.name)).toEqual(['bold'])
    const write = doc.child(0).child(1).child(0).child(0)
    expect(write.child(0).marks.map((mark) => mark.type.name)).toEqual(['italic'])
    expect(write.child(1).marks).toEqual([])
    // An empty cell holds one empty paragraph, not a line break.
    expect(doc.child(0).child(1).child(2).toJSON()).toMatchObject({ content: [{ type: 'paragraph' }] })
    expect(() => doc.check()).not.toThrow()
  })

  it('Word: <o:p> markers, mso- styles and &nbsp; empty cells leave a clean table and the paragraph after it', () => {
    const { doc, warnings } = read(wordTable)
    expect(warnings).toEqual([])
    expect(shape(onlyTable(doc))).toEqual([
      ['Item', 'Price'],
      ['Apples, green', '€ 3'],
      ['Pears', '']
    ])
    expect(doc.child(0).child(1).child(0).firstChild!.lastChild!.marks.map((mark) => mark.type.name)).toEqual(['italic'])
    expect(doc.lastChild!.textContent).toBe('After the table')
    expect(doc.textContent).not.toContain('\u00a0')
  })

  it('Google Sheets: cells holding text directly become paragraphs; cell styles give bold', () => {
    const { doc, warnings } = read(googleSheetsTable)
    expect(warnings).toEqual([])
    expect(shape(onlyTable(doc))).toEqual([
      ['Fruit', 'Qty'],
      ['Apples', '3']
    ])
    expect(doc.child(0).child(0).child(0).firstChild!.firstChild!.marks.map((mark) => mark.type.name)).toEqual(['bold'])
  })

  it('a web page: header cells in thead and per row, the caption above, a merged row, links kept', () => {
    const { doc, warnings } = read(webPageTable)
    expect(doc.content.content.map((block) => block.type.name)).toEqual(['paragraph', 'paragraph', 'table'])
    expect(doc.child(1).textContent).toBe('Largest cities')
    expect(shape(doc.child(2))).toEqual([
      ['th:City', 'th:Population[1]'],
      ['th:上海', '24,870,895'],
      ['th:北京', '21,893,095'],
      ['[2x1]Source: 2020 census']
    ])
    expect(doc.child(2).child(1).child(0).firstChild!.firstChild!.marks[0]!.attrs.href).toBe('/wiki/Shanghai')
    expect(warnings.map((warning) => warning.kind).sort()).toEqual(['table-caption', 'unsupported-element'])
  })

  it('makes ragged tables rectangular and drops bad spans, empty rows and empty tables', () => {
    const { doc } = read(
      '<table><tr><td colspan="abc">a</td><td rowspan="0">b</td><td>c</td></tr><tr></tr><tr><td colspan="2.5">d</td></tr><tr><td rowspan="9">e</td><td>f</td></tr></table><table><tbody></tbody></table><p>after</p>'
    )
    expect(doc.content.content.map((block) => block.type.name)).toEqual(['table', 'paragraph'])
    const map = TableMap.get(doc.child(0))
    expect(map.problems).toBeNull()
    expect([map.width, map.height]).toEqual([3, 3])
    expect(shape(doc.child(0)).map((row) => row.filter((text) => text !== ''))).toEqual([['a', 'b', 'c'], ['d'], ['e', 'f']])
    expect(() => doc.check()).not.toThrow()
  })
})

describe('HTML export of tables', () => {
  // Column widths as the editor keeps them: on every cell of a resized column.
  const { table_cell: cell, table_header: header } = schema.nodes as Record<string, NodeType>
  const table = schema.nodes.table!.create(null, [
    tableRow(header!.create({ colwidth: [120] }, p('Name')), header!.create({ colwidth: [200] }, p('Notes'))),
    tableRow(cell!.create({ colspan: 2, colwidth: [120, 200] }, [p('merged'), p('two paragraphs')])),
    tableRow(cell!.create({ rowspan: 2, colwidth: [120] }, [p('tall')]), cell!.create({ colwidth: [200] }, p('x'))),
    tableRow(cell!.create({ colwidth: [200] }, p('y')))
  ])
  const doc = schema.node('doc', null, [table, p('after')])

  it('writes header cells, spans and widths, and reads them back as the same table', () => {
    const html = documentToHtml(doc, { dom, title: 'Table' })
    expect(html).toContain('<table><tbody><tr><th data-colwidth="120"><p>Name</p></th><th data-colwidth="200"><p>Notes</p></th></tr><tr><td ')
    expect(html).toMatch(/<td (colspan="2" data-colwidth="120,200"|data-colwidth="120,200" colspan="2")><p>merged<\/p><p>two paragraphs<\/p><\/td>/)
    expect(html).toMatch(/<td (rowspan="2" data-colwidth="120"|data-colwidth="120" rowspan="2")><p>tall<\/p><\/td>/)
    expect(html).toMatch(/<style>[^<]*td, th \{ border: 1px solid/)
    const back = read(html)
    expect(back.warnings).toEqual([])
    expect(back.doc.toJSON()).toEqual(doc.toJSON())
  })

  it('writes plain text rows with tab-separated cells, merged cells leaving their columns empty', () => {
    expect(documentToPlainText(doc)).toBe('Name\tNotes\nmerged two paragraphs\t\ntall\tx\n\ty\n\nafter\n')
  })
})
