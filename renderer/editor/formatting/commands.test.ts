import type { Node } from 'prosemirror-model'
import { EditorState, TextSelection } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { schema } from '../../../app/schema'
import { setHeading, setParagraph } from '../commands'
import { activeAlignment, activeColor, highlightMark, setAlignment, setColorMark, textColorMark } from './commands'

const { nodes: n } = schema
const stateOf = (blocks: Node[], from: number, to = from): EditorState => {
  const state = EditorState.create({ doc: n.doc!.create(null, blocks), schema })
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)))
}
const run = (state: EditorState, command: (state: EditorState, dispatch: (tr: ReturnType<EditorState['tr']['scrollIntoView']>) => void) => boolean): EditorState => {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

describe('alignment', () => {
  it('aligns every paragraph and heading of the selection, storing left as nothing', () => {
    const blocks = [n.heading!.create({ level: 1 }, schema.text('Title')), n.paragraph!.create(null, schema.text('Body')), n.code_block!.create(null, schema.text('code'))]
    let state = stateOf(blocks, 2, 12)
    state = run(state, setAlignment('center'))
    expect(state.doc.content.content.map((block) => block.attrs.align as unknown)).toEqual(['center', 'center', undefined])
    expect(activeAlignment(state)).toBe('center')
    state = run(state, setAlignment('left'))
    expect(state.doc.child(0).attrs.align).toBeNull()
    expect(activeAlignment(state)).toBe('left')
    // Only a code block: nothing to align.
    expect(setAlignment('right')(stateOf(blocks, 16))).toBe(false)
  })

  it('survives turning a paragraph into a heading and back', () => {
    let state = stateOf([n.paragraph!.create({ align: 'right' }, schema.text('Body'))], 2)
    state = run(state, setHeading(2))
    expect(state.doc.child(0).attrs).toEqual({ level: 2, align: 'right' })
    expect(setHeading(2)(state)).toBe(false)
    state = run(state, setParagraph)
    expect(state.doc.child(0).attrs).toEqual({ align: 'right' })
    // Already a paragraph: nothing to do (the slash menu then does not offer "Text").
    expect(setParagraph(state)).toBe(false)
  })
})

describe('colours', () => {
  it('sets, replaces and removes a colour on the selection, and reports the colour at the cursor', () => {
    let state = stateOf([n.paragraph!.create(null, schema.text('one two three'))], 5, 8)
    state = run(state, setColorMark(textColorMark, 'red'))
    state = run(state, setColorMark(highlightMark, 'yellow'))
    expect(activeColor(state, textColorMark)).toBe('red')
    state = run(state, setColorMark(textColorMark, 'blue'))
    const two = state.doc.child(0).child(1)
    expect(two.text).toBe('two')
    expect(two.marks.map((mark) => `${mark.type.name}:${mark.attrs.color as string}`)).toEqual(['text_color:blue', 'highlight:yellow'])
    state = run(state, setColorMark(textColorMark, null))
    expect(activeColor(state, textColorMark)).toBeNull()
    expect(activeColor(state, highlightMark)).toBe('yellow')
  })

  it('applies to what is typed next at a cursor, and not in code', () => {
    let state = stateOf([n.paragraph!.create(null, schema.text('ab')), n.code_block!.create(null, schema.text('x'))], 2)
    state = run(state, setColorMark(textColorMark, 'green'))
    state = state.apply(state.tr.insertText('Z'))
    expect(state.doc.child(0).child(1).marks[0]!.attrs.color).toBe('green')
    expect(setColorMark(textColorMark, 'red')(stateOf([n.code_block!.create(null, schema.text('x'))], 1))).toBe(false)
  })
})
