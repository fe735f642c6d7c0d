import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import * as Y from 'yjs'
import { documentFragmentName } from '../../app/document'
import { schema } from '../../app/schema'
import { countWords } from '../../app/word-count'

const vocabulary = (
  'the relay keeps every document in sync while people write together across offices and time zones ' +
  'editing never waits for the network because each change lands in the local copy first and travels later'
).split(' ')

/**
 * A Y.Doc holding `words` words of prose in paragraphs of `wordsPerParagraph`, built through the
 * real schema and y-prosemirror, as the editor would have written it. Deterministic.
 */
export const proseDocument = (words: number, wordsPerParagraph = 20): { doc: Y.Doc; paragraphs: number } => {
  let seed = 42
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const paragraphs = []
  for (let written = 0; written < words; written += wordsPerParagraph) {
    const count = Math.min(wordsPerParagraph, words - written)
    const text = Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(' ')
    paragraphs.push(schema.nodes.paragraph!.create(null, schema.text(text.charAt(0).toUpperCase() + text.slice(1) + '.')))
  }
  const pmDoc = schema.nodes.doc!.create(null, paragraphs)
  if (countWords(pmDoc) !== words) throw new Error(`the seed document has ${countWords(pmDoc)} words, not ${words}`)
  const doc = new Y.Doc()
  prosemirrorToYXmlFragment(pmDoc, doc.getXmlFragment(documentFragmentName))
  return { doc, paragraphs: paragraphs.length }
}
