import { describe, expect, it } from 'vitest'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { documentFragmentName, documentTypeNames } from '../document'
import { schema } from '../schema'
import { createCopy, exchange, paragraphs, textOf, write } from '../testing/documents'
import { contentChangedSince } from './content-changes'
import { maxVersionNameLength, VersionError, VersionHistory } from './versions'

const ana = { name: 'Ana', color: '#d7263d' }
const ben = { name: 'Ben', color: '#1b998b' }

/** The text of the document as it was at `snapshot`, rebuilt from `doc`'s history. */
const textAt = (doc: Y.Doc, snapshot: Y.Snapshot): string => {
  const past = Y.createDocFromSnapshot(doc, snapshot)
  const node = yXmlFragmentToProseMirrorRootNode(past.getXmlFragment(documentFragmentName), schema)
  return node.textBetween(0, node.content.size, '\n')
}

describe('VersionHistory', () => {
  it('lists versions saved on two copies with name, kind, author and time, oldest first, the same on both', () => {
    const a = createCopy()
    const b = createCopy()
    write(a, paragraphs('Draft'))
    new VersionHistory(a.doc).save({ name: '  First draft  ', kind: 'named', author: ana, now: 1_000 })
    new VersionHistory(b.doc).save({ name: 'Before the edit', kind: 'automatic', author: ben, now: 900 })
    exchange(a, b)
    const listed = (copy: typeof a) => new VersionHistory(copy.doc).list().map(({ name, kind, author, createdAt }) => ({ name, kind, author, createdAt }))
    expect(listed(a)).toEqual([
      { name: 'Before the edit', kind: 'automatic', author: ben, createdAt: 900 },
      { name: 'First draft', kind: 'named', author: ana, createdAt: 1_000 }
    ])
    expect(listed(b)).toEqual(listed(a))
  })

  it('keeps what each version looked like while the document moves on, also for a copy that joins later', () => {
    const a = createCopy()
    const history = new VersionHistory(a.doc)
    write(a, paragraphs('One', 'Two'))
    const first = history.save({ name: 'v1', kind: 'named', author: ana, now: 1 })
    write(a, paragraphs('One', 'Two', 'Three'))
    write(a, paragraphs('Three'))
    const second = history.save({ name: 'v2', kind: 'named', author: ana, now: 2 })
    const late = createCopy()
    exchange(a, late)
    const lateHistory = new VersionHistory(late.doc)
    expect(textAt(late.doc, lateHistory.get(first.id)!.snapshot)).toBe('One\nTwo')
    expect(textAt(late.doc, lateHistory.get(second.id)!.snapshot)).toBe('Three')
    expect(lateHistory.previous(lateHistory.get(second.id)!)?.id).toBe(first.id)
    expect(lateHistory.previous(lateHistory.get(first.id)!)).toBeNull()
    expect(textOf(late)).toBe('Three')
  })

  it('refuses a Y.Doc that collects garbage, whose versions could not be shown', () => {
    expect(() => new VersionHistory(new Y.Doc())).toThrow(/createDocumentDoc/)
  })

  it('refuses empty and overlong names with the reason and saves nothing', () => {
    const a = createCopy()
    const history = new VersionHistory(a.doc)
    expect(() => history.save({ name: ' ', kind: 'named', author: ana, now: 1 })).toThrow(VersionError)
    expect(() => history.save({ name: ' ', kind: 'named', author: ana, now: 1 })).toThrow(/the version name is empty/)
    expect(() => history.save({ name: 'n'.repeat(maxVersionNameLength + 1), kind: 'named', author: ana, now: 1 })).toThrow(
      /characters long; the limit is 100/
    )
    expect(history.list()).toEqual([])
  })

  it('skips entries it cannot read instead of failing the whole list', () => {
    const a = createCopy()
    const history = new VersionHistory(a.doc)
    const saved = history.save({ name: 'good', kind: 'named', author: ana, now: 1 })
    a.doc.getArray(documentTypeNames.versions).push([{ id: 'x', name: 'bad snapshot', kind: 'named', createdAt: 2, author: ana, snapshot: new Uint8Array([255, 255]) }, 'junk', null])
    expect(history.list().map((version) => version.id)).toEqual([saved.id])
  })
})

describe('contentChangedSince', () => {
  it('sees insertions, deletions, formatting and attribute changes of the content, and nothing else', () => {
    const a = createCopy()
    write(a, paragraphs('Plain text'))
    const history = new VersionHistory(a.doc)
    const check = () => contentChangedSince(a.fragment, history.latest()!.snapshot)
    history.save({ name: 'base', kind: 'named', author: ana, now: 1 })
    expect(check()).toBe(false)
    a.doc.getArray(documentTypeNames.chat).push(['not content'])
    expect(check()).toBe(false)

    write(a, paragraphs('Plain'))
    expect(check()).toBe(true)
    history.save({ name: 'after delete', kind: 'named', author: ana, now: 2 })
    write(a, schema.node('doc', null, [schema.node('paragraph', null, [schema.text('Plain', [schema.marks.bold!.create()])])]))
    expect(check()).toBe(true)
    history.save({ name: 'after bold', kind: 'named', author: ana, now: 3 })
    write(a, schema.node('doc', null, [schema.node('heading', { level: 2 }, [schema.text('Plain', [schema.marks.bold!.create()])])]))
    expect(check()).toBe(true)
    history.save({ name: 'after heading', kind: 'named', author: ana, now: 4 })
    write(a, schema.node('doc', null, [schema.node('heading', { level: 3 }, [schema.text('Plain', [schema.marks.bold!.create()])])]))
    expect(check()).toBe(true)
  })
})
