import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { documentTypeNames } from '../document'
import { createCopy, exchange, paragraphs, write } from '../testing/documents'
import { DocumentAuthors as Authors, deletionsWriteDelayMs } from './authors'
import type { Schedule } from './auto-versions'

const schedule: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms)
  return () => clearTimeout(timer)
}
const authorsOf = (copy: { doc: Y.Doc; fragment: Y.XmlFragment }): Authors => new Authors(copy.doc, copy.fragment, schedule)

const ana = { name: 'Ana', color: '#d7263d' }
const ben = { name: 'Ben', color: '#1b998b' }

/** The first item of the first paragraph's text (inserted or deleted). */
const firstTextItem = (fragment: Y.XmlFragment): Y.Item => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText)._start!

/** How many delete sets `name` has recorded in the document. */
const recordedDeletions = (doc: Y.Doc, name: string): number =>
  ((doc.getMap(documentTypeNames.authors).get(name) as Y.Map<Y.Array<Uint8Array>>).get('ds') as Y.Array<Uint8Array>).length

describe('DocumentAuthors', () => {
  // PermanentUserData looks at each transaction on the next tick; the deletions are written a second later.
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('attributes insertions and deletions to their authors on every copy, with their colours', () => {
    const a = createCopy()
    const b = createCopy()
    authorsOf(a).register(ana)
    write(a, paragraphs('Written by Ana'))
    exchange(a, b)
    const onB = authorsOf(b)
    onB.register(ben)
    write(b, paragraphs('by Ana'))
    vi.advanceTimersByTime(deletionsWriteDelayMs)
    expect(recordedDeletions(b.doc, 'Ben')).toBe(1)
    exchange(a, b)

    const onA = authorsOf(a)
    const deleted = firstTextItem(a.fragment)
    expect(deleted.deleted).toBe(true)
    expect(onA.authorOf(deleted.id)).toBe('Ana')
    expect(onA.permanentUserData.getUserByDeletedId(deleted.id)).toBe('Ben')
    expect(onA.colorOf('Ben')).toBe('#1b998b')
    expect(onA.all()).toEqual(expect.arrayContaining([ana, ben]))
  })

  it('records only deletions of the content, not values replaced elsewhere in the document', () => {
    const a = createCopy()
    authorsOf(a).register(ana)
    write(a, paragraphs('Some text'))
    const settings = a.doc.getMap('elsewhere')
    settings.set('status', 'open')
    settings.set('status', 'resolved')
    vi.advanceTimersByTime(deletionsWriteDelayMs)
    expect(recordedDeletions(a.doc, 'Ana')).toBe(0)
    write(a, paragraphs('Some'))
    vi.advanceTimersByTime(deletionsWriteDelayMs)
    expect(recordedDeletions(a.doc, 'Ana')).toBe(1)
    settings.set('status', 'open')
    write(a, paragraphs('Som'))
    vi.advanceTimersByTime(deletionsWriteDelayMs)
    expect(recordedDeletions(a.doc, 'Ana')).toBe(2)
  })

  it('writes a second of deletions as one entry that attributes every one of them, or at once when asked', () => {
    const a = createCopy()
    const authors = authorsOf(a)
    authors.register(ana)
    const text = 'one deletion at a time'
    write(a, paragraphs(text))
    for (let length = text.length - 1; length >= 10; length--) write(a, paragraphs(text.slice(0, length)))
    vi.advanceTimersByTime(deletionsWriteDelayMs - 1)
    expect(recordedDeletions(a.doc, 'Ana')).toBe(0)
    vi.advanceTimersByTime(1)
    expect(recordedDeletions(a.doc, 'Ana')).toBe(1)

    const b = createCopy()
    exchange(a, b)
    const onB = authorsOf(b)
    const deleted: string[] = []
    for (let item = firstTextItem(b.fragment) as Y.Item | null; item !== null; item = item.right) {
      if (item.deleted) deleted.push(`${onB.permanentUserData.getUserByDeletedId(item.id)}:${item.length}`)
    }
    expect(deleted.join(' ')).toMatch(/^(Ana:\d+ ?)+$/)
    expect(deleted.reduce((sum, entry) => sum + Number(entry.split(':')[1]), 0)).toBe(text.length - 10)

    write(a, paragraphs('one'))
    vi.advanceTimersByTime(0)
    authors.flushDeletions()
    expect(recordedDeletions(a.doc, 'Ana')).toBe(2)
    vi.advanceTimersByTime(deletionsWriteDelayMs)
    expect(recordedDeletions(a.doc, 'Ana')).toBe(2)
  })

  it('tells observers when deletions are written here or arrive from another copy', () => {
    const a = createCopy()
    const b = createCopy()
    authorsOf(a).register(ana)
    write(a, paragraphs('Some text'))
    exchange(a, b)
    const onB = authorsOf(b)
    let heard = 0
    const stop = onB.onAttributionChanged(() => heard++)
    write(a, paragraphs('Some'))
    vi.advanceTimersByTime(deletionsWriteDelayMs)
    expect(heard).toBe(0)
    exchange(a, b)
    expect(heard).toBe(1)
    const deleted = firstTextItem(b.fragment)
    expect(onB.permanentUserData.getUserByDeletedId({ client: deleted.id.client, clock: deleted.id.clock + 4 } as Y.ID)).toBe('Ana')
    stop()
    write(a, paragraphs('So'))
    vi.advanceTimersByTime(deletionsWriteDelayMs)
    exchange(a, b)
    expect(heard).toBe(1)
  })

  it('tells colour changes to observers', () => {
    const a = createCopy()
    const authors = authorsOf(a)
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
