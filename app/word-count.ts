import type { Node } from 'prosemirror-model'

/** A word: letters or digits, optionally joined by an apostrophe or hyphen (`don't`, `co-author`). */
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

/** Counts the words of a plain string. */
export const countWordsInText = (text: string): number => {
  let count = 0
  for (const _match of text.matchAll(wordPattern)) count++
  return count
}

// ProseMirror shares unchanged nodes between document versions, so caching by node means a
// keystroke recounts only the block it touched, even in a document of 100,000 words.
const blockCounts = new WeakMap<Node, number>()

/** Counts the words of a document; blocks are separate, so words never join across them. */
export const countWords = (doc: Node): number => {
  let total = 0
  doc.forEach((block) => {
    let count = blockCounts.get(block)
    if (count === undefined) {
      count = block.isTextblock
        ? countWordsInText(block.textBetween(0, block.content.size, ' ', ' '))
        : block.isLeaf
          ? 0
          : countWords(block)
      blockCounts.set(block, count)
    }
    total += count
  })
  return total
}
