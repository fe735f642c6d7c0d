import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { exportDocument } from '../convert/convert'
import { schema } from '../schema'
import { createCopy, exchange, view, write } from '../testing/documents'
import { acceptedDocument } from './accepted'
import { listSuggestions } from './list'

const inserted = (text: string, author = 'Ana', id = 'i1'): Node => schema.text(text, [schema.marks.insertion!.create({ id, author, time: 1_700_000_000_000 })])
const deleted = (text: string, author = 'Ben', id = 'd1'): Node => schema.text(text, [schema.marks.deletion!.create({ id, author, time: 1_700_000_000_000 })])
const p = (...content: Node[]): Node => schema.node('paragraph', null, content)
const doc = schema.node('doc', null, [
  p(schema.text('Keep '), deleted('this '), inserted('that '), schema.text('text.')),
  schema.node('bullet_list', null, [schema.node('list_item', null, [p(schema.text('item'), inserted(' added', 'Ana', 'i2'))])]),
  schema.node('code_block', null, [schema.text('let x'), deleted(' = 1', 'Ben', 'd2')])
])
// For the export, no DOM is needed but for HTML.
const noDom = { dom: undefined as never, title: 'notes' }

describe('suggestions in a document', () => {
  it('are listed in document order with author, time and text', () => {
    expect(listSuggestions(doc)).toEqual([
      { id: 'd1', author: 'Ben', time: 1_700_000_000_000, kind: 'delete', inserted: '', deleted: 'this ', from: 6 },
      { id: 'i1', author: 'Ana', time: 1_700_000_000_000, kind: 'insert', inserted: 'that ', deleted: '', from: 11 },
      { id: 'i2', author: 'Ana', time: 1_700_000_000_000, kind: 'insert', inserted: ' added', deleted: '', from: 29 },
      { id: 'd2', author: 'Ben', time: 1_700_000_000_000, kind: 'delete', inserted: '', deleted: ' = 1', from: 44 }
    ])
  })

  it('are found where their block now is when an unchanged block is shared with another document', () => {
    // Each block's pieces are looked up once and reused: the same node at another offset.
    const moved = schema.node('doc', null, [p(schema.text('A new first line.')), ...doc.children])
    const shift = moved.child(0).nodeSize
    expect(listSuggestions(moved).map((suggestion) => suggestion.from)).toEqual([6, 11, 29, 44].map((from) => from + shift))
    expect(listSuggestions(doc).map((suggestion) => suggestion.from)).toEqual([6, 11, 29, 44])
    const edited = moved.copy(moved.content.replaceChild(0, p(inserted('Now suggested.', 'Cy', 'i9'))))
    expect(listSuggestions(edited).map((suggestion) => suggestion.id)).toEqual(['i9', 'd1', 'i1', 'i2', 'd2'])
  })

  it('read as accepted: insertions kept without marks, deletions dropped', () => {
    const accepted = acceptedDocument(doc)
    expect(listSuggestions(accepted)).toEqual([])
    expect(accepted.textBetween(0, accepted.content.size, '\n')).toBe('Keep that text.\nitem added\nlet x')
    const plain = schema.node('doc', null, [p(schema.text('no suggestions'))])
    expect(acceptedDocument(plain)).toBe(plain)
  })

  it('are exported as accepted text in Markdown and plain text', () => {
    expect(exportDocument(doc, 'md', noDom)).toBe('Keep that text.\n\n- item added\n\n```\nlet x\n```\n')
    expect(exportDocument(doc, 'txt', noDom)).toBe('Keep that text.\n\n- item added\n\nlet x\n')
  })

  it('sync through Yjs with their attributes, and merge from two copies', () => {
    const ana = createCopy()
    const ben = createCopy()
    write(ana, doc)
    exchange(ana, ben)
    expect(view(ben).doc.toJSON()).toEqual(doc.toJSON())
    // Ben accepts Ana's first insertion while Ana suggests another word.
    const acceptedFirst = schema.node('doc', null, [p(schema.text('Keep '), deleted('this '), schema.text('that text.')), doc.child(1), doc.child(2)])
    write(ben, acceptedFirst)
    const anaMore = schema.node('doc', null, [doc.child(0), doc.child(1), doc.child(2), p(inserted('More.', 'Ana', 'i3'))])
    write(ana, anaMore)
    exchange(ana, ben)
    expect(view(ana).doc.toJSON()).toEqual(view(ben).doc.toJSON())
    expect(listSuggestions(view(ana).doc).map((suggestion) => suggestion.id)).toEqual(['d1', 'i2', 'd2', 'i3'])
  })
})
