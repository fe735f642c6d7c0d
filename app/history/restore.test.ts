import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCopy, exchange, paragraphs, textOf, write } from '../testing/documents'
import { DocumentAuthors } from './authors'
import { contentChangedSince } from './content-changes'
import { restoreVersion } from './restore'
import { VersionHistory } from './versions'

const ana = { name: 'Ana', color: '#d7263d' }
const ben = { name: 'Ben', color: '#1b998b' }

describe('restoreVersion', () => {
  it('brings back a version on every copy as a new change, and every version stays as it was', () => {
    const a = createCopy()
    const b = createCopy()
    write(a, paragraphs('Alpha beta gamma', 'Untouched paragraph'))
    exchange(a, b)
    const history = new VersionHistory(a.doc)
    const v1 = history.save({ name: 'v1', kind: 'named', author: ana, now: 1 })
    write(a, paragraphs('Alpha gamma', 'Untouched paragraph'))
    write(b, paragraphs('Alpha beta gamma delta', 'Untouched paragraph'))
    exchange(a, b)
    expect(textOf(a)).toBe('Alpha gamma delta\nUntouched paragraph')
    const v2 = history.save({ name: 'v2', kind: 'named', author: ana, now: 2 })
    exchange(a, b)

    const untouched = b.fragment.get(1)
    const before = Y.snapshot(b.doc)
    restoreVersion(b.fragment, new VersionHistory(b.doc).get(v1.id)!)
    exchange(a, b)

    expect(textOf(b)).toBe('Alpha beta gamma\nUntouched paragraph')
    expect(textOf(a)).toBe(textOf(b))
    // The smallest change: the untouched paragraph is the same element, not a re-created copy.
    expect(b.fragment.get(1)).toBe(untouched)
    // Nothing in the past was rewritten: both versions still show what they showed.
    const histories = new VersionHistory(a.doc)
    expect(histories.list().map((version) => version.name)).toEqual(['v1', 'v2'])
    expect(contentChangedSince(a.fragment, histories.get(v1.id)!.snapshot)).toBe(true)
    expect(Y.createDocFromSnapshot(a.doc, histories.get(v2.id)!.snapshot).getXmlFragment('prosemirror').toString()).toContain('Alpha gamma delta')
    // The restore is a change on top of what was there, not a replacement of it.
    expect(Y.equalSnapshots(before, Y.snapshot(b.doc))).toBe(false)
  })

  it('attributes the re-inserted text to whoever restored it', () => {
    const a = createCopy()
    const authorsA = new DocumentAuthors(a.doc, a.fragment, () => () => {})
    authorsA.register(ana)
    write(a, paragraphs('Kept words'))
    const v1 = new VersionHistory(a.doc).save({ name: 'v1', kind: 'named', author: ana, now: 1 })
    write(a, paragraphs('Kept'))
    const b = createCopy()
    exchange(a, b)
    const authorsB = new DocumentAuthors(b.doc, b.fragment, () => () => {})
    authorsB.register(ben)
    restoreVersion(b.fragment, new VersionHistory(b.doc).get(v1.id)!)
    exchange(a, b)
    const text = (a.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    const authors: string[] = []
    for (let item = text._start; item !== null; item = item.right) {
      if (!item.deleted) authors.push(`${authorsA.authorOf(item.id)}:${(item.content as Y.ContentString).str}`)
    }
    expect(authors).toEqual(['Ana:Kept', 'Ben: words'])
  })

  it('refuses a document whose deleted content was collected, saying how to get it back', () => {
    const a = createCopy()
    write(a, paragraphs('Soon deleted'))
    const v1 = new VersionHistory(a.doc).save({ name: 'v1', kind: 'named', author: ana, now: 1 })
    const collecting = new Y.Doc({ gc: true })
    Y.applyUpdate(collecting, Y.encodeStateAsUpdate(a.doc))
    expect(() => restoreVersion(collecting.getXmlFragment('prosemirror'), v1)).toThrow(/Cannot rebuild version "v1".*keeps history/)
  })
})
