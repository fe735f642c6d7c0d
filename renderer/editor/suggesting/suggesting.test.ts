import type { Node } from 'prosemirror-model'
import { splitBlock } from 'prosemirror-commands'
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { schema } from '../../../app/schema'
import { listSuggestions, type Suggestion } from '../../../app/suggestions'
import { reviewSuggestions } from './review'
import { isSuggesting, setSuggesting, suggestedTransaction, suggestingPlugins, toggleSuggesting } from './suggesting-plugin'

const n = schema.nodes
const m = schema.marks
const p = (...content: Array<string | Node>): Node => n.paragraph!.create(null, content.map((part) => (typeof part === 'string' ? schema.text(part) : part)))
const docOf = (...blocks: Node[]): Node => n.doc!.create(null, blocks)

/** A page of `author`, in suggesting mode unless `editor` (then it can switch), with the selection at `from`–`to`. */
const pageOf = (doc: Node, author: string, from: number, to = from, options: { editor?: boolean } = {}): EditorState => {
  const plugins = suggestingPlugins({ author: () => author, mustSuggest: () => options.editor !== true, canReview: () => options.editor === true })
  const state = EditorState.create({ doc, plugins })
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)))
}
/** Applies `tr` the way the editor view's dispatcher does. */
const apply = (state: EditorState, tr: Transaction): EditorState => state.apply(suggestedTransaction(state, tr))
const run = (state: EditorState, command: Command): EditorState => {
  let next: EditorState | null = null
  expect(command(state, (tr) => (next = apply(state, tr)))).toBe(true)
  return next!
}
/** Another page of the same document, at `from`, for a second author. */
const as = (state: EditorState, author: string, from: number, editor = false): EditorState => pageOf(state.doc, author, from, from, { editor })
const type = (state: EditorState, text: string): EditorState => [...text].reduce((page, character) => apply(page, page.tr.insertText(character)), state)
const backspace = (state: EditorState): EditorState => apply(state, state.tr.delete(state.selection.from - 1, state.selection.from))
const forwardDelete = (state: EditorState): EditorState => apply(state, state.tr.delete(state.selection.from, state.selection.from + 1))
const text = (state: EditorState): string => state.doc.textBetween(0, state.doc.content.size, '\n')
const brief = (suggestions: Suggestion[]): string[] =>
  suggestions.map(({ kind, author, inserted, deleted }) => `${author} ${kind}${inserted === '' ? '' : ` +${inserted}`}${deleted === '' ? '' : ` -${deleted}`}`)

describe('suggesting mode', () => {
  it('marks typed text as one insertion by its author, with the time', () => {
    const before = Date.now()
    let page = pageOf(docOf(p('Hello world')), 'Ana', 7)
    page = type(page, 'big ')
    expect(text(page)).toBe('Hello big world')
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana insert +big '])
    const [suggestion] = listSuggestions(page.doc)
    expect(suggestion!.time).toBeGreaterThanOrEqual(before)
    expect(page.selection.from).toBe(11)
  })

  it('keeps deleted text, struck through, with the caret before it for Backspace and after it for Delete', () => {
    let page = pageOf(docOf(p('Hello world')), 'Ana', 12)
    page = backspace(backspace(page))
    expect(text(page)).toBe('Hello world')
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana delete -ld'])
    expect(page.selection.from).toBe(10)
    page = pageOf(page.doc, 'Ana', 1)
    page = forwardDelete(forwardDelete(page))
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana delete -He', 'Ana delete -ld'])
    expect(page.selection.from).toBe(3)
  })

  it('suggests typing over a selection as one replacement: the deleted text, then the new', () => {
    let page = pageOf(docOf(p('Hello world')), 'Ana', 7, 12)
    page = apply(page, page.tr.insertText('there'))
    expect(text(page)).toBe('Hello worldthere')
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana replace +there -world'])
    expect(page.selection.from).toBe(17)
  })

  it('takes back the author’s own insertion when they delete it, and marks someone else’s deleted', () => {
    let ana = type(pageOf(docOf(p('Hello')), 'Ana', 6), ' there')
    ana = backspace(backspace(ana))
    expect(text(ana)).toBe('Hello the')
    expect(brief(listSuggestions(ana.doc))).toEqual(['Ana insert + the'])
    let ben = as(ana, 'Ben', 10)
    ben = backspace(ben)
    expect(text(ben)).toBe('Hello the')
    expect(brief(listSuggestions(ben.doc))).toEqual(['Ana insert + the', 'Ben delete -e'])
    // Accepting Ben's deletion removes the letter that Ana's insertion had added.
    const [, deletion] = listSuggestions(ben.doc)
    const reviewed = run(as(ben, 'Cy', 1, true), reviewSuggestions('accept', deletion!.id))
    expect(text(reviewed)).toBe('Hello th')
    expect(brief(listSuggestions(reviewed.doc))).toEqual(['Ana insert + th'])
  })

  it('keeps two suggesters’ suggestions apart, even side by side', () => {
    let page = type(pageOf(docOf(p('ab')), 'Ana', 2), 'x')
    page = type(as(page, 'Ben', 3), 'y')
    const suggestions = listSuggestions(page.doc)
    expect(brief(suggestions)).toEqual(['Ana insert +x', 'Ben insert +y'])
    expect(suggestions[0]!.id).not.toBe(suggestions[1]!.id)
  })

  it('accepts one suggestion and rejects another, by id', () => {
    let page = type(pageOf(docOf(p('one two three')), 'Ana', 4), ' and a half')
    page = pageOf(page.doc, 'Ana', 16, 19)
    page = apply(page, page.tr.deleteSelection())
    const [insert, remove] = listSuggestions(page.doc)
    expect(brief([insert!, remove!])).toEqual(['Ana insert + and a half', 'Ana delete -two'])
    let editor = as(page, 'Cy', 1, true)
    editor = run(editor, reviewSuggestions('accept', insert!.id))
    editor = run(editor, reviewSuggestions('reject', remove!.id))
    expect(text(editor)).toBe('one and a half two three')
    expect(listSuggestions(editor.doc)).toEqual([])
    expect(reviewSuggestions('accept', insert!.id)(editor)).toBe(false)
  })

  it('accepts all and rejects all, across paragraphs, and leaves formatting alone', () => {
    const bold = m.bold!.create()
    let page = pageOf(docOf(p('first ', schema.text('bold', [bold])), p('second')), 'Ana', 9, 11)
    page = apply(page, page.tr.deleteSelection())
    page = type(pageOf(page.doc, 'Ana', 19), ' more')
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana delete -ld', 'Ana insert + more'])
    const accepted = run(as(page, 'Cy', 1, true), reviewSuggestions('accept'))
    expect(accepted.doc.toJSON()).toEqual(docOf(p('first ', schema.text('bo', [bold])), p('second more')).toJSON())
    const rejected = run(as(page, 'Cy', 1, true), reviewSuggestions('reject'))
    expect(rejected.doc.toJSON()).toEqual(docOf(p('first ', schema.text('bold', [bold])), p('second')).toJSON())
  })

  it('does not join blocks: Backspace at a paragraph’s start moves into the one before', () => {
    let page = pageOf(docOf(p('one'), p('two')), 'Ana', 6)
    page = run(page, (state, dispatch) => {
      dispatch?.(state.tr.delete(4, 6))
      return true
    })
    expect(page.doc.childCount).toBe(2)
    expect(page.selection.from).toBe(4)
    page = backspace(page)
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana delete -e'])
  })

  it('applies a paragraph split and marks what is typed after it', () => {
    let page = pageOf(docOf(p('onetwo')), 'Ana', 4)
    page = run(page, splitBlock)
    page = type(page, 'new ')
    expect(text(page)).toBe('one\nnew two')
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana insert +new '])
  })

  it('marks text in table cells, code blocks and inline code', () => {
    const code = m.code!.create()
    const cell = n.table_cell!.create(null, p('cell'))
    const table = n.table!.create(null, n.table_row!.create(null, [cell, n.table_cell!.create(null, p())]))
    const doc = docOf(table, n.code_block!.create(null, schema.text('let x')), p(schema.text('fn', [code])))
    let page = type(pageOf(doc, 'Ana', 8), '!')
    const codeStart = page.doc.child(0).nodeSize + 1
    page = type(pageOf(page.doc, 'Ana', codeStart + 5), ' = 1')
    const inlineCode = page.doc.child(0).nodeSize + page.doc.child(1).nodeSize + 1
    page = backspace(pageOf(page.doc, 'Ana', inlineCode + 2))
    expect(brief(listSuggestions(page.doc))).toEqual(['Ana insert +!', 'Ana insert + = 1', 'Ana delete -n'])
    const deleted = page.doc.lastChild!.lastChild!
    expect(deleted.marks.map((mark) => mark.type.name).sort()).toEqual(['code', 'deletion'])
  })

  it('lets an editor switch modes, and a suggester not', () => {
    let editor = pageOf(docOf(p('text')), 'Cy', 5, 5, { editor: true })
    expect(isSuggesting(editor)).toBe(false)
    editor = type(editor, '!')
    expect(listSuggestions(editor.doc)).toEqual([])
    editor = run(editor, toggleSuggesting)
    expect(isSuggesting(editor)).toBe(true)
    editor = type(editor, '?')
    expect(brief(listSuggestions(editor.doc))).toEqual(['Cy insert +?'])
    editor = run(editor, setSuggesting(false))
    expect(isSuggesting(editor)).toBe(false)
    const suggester = pageOf(docOf(p('text')), 'Ana', 1)
    expect(isSuggesting(suggester)).toBe(true)
    expect(toggleSuggesting(suggester)).toBe(false)
  })

  it('applies a review as it is, also in suggesting mode', () => {
    const page = type(pageOf(docOf(p('text')), 'Ana', 5), '!')
    let editor = run(pageOf(page.doc, 'Cy', 1, 1, { editor: true }), setSuggesting(true))
    editor = run(editor, reviewSuggestions('reject'))
    expect(text(editor)).toBe('text')
    expect(listSuggestions(editor.doc)).toEqual([])
    expect(reviewSuggestions('accept')(editor)).toBe(false)
  })
})
