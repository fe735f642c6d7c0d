import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { documentTypeNames } from '../document'
import { createCopy, exchange, paragraphs, write } from '../testing/documents'
import { DocumentAuthors } from './authors'

const ana = { name: 'Ana', color: '#d7263d' }
const ben = { name: 'Ben', color: '#1b998b' }

/** The first item of the first paragraph's text (inserted or deleted). */
const firstTextItem = (fragment: Y.XmlFragment): Y.Item => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText)._start!

/** How many delete sets `name` has recorded in the document. */
const recordedDeletions = (doc: Y.Doc, name: string): number =>
  ((doc.getMap(documentTypeNames.authors).get(name) as Y.Map<Y.Array<Uint8Array>>).get('ds') as Y.Array<Uint8Array>).length

describe('DocumentAuthors', () => {
  it('attributes insertions and deletions to their authors on every copy, with their colours', async () => {
    const a = createCopy()
    const b = createCopy()
    new DocumentAuthors(a.doc, a.fragment).register(ana)
    write(a, paragraphs('Written by Ana'))
    exchange(a, b)
    const onB = new DocumentAuthors(b.doc, b.fragment)
    onB.register(ben)
    write(b, paragraphs('by Ana'))
    // PermanentUserData records a deletion on the next tick, as a change of its own.
    await vi.waitFor(() => expect(recordedDeletions(b.doc, 'Ben')).toBe(1))
    exchange(a, b)

    const onA = new DocumentAuthors(a.doc, a.fragment)
    const deleted = firstTextItem(a.fragment)
    expect(deleted.deleted).toBe(true)
    expect(onA.authorOf(deleted.id)).toBe('Ana')
    expect(onA.permanentUserData.getUserByDeletedId(deleted.id)).toBe('Ben')
    expect(onA.colorOf('Ben')).toBe('#1b998b')
    expect(onA.all()).toEqual(expect.arrayContaining([ana, ben]))
  })

  it('records only deletions of the content, not values replaced elsewhere in the document', async () => {
    const a = createCopy()
    new DocumentAuthors(a.doc, a.fragment).register(ana)
    write(a, paragraphs('Some text'))
    const settings = a.doc.getMap('elsewhere')
    settings.set('status', 'open')
    settings.set('status', 'resolved')
    write(a, paragraphs('Some'))
    await vi.waitFor(() => expect(recordedDeletions(a.doc, 'Ana')).toBe(1))
    settings.set('status', 'open')
    write(a, paragraphs('Som'))
    await vi.waitFor(() => expect(recordedDeletions(a.doc, 'Ana')).toBe(2))
  })

  it('tells colour changes to observers', () => {
    const a = createCopy()
    const authors = new DocumentAuthors(a.doc, a.fragment)
    let changes = 0
    const stop = authors.onColorsChanged(() => changes++)
    authors.register(ana)
    authors.register({ ...ana, color: '#000000' })
    stop()
    authors.register(ana)
    expect(changes).toBe(2)
    expect(authors.colorOf('Ana')).toBe('#d7263d')
    expect(authors.colorOf('Nobody')).toBeUndefined()
  })
})
