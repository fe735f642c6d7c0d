/** Builds a large, long-edited-looking document deterministically, for the large-document scenario. */
import * as prng from 'lib0/prng'
import * as Y from 'yjs'

/**
 * A Y.Doc whose encoded state is at least `targetBytes`: paragraphs typed at random places in the
 * `text` Y.Text with one edit in ten deleting a range, so that it holds many items and tombstones
 * as a document edited for a long time does, not one big string.
 */
export const buildLargeDocument = (targetBytes: number, seed = 42): Y.Doc => {
  const random = prng.create(seed)
  const doc = new Y.Doc()
  const text = doc.getText('text')
  // Checking the size means encoding the document, so it is done once per batch of edits.
  const batch = 2000
  while (Y.encodeStateAsUpdate(doc).length < targetBytes) {
    doc.transact(() => {
      for (let i = 0; i < batch; i++) {
        const position = prng.uint32(random, 0, text.length)
        if (i % 10 === 9 && text.length > 100) {
          text.delete(Math.min(position, text.length - 50), prng.uint32(random, 1, 50))
        } else {
          const words = Array.from({ length: prng.uint32(random, 3, 40) }, () => prng.word(random, 1, 10))
          text.insert(position, words.join(' ') + (prng.bool(random) ? '\n' : ' '))
        }
      }
    })
  }
  return doc
}
