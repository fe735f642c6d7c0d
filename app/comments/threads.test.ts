import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentTypeNames } from '../document'
import { createCopy, exchange, paragraphs, positionOf, view, write } from '../testing/documents'
import { anchorRange } from './anchors'
import { CommentError, CommentThreads, maxCommentLength, maxQuoteLength } from './threads'

const ana = { name: 'Ana', color: '#d7263d' }
const ben = { name: 'Ben', color: '#1b998b' }

const documentWithThread = () => {
  const a = createCopy()
  const b = createCopy()
  write(a, paragraphs('Comments live in the document'))
  const { from, to } = positionOf(a, 'live')
  const threadsA = new CommentThreads(a.doc)
  const thread = threadsA.start(anchorRange(a.fragment, view(a).mapping, from, to), 'live', { text: 'Is "live" right?', author: ana, now: 100 })
  exchange(a, b)
  return { a, b, threadsA, threadsB: new CommentThreads(b.doc), thread }
}

describe('CommentThreads', () => {
  it('opens a thread that the other copy sees, with its quote, author and time', () => {
    const { threadsB, thread } = documentWithThread()
    const seen = threadsB.list()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ id: thread.id, quote: 'live', createdAt: 100, resolved: false, statusChangedBy: null })
    expect(seen[0]!.comments).toEqual([{ id: thread.comments[0]!.id, author: ana, text: 'Is "live" right?', createdAt: 100 }])
  })

  it('keeps both replies written at the same time on two copies, in the same order on both', () => {
    const { a, b, threadsA, threadsB, thread } = documentWithThread()
    threadsA.reply(thread.id, { text: 'I think so', author: ana, now: 200 })
    threadsB.reply(thread.id, { text: 'Maybe "are"', author: ben, now: 201 })
    exchange(a, b)
    const onA = threadsA.get(thread.id)!.comments.map((comment) => comment.text)
    const onB = threadsB.get(thread.id)!.comments.map((comment) => comment.text)
    expect(onA).toHaveLength(3)
    expect(onA[0]).toBe('Is "live" right?')
    expect(new Set(onA.slice(1))).toEqual(new Set(['I think so', 'Maybe "are"']))
    expect(onB).toEqual(onA)
  })

  it('resolves and reopens, and concurrent changes of status settle on the same one everywhere', () => {
    const { a, b, threadsA, threadsB, thread } = documentWithThread()
    threadsB.setResolved(thread.id, true, ben, 300)
    exchange(a, b)
    expect(threadsA.get(thread.id)).toMatchObject({ resolved: true, statusChangedBy: 'Ben', statusChangedAt: 300 })

    threadsA.setResolved(thread.id, false, ana, 400)
    threadsB.setResolved(thread.id, true, ben, 401)
    exchange(a, b)
    expect(threadsA.get(thread.id)!.resolved).toBe(threadsB.get(thread.id)!.resolved)
    expect(threadsA.get(thread.id)!.statusChangedBy).toBe(threadsB.get(thread.id)!.statusChangedBy)
  })

  it('refuses empty and overlong comments and unknown threads, saying what was wrong', () => {
    const { threadsA, thread } = documentWithThread()
    expect(() => threadsA.reply(thread.id, { text: '   ', author: ana, now: 1 })).toThrow(/the comment is empty/)
    expect(() => threadsA.reply(thread.id, { text: 'x'.repeat(maxCommentLength + 1), author: ana, now: 1 })).toThrow(
      new RegExp(`${maxCommentLength + 1} characters long; the limit is ${maxCommentLength}`)
    )
    expect(() => threadsA.setResolved('no-such-thread', true, ana, 1)).toThrow(CommentError)
    expect(threadsA.get(thread.id)!.comments).toHaveLength(1)
  })

  it('cuts a long quote and trims the text', () => {
    const a = createCopy()
    write(a, paragraphs('x'.repeat(300)))
    const anchor = anchorRange(a.fragment, view(a).mapping, 1, 301)
    const thread = new CommentThreads(a.doc).start(anchor, 'x'.repeat(300), { text: '  spaced  ', author: ana, now: 1 })
    expect(thread.quote).toHaveLength(maxQuoteLength)
    expect(thread.quote.endsWith('…')).toBe(true)
    expect(thread.comments[0]!.text).toBe('spaced')
  })

  it('leaves out threads another program wrote in a shape it does not know', () => {
    const { a, threadsA, thread } = documentWithThread()
    const raw = a.doc.getMap(documentTypeNames.comments)
    raw.set('not-a-map', 'hello' as never)
    const noComments = new Y.Map<unknown>()
    raw.set('empty', noComments as never)
    noComments.set('anchorStart', new Uint8Array([1]))
    expect(threadsA.list().map((listed) => listed.id)).toEqual([thread.id])
  })

  it('moves an anchor and tells observers', () => {
    const { a, threadsA, thread } = documentWithThread()
    let changes = 0
    const stop = threadsA.onChange(() => changes++)
    const { from, to } = positionOf(a, 'document')
    const anchor = anchorRange(a.fragment, view(a).mapping, from, to)
    threadsA.moveAnchor(thread.id, anchor)
    stop()
    threadsA.reply(thread.id, { text: 'after unsubscribing', author: ana, now: 2 })
    expect(changes).toBe(1)
    expect(threadsA.get(thread.id)!.anchor).toEqual(anchor)
    expect(threadsA.get(thread.id)!.formerAnchors).toEqual([thread.anchor])
  })
})
