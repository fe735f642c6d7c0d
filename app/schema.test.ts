import { describe, expect, it } from 'vitest'
import { imageFileProblem, maxImageFileBytes, schema } from './schema'

describe('schema', () => {
  it('has the node and mark types the editor offers', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bullet_list',
        'code_block',
        'doc',
        'hard_break',
        'heading',
        'horizontal_rule',
        'image',
        'list_item',
        'mention',
        'ordered_list',
        'paragraph',
        'table',
        'table_cell',
        'table_header',
        'table_row',
        'task_item',
        'task_list',
        'text'
      ].sort()
    )
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'deletion', 'highlight', 'insertion', 'italic', 'link', 'strike', 'text_color', 'underline', 'ychange'])
  })

  it('renders a version’s added and removed text, never parses it, and keeps colours out of the style when malformed', () => {
    const added = schema.marks.ychange!.create({ user: 'Ana', type: 'added', color: { light: '#d7263d33', dark: '#d7263d' } })
    const spec = schema.marks.ychange!.spec.toDOM!(added, true) as [string, Record<string, string>, number]
    expect(spec[0]).toBe('ins')
    expect(spec[1]).toMatchObject({ 'data-ychange': 'added', 'data-user': 'Ana', style: 'background-color: #d7263d33' })
    const removed = schema.marks.ychange!.create({ user: 'Ben', type: 'removed', color: { light: 'red; x: url(y)', dark: 'red; x: url(y)' } })
    const removedSpec = schema.marks.ychange!.spec.toDOM!(removed, true) as [string, Record<string, string>, number]
    expect(removedSpec[0]).toBe('del')
    expect(removedSpec[1]!.style).toBe('color: #b42318')
    expect(schema.marks.ychange!.spec.parseDOM).toBeUndefined()
  })

  it('accepts an empty blockquote and list, as concurrent deletes can leave them', () => {
    expect(() => schema.nodes.blockquote!.createChecked(null, [])).not.toThrow()
    expect(() => schema.nodes.bullet_list!.createChecked(null, [])).not.toThrow()
  })

  it('has prosemirror-tables’ table roles, cells of blocks with spans and widths, tables as blocks', () => {
    const { table, table_row: row, table_cell: cell, table_header: header } = schema.nodes
    expect([table, row, cell, header].map((type) => type!.spec.tableRole)).toEqual(['table', 'row', 'cell', 'header_cell'])
    expect(table!.isInGroup('block')).toBe(true)
    expect(cell!.createAndFill()!.toJSON()).toEqual({ type: 'table_cell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph', attrs: { align: null } }] })
    expect(() => cell!.createChecked(null, [schema.nodes.bullet_list!.create(), schema.nodes.paragraph!.create()])).not.toThrow()
    expect(() => cell!.create({ colwidth: 'wide' })).toThrow(/colwidth/)
  })

  it('refuses an image without a source', () => {
    expect(() => schema.nodes.image!.create({ src: 7 })).toThrow(/src/)
  })
})

describe('imageFileProblem', () => {
  it('accepts a small PNG', () => {
    expect(imageFileProblem({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull()
  })
  it('names the file and the limit when it is too big', () => {
    expect(imageFileProblem({ name: 'big.jpg', type: 'image/jpeg', size: maxImageFileBytes + 1 })).toMatch(
      /"big.jpg" is 2.0 MB; .* at most 2.0 MB/
    )
  })
  it('refuses a type browsers cannot show', () => {
    expect(imageFileProblem({ name: 'x.tiff', type: 'image/tiff', size: 10 })).toMatch(/"x.tiff" is image\/tiff/)
  })
})
