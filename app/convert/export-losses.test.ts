import { describe, expect, it } from 'vitest'
import { schema } from '../schema'
import { exportLosses, exportLossMessage, exportLossNotice } from './export-losses'
import { formattedDocument, paragraph, tableCell, tableRow, wholeSchemaDocument } from './testing/sample-documents'

describe('exportLosses', () => {
  it('names the colours and alignment that Markdown and plain text leave out', () => {
    expect(exportLosses(formattedDocument, 'md')).toEqual(['text-color', 'highlight', 'alignment'])
    expect(exportLosses(formattedDocument, 'txt')).toEqual(['text-color', 'highlight', 'alignment'])
    expect(exportLosses(formattedDocument, 'html')).toEqual([])
    expect(exportLosses(wholeSchemaDocument, 'md')).toEqual([])
  })

  it('says so in one sentence', () => {
    expect(exportLossMessage('Markdown', ['text-color', 'highlight', 'alignment'])).toBe(
      'Markdown has no text colours, highlights or alignment; they were left out, the text kept.'
    )
    expect(exportLossMessage('Plain text', ['alignment'])).toBe('Plain text has no alignment; it was left out, the text kept.')
    expect(exportLossMessage('Markdown', [])).toBeNull()
  })
})

describe('exportLossNotice', () => {
  const mergedTable = schema.nodes.table!.create(null, [
    tableRow(tableCell(paragraph('a')), tableCell(paragraph('b'))),
    tableRow(schema.nodes.table_cell!.create({ colspan: 2 }, paragraph('merged')))
  ])
  const both = schema.nodes.doc!.create(null, [...formattedDocument.content.content, mergedTable])

  it('tells of the formatting and the table shapes a Markdown file lost, in that order', () => {
    expect(exportLossNotice(both, 'md')).toBe(
      'Markdown has no text colours, highlights or alignment; they were left out, the text kept. ' +
        'Merged cells (1) were written in their first column and row, the cells they covered left empty: Markdown tables cannot merge cells.'
    )
  })

  it('says nothing of tables for plain text and nothing at all for HTML or a plain document', () => {
    expect(exportLossNotice(both, 'txt')).toBe('Plain text has no text colours, highlights or alignment; they were left out, the text kept.')
    expect(exportLossNotice(both, 'html')).toBeNull()
    expect(exportLossNotice(wholeSchemaDocument, 'md')).toBeNull()
  })
})
