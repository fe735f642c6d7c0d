import { EditorState, TextSelection, type Command } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { schema } from '../../app/schema'
import { marks, nodes } from './commands'
import { linkAt, normalizeHref, removeLink, setLink } from './links'

const stateWith = (...children: ReturnType<typeof schema.text>[]): EditorState =>
  EditorState.create({ schema, doc: nodes.doc.create(null, nodes.paragraph.create(null, children)) })

const apply = (state: EditorState, command: Command): EditorState => {
  let next = state
  command(state, (tr) => (next = state.apply(tr)))
  return next
}

describe('normalizeHref', () => {
  it.each([
    ['example.com/x', 'https://example.com/x'],
    ['  https://a.b/c?d=1 ', 'https://a.b/c?d=1'],
    ['mailto:ana@example.com', 'mailto:ana@example.com']
  ])('%j → %j', (input, href) => {
    expect(normalizeHref(input)).toBe(href)
  })

  it.each([
    ['', /link is empty/],
    ['javascript:alert(1)', /not "javascript:"/],
    ['http://', /"http:\/\/" is not a web address/]
  ])('refuses %j', (input, reason) => {
    expect(() => normalizeHref(input)).toThrow(reason)
  })
})

describe('link commands', () => {
  const link = marks.link.create({ href: 'https://old.example/' })

  it('finds the whole link around the cursor', () => {
    let state = stateWith(schema.text('see '), schema.text('the docs', [link]), schema.text(' now'))
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 8)))
    expect(linkAt(state)).toEqual({ from: 5, to: 13, href: 'https://old.example/' })
  })

  it('changes the target of the link at the cursor', () => {
    let state = stateWith(schema.text('the docs', [link]))
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)))
    state = apply(state, setLink('https://new.example/'))
    expect(state.doc.rangeHasMark(1, 9, marks.link)).toBe(true)
    expect(linkAt(state)?.href).toBe('https://new.example/')
  })

  it('links a selection and removes the link again', () => {
    let state = stateWith(schema.text('plain words'))
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 6)))
    state = apply(state, setLink('https://a.example/'))
    expect(state.doc.rangeHasMark(1, 6, marks.link)).toBe(true)
    expect(state.doc.rangeHasMark(6, 12, marks.link)).toBe(false)
    state = apply(state, removeLink)
    expect(state.doc.rangeHasMark(1, 12, marks.link)).toBe(false)
  })

  it('inserts the address as linked text at an empty cursor outside links', () => {
    let state = stateWith(schema.text('x'))
    state = apply(state, setLink('https://a.example/'))
    expect(state.doc.textContent).toBe('https://a.example/x')
    expect(removeLink(stateWith(schema.text('no link')))).toBe(false)
  })
})
