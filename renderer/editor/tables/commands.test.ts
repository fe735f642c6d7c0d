import type { Node } from 'prosemirror-model'
import { EditorState, TextSelection, type Command } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'
import { describe, expect, it } from 'vitest'
import { schema } from '../../../app/schema'
import { insertTable, nextCellOrNewRow, previousCell, toggleFirstRowHeader } from './commands'
import { tablePlugins } from './plugins'

const n = schema.nodes
const p = (text = ''): Node => n.paragraph!.create(null, text === '' ? [] : [schema.text(text)])

/** A state of `blocks` with the caret at `pos` and the table plugins. */
const stateOf = (blocks: Node[], pos: number): EditorState => {
  const doc = n.doc!.create(null, blocks)
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos), plugins: tablePlugins() })
}

const run = (state: EditorState, command: Command): EditorState => {
  let next: EditorState | null = null
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next!
}

/** The document as block names, a table as its size, e.g. `table 3x3`. */
const outline = (doc: Node): string[] =>
  doc.content.content.map((block) => (block.type.name === 'table' ? `table ${block.childCount}x${block.firstChild!.childCount}` : `${block.type.name}:${block.textContent}`))

const caretCell = (state: EditorState): string => {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type.spec.tableRole?.includes('cell')) return `${$from.index(depth - 2)},${$from.index(depth - 1)}`
  return 'outside'
}

describe('insertTable', () => {
  it('replaces an empty paragraph, keeps a paragraph after the table and puts the caret in the first cell', () => {
    const state = run(stateOf([p('intro'), p()], 8), insertTable())
    expect(outline(state.doc)).toEqual(['paragraph:intro', 'table 3x3', 'paragraph:'])
    expect(state.doc.child(1).firstChild!.firstChild!.type.name).toBe('table_header')
    expect(caretCell(state)).toBe('0,0')
  })

  it('splits the paragraph at the caret, and goes after or before it at its ends', () => {
    expect(outline(run(stateOf([p('before after')], 7), insertTable(2, 2)).doc)).toEqual(['paragraph:before', 'table 2x2', 'paragraph: after'])
    expect(outline(run(stateOf([p('end')], 4), insertTable(2, 2)).doc)).toEqual(['paragraph:end', 'table 2x2', 'paragraph:'])
    expect(outline(run(stateOf([p('start')], 1), insertTable(2, 2)).doc)).toEqual(['table 2x2', 'paragraph:start'])
  })

  it('does not apply inside a table: tables do not nest', () => {
    const state = run(stateOf([p()], 1), insertTable())
    expect(insertTable()(state)).toBe(false)
  })
})

describe('Tab and Shift-Tab in a table', () => {
  it('go from cell to cell; Tab in the last cell adds a row and goes to its first cell', () => {
    let state = run(stateOf([p()], 1), insertTable(2, 2))
    state = run(state, nextCellOrNewRow)
    expect(caretCell(state)).toBe('0,1')
    state = run(run(state, nextCellOrNewRow), nextCellOrNewRow)
    expect(caretCell(state)).toBe('1,1')
    state = run(state, nextCellOrNewRow)
    expect(outline(state.doc)[0]).toBe('table 3x2')
    expect(caretCell(state)).toBe('2,0')
    state = run(state, previousCell)
    expect(caretCell(state)).toBe('1,1')
  })

  it('do not apply outside a table, so that Tab keeps its other uses', () => {
    expect(nextCellOrNewRow(stateOf([p('x')], 1))).toBe(false)
    expect(previousCell(stateOf([p('x')], 1))).toBe(false)
  })
})

describe('toggleFirstRowHeader', () => {
  it('turns the first row into ordinary cells and back, whichever row the caret is in', () => {
    let state = run(stateOf([p()], 1), insertTable(2, 2))
    state = run(state, nextCellOrNewRow)
    state = run(run(state, nextCellOrNewRow), toggleFirstRowHeader)
    const types = (s: EditorState) => s.doc.child(0).content.content.map((row) => row.content.content.map((cell) => cell.type.name))
    expect(types(state)).toEqual([
      ['table_cell', 'table_cell'],
      ['table_cell', 'table_cell']
    ])
    expect(types(run(state, toggleFirstRowHeader))[0]).toEqual(['table_header', 'table_header'])
  })
})

describe('table repairs and collaboration', () => {
  const ragged = (): Node =>
    n.table!.create(null, [
      n.table_row!.create(null, [n.table_cell!.createAndFill()!, n.table_cell!.createAndFill()!]),
      n.table_row!.create(null, [n.table_cell!.createAndFill()!])
    ])

  it('repairs a ragged table in the page’s own edit, not in a change that came from others', () => {
    const state = stateOf([p('x')], 1)
    const remote = state.apply(state.tr.insert(state.doc.content.size, ragged()).setMeta(ySyncPluginKey, { isChangeOrigin: true }))
    expect(remote.doc.lastChild!.lastChild!.childCount).toBe(1)
    // An edit elsewhere leaves the table alone; one in the table repairs it.
    const elsewhere = remote.apply(remote.tr.insertText('!', 1))
    expect(elsewhere.doc.lastChild!.lastChild!.childCount).toBe(1)
    let lastCellText = 0
    elsewhere.doc.descendants((node, pos) => {
      if (node.type.name === 'paragraph') lastCellText = pos + 1
    })
    const own = elsewhere.apply(elsewhere.tr.insertText('in the table', lastCellText))
    expect(own.doc.lastChild!.lastChild!.childCount).toBe(2)
    expect(own.doc.lastChild!.lastChild!.textContent).toBe('in the table')
  })

  it('removes a table left without cells, as deleting the last rows at once leaves it', () => {
    const state = stateOf([p('x')], 1)
    const emptied = state.apply(state.tr.insert(state.doc.content.size, n.table!.create(null, [n.table_row!.create()])).setMeta(ySyncPluginKey, { isChangeOrigin: true }))
    expect(outline(emptied.doc)).toEqual(['paragraph:x'])
  })
})
