import { describe, expect, it } from 'vitest'
import { createCopy, exchange, paragraphs, positionOf, textOf, view, write, type Copy } from '../testing/documents'
import * as Y from 'yjs'
import { ySyncPluginKey } from 'y-prosemirror'
import { AnchorError, anchorRange, resolveAnchor, resolveFirstAnchor, type CommentAnchor } from './anchors'
import { CommentThreads } from './threads'

const ana = { name: 'Ana', color: '#d7263d' }

/** Anchors the first occurrence of `text` in `copy`. */
const anchorOn = (copy: Copy, text: string): CommentAnchor => {
  const { from, to } = positionOf(copy, text)
  return anchorRange(copy.fragment, view(copy).mapping, from, to)
}

/** The text an anchor covers in `copy` now, or its state when it covers none. */
const anchoredText = (copy: Copy, anchor: CommentAnchor): string => {
  const { doc, mapping } = view(copy)
  const resolved = resolveAnchor(copy.fragment, mapping, anchor)
  return resolved.state === 'anchored' ? doc.textBetween(resolved.from, resolved.to, '\n') : `(${resolved.state})`
}

/** Two copies of one document holding `texts`, in sync. */
const twoCopies = (...texts: string[]): [Copy, Copy] => {
  const a = createCopy()
  const b = createCopy()
  write(a, paragraphs(...texts))
  exchange(a, b)
  return [a, b]
}

describe('comment anchors under concurrent edits', () => {
  it('stay on their text while the other copy types before, after and right next to it', () => {
    const [a, b] = twoCopies('The quick brown fox jumps')
    const thread = new CommentThreads(a.doc).start(anchorOn(a, 'brown'), 'brown', { text: 'Which brown?', author: ana, now: 1 })
    write(a, paragraphs('Yes, the quick brown fox jumps'))
    // One change per write, as an editor writes one keystroke per transaction.
    write(b, paragraphs('The quick brown fox jumps over'))
    write(b, paragraphs('The quick Xbrown fox jumps over'))
    write(b, paragraphs('The quick XbrownY fox jumps over'))
    exchange(a, b)

    expect(textOf(a)).toBe('Yes, the quick XbrownY fox jumps over')
    expect(textOf(b)).toBe(textOf(a))
    const received = new CommentThreads(b.doc).get(thread.id)!
    expect(anchoredText(a, thread.anchor)).toBe('brown')
    expect(anchoredText(b, received.anchor)).toBe('brown')
  })

  it('take in text typed inside their range, by anyone', () => {
    const [a, b] = twoCopies('The quick brown fox')
    const anchor = anchorOn(a, 'quick brown')
    write(b, paragraphs('The quick and brown fox'))
    exchange(a, b)
    expect(anchoredText(a, anchor)).toBe('quick and brown')
    expect(anchoredText(b, anchor)).toBe('quick and brown')
  })

  it('shrink when part of their text is deleted and are orphaned when all of it is, on both copies', () => {
    const [a, b] = twoCopies('The quick brown fox')
    const anchor = anchorOn(a, 'brown fox')
    write(b, paragraphs('The quick  fox'))
    exchange(a, b)
    expect(anchoredText(a, anchor)).toBe(' fox')

    write(a, paragraphs('The quick '))
    exchange(a, b)
    expect(anchoredText(a, anchor)).toBe('(orphaned)')
    expect(anchoredText(b, anchor)).toBe('(orphaned)')
  })

  it('are orphaned when the other copy deletes the paragraph while this one comments on it', () => {
    const [a, b] = twoCopies('Keep this', 'Drop this paragraph', 'And this')
    const thread = new CommentThreads(a.doc).start(anchorOn(a, 'paragraph'), 'paragraph', { text: 'Too long?', author: ana, now: 1 })
    write(b, paragraphs('Keep this', 'And this'))
    exchange(a, b)
    expect(textOf(a)).toBe('Keep this\nAnd this')
    const seenByB = new CommentThreads(b.doc).get(thread.id)!
    expect(seenByB.quote).toBe('paragraph')
    expect(anchoredText(b, seenByB.anchor)).toBe('(orphaned)')
  })

  it('span paragraphs and keep spanning them when paragraphs are added before', () => {
    const [a, b] = twoCopies('First line ends here', 'second line starts here')
    const from = positionOf(a, 'ends').from
    const to = positionOf(a, 'second').to
    const anchor = anchorRange(a.fragment, view(a).mapping, from, to)
    write(b, paragraphs('A new opening', 'First line ends here', 'second line starts here'))
    exchange(a, b)
    expect(anchoredText(a, anchor)).toBe('ends here\nsecond')
  })

  it('are pending on a copy that has not received their text yet', () => {
    const a = createCopy()
    write(a, paragraphs('Only in copy a'))
    const anchor = anchorOn(a, 'copy')
    const c = createCopy()
    write(c, paragraphs('Something else'))
    expect(anchoredText(c, anchor)).toBe('(pending)')
    exchange(a, c)
    expect(anchoredText(c, anchor)).toBe('copy')
  })

  it('follow their text through a paragraph split when moved, and back through an undo by a former anchor', () => {
    const a = createCopy()
    const undo = new Y.UndoManager(a.fragment, { trackedOrigins: new Set([ySyncPluginKey]) })
    write(a, paragraphs('Opening words, then the commented part'))
    undo.stopCapturing()
    const threads = new CommentThreads(a.doc)
    const thread = threads.start(anchorOn(a, 'commented'), 'commented', { text: 'Check', author: ana, now: 1 })
    // Enter before "then": y-prosemirror deletes the tail and inserts it as a new paragraph.
    write(a, paragraphs('Opening words,', 'then the commented part'))
    expect(anchoredText(a, thread.anchor)).toBe('(orphaned)')
    // The editor that split knows where the text went (its ProseMirror mapping) and moves the anchor.
    threads.moveAnchor(thread.id, anchorOn(a, 'commented'))
    const moved = threads.get(thread.id)!
    const place = () => {
      const { doc, mapping } = view(a)
      const resolved = resolveFirstAnchor(a.fragment, mapping, [moved.anchor, ...moved.formerAnchors])
      return resolved.state === 'anchored' ? doc.textBetween(resolved.from, resolved.to) : resolved.state
    }
    expect(place()).toBe('commented')
    undo.undo()
    expect(textOf(a)).toBe('Opening words, then the commented part')
    expect(anchoredText(a, moved.anchor)).toBe('(orphaned)')
    expect(place()).toBe('commented')
  })

  it('refuse an empty range with a message that says what to do', () => {
    const a = createCopy()
    write(a, paragraphs('Text'))
    expect(() => anchorRange(a.fragment, view(a).mapping, 2, 2)).toThrow(AnchorError)
    expect(() => anchorRange(a.fragment, view(a).mapping, 2, 2)).toThrow(/select the text to comment on/)
  })
})
