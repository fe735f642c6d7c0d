import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { schema } from '../schema'
import { countWords } from '../word-count'
import { documentToMarkdown } from './markdown-export'
import { markdownTableLosses } from './markdown-tables'
import { markdownToDocument } from './markdown-import'
import { documentToPlainText } from './plain-text'
import { paragraph as p, tableCell, tableHeader, tableRow, wholeSchemaDocument } from './testing/sample-documents'

const n = schema.nodes
const rows = (table: Node): string[][] => table.content.content.map((row) => row.content.content.map((cell) => `${cell.type.name === 'table_header' ? 'th:' : ''}${cell.textContent}`))

describe('Markdown tables (GFM)', () => {
  it('reads a GFM table with its header row, formatting and escaped pipes', () => {
    const { doc, warnings } = markdownToDocument('Intro\n\n| Name | Role |\n|---|---|\n| Ada | *lead* \\| chair |\n| **Grace** |\n')
    expect(warnings).toEqual([])
    expect(doc.content.content.map((block) => block.type.name)).toEqual(['paragraph', 'table'])
    expect(rows(doc.child(1))).toEqual([
      ['th:Name', 'th:Role'],
      ['Ada', 'lead | chair'],
      ['Grace', '']
    ])
    expect(doc.child(1).child(1).child(1).firstChild!.firstChild!.marks.map((mark) => mark.type.name)).toEqual(['italic'])
    expect(() => doc.check()).not.toThrow()
  })

  it('says that column alignments are not kept, with the line', () => {
    const { doc, warnings } = markdownToDocument('text\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n')
    expect(rows(doc.child(1))).toEqual([
      ['th:a', 'th:b'],
      ['1', '2']
    ])
    expect(warnings).toEqual([{ kind: 'table-alignment', count: 1, message: expect.stringMatching(/^Column alignments of tables \(1; line 3\) were not kept/) }])
  })

  it('reads an empty header row as a table without a header row, and <br><br> as paragraphs', () => {
    const { doc } = markdownToDocument('| | |\n|---|---|\n| one<br><br>two | three<br>four |\n')
    expect(rows(doc.child(0))).toEqual([['onetwo', 'threefour']])
    const [first, second] = [doc.child(0).child(0).child(0), doc.child(0).child(0).child(1)]
    expect(first.content.content.map((block) => block.textContent)).toEqual(['one', 'two'])
    expect(second.childCount).toBe(1)
    expect(second.firstChild!.child(1).type.name).toBe('hard_break')
  })

  it('writes merged cells in their first slot, blocks as lines, and reads back the same text in the same places', () => {
    const table = n.table!.create(null, [
      tableRow(tableHeader(p('Plan')), tableHeader(p('Steps')), tableHeader(p('Code'))),
      tableRow(
        n.table_cell!.create({ rowspan: 2 }, p('Q3')),
        tableCell(n.bullet_list!.create(null, [n.list_item!.create(null, p('draft')), n.list_item!.create(null, p('ship'))])),
        tableCell(n.code_block!.create(null, schema.text('a | b\nuse `x`')))
      ),
      tableRow(n.table_cell!.create({ colspan: 2 }, [n.task_list!.create(null, [n.task_item!.create({ checked: true }, p('done'))])]))
    ])
    const markdown = documentToMarkdown(n.doc!.create(null, [table]))
    expect(markdown).toBe(
      ['| Plan | Steps | Code |', '| --- | --- | --- |', '| Q3 | - draft<br>- ship | `a \\| b`<br>`` use `x` `` |', '| | [x] done | |', ''].join('\n')
    )
    const back = markdownToDocument(markdown).doc.child(0)
    expect(rows(back)).toEqual([
      ['th:Plan', 'th:Steps', 'th:Code'],
      ['Q3', '- draft- ship', 'a | buse `x`'],
      ['', '[x] done', '']
    ])
  })

  it('writes every column of a header row, header cells elsewhere as plain cells', () => {
    const table = n.table!.create(null, [tableRow(tableHeader(p('a')), tableCell(p('b'))), tableRow(tableHeader(p('c')), tableCell(p('d')))])
    expect(documentToMarkdown(n.doc!.create(null, [table]))).toBe('| | |\n| --- | --- |\n| a | b |\n| c | d |\n')
  })

  it('writes a table inside a list item and a quote where GFM reads it back', () => {
    const table = n.table!.create(null, [tableRow(tableHeader(p('k')), tableHeader(p('v'))), tableRow(tableCell(p('1')), tableCell(p('2')))])
    const doc = n.doc!.create(null, [n.blockquote!.create(null, [p('quoted'), table]), n.bullet_list!.create(null, [n.list_item!.create(null, [p('item'), table])])])
    const markdown = documentToMarkdown(doc)
    expect(markdown).toBe('> quoted\n>\n> | k | v |\n> | --- | --- |\n> | 1 | 2 |\n\n- item\n\n  | k | v |\n  | --- | --- |\n  | 1 | 2 |\n')
    expect(markdownToDocument(markdown).doc.toJSON()).toEqual(doc.toJSON())
  })
})

describe('what a Markdown export says it could not keep of tables', () => {
  it('names merged cells, blocks in cells, stray header cells and column widths, with counts', () => {
    const table = n.table!.create(null, [
      tableRow(tableHeader(p('a')), n.table_cell!.create({ colwidth: [150] }, p('b'))),
      tableRow(n.table_cell!.create({ colspan: 2 }, [p('merged'), n.code_block!.create(null, schema.text('x'))])),
      tableRow(tableHeader(n.heading!.create({ level: 2 }, schema.text('h'))), tableCell(p('plain')))
    ])
    expect(markdownTableLosses(n.doc!.create(null, [table]))).toEqual([
      'Merged cells (1) were written in their first column and row, the cells they covered left empty: Markdown tables cannot merge cells.',
      'Lists, headings, quotes and code in table cells (2) became lines of text: a Markdown table cell holds one line.',
      'Header cells outside a header row (2) became ordinary cells: a Markdown table has one header row, its first.',
      'Column widths (1 table) were not kept: Markdown tables have none.'
    ])
  })

  it('says nothing of tables Markdown holds as they are, several paragraphs and line breaks in cells included', () => {
    expect(markdownTableLosses(wholeSchemaDocument)).toEqual([])
  })
})

describe('tables in plain text and the word count', () => {
  const table = n.table!.create(null, [tableRow(tableHeader(p('Name')), tableHeader(p('Notes'))), tableRow(tableCell(p('Ada'), p('lead')), tableCell(p('表格')))])

  it('writes rows as tab-separated lines, a cell of several blocks on one line', () => {
    expect(documentToPlainText(n.doc!.create(null, [p('before'), table, p('after')]))).toBe('before\n\nName\tNotes\nAda lead\t表格\n\nafter\n')
  })

  it('counts the words of every cell, never joining words of neighbouring cells', () => {
    expect(countWords(n.doc!.create(null, [p('two words'), table]))).toBe(2 + 2 + 2 + 2)
  })
})
