import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import * as Y from 'yjs'
import { documentFragmentName } from '../../app/document'
import { schema } from '../../app/schema'
import { countWords } from '../../app/word-count'

const vocabulary = (
  'the relay keeps every document in sync while people write together across offices and time zones ' +
  'editing never waits for the network because each change lands in the local copy first and travels later'
).split(' ')

/** A seeded document: the Y.Doc the relay holds, and the same content as a ProseMirror document. */
export interface SeededDocument {
  readonly doc: Y.Doc
  readonly pmDoc: Node
  readonly paragraphs: number
  readonly words: number
  readonly characters: number
}

/**
 * A Y.Doc of prose in paragraphs of `wordsPerParagraph` words, built through the real schema and
 * y-prosemirror, as the editor would have written it: `words` words, or as many as it takes to
 * reach `characters` characters of text. Deterministic.
 */
export const proseDocument = (size: { words: number } | { characters: number }, wordsPerParagraph = 20): SeededDocument => {
  let seed = 42
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const paragraphs = []
  let words = 0
  let characters = 0
  const done = (): boolean => ('words' in size ? words >= size.words : characters >= size.characters)
  while (!done()) {
    const count = 'words' in size ? Math.min(wordsPerParagraph, size.words - words) : wordsPerParagraph
    const text = Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(' ')
    paragraphs.push(schema.nodes.paragraph!.create(null, schema.text(text.charAt(0).toUpperCase() + text.slice(1) + '.')))
    words += count
    characters += text.length + 1
  }
  const pmDoc = schema.nodes.doc!.create(null, paragraphs)
  if (countWords(pmDoc) !== words) throw new Error(`the seed document has ${countWords(pmDoc)} words, not ${words}`)
  const doc = new Y.Doc()
  prosemirrorToYXmlFragment(pmDoc, doc.getXmlFragment(documentFragmentName))
  return { doc, pmDoc, paragraphs: paragraphs.length, words, characters }
}
