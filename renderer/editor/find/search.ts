import type { Node } from 'prosemirror-model'

/**
 * Text search over a ProseMirror document, for find and replace. Matches never cross a textblock
 * (as in Google Docs): each paragraph, heading or code block is searched on its own, as its text
 * with one placeholder character per inline node that is not text (an image, a mention, a line
 * break), so that an offset in that text plus the block's start is a document position.
 */

export interface FindOptions {
  /** Upper and lower case must be as typed. */
  readonly matchCase: boolean
  /** The match must not be part of a longer word; see `isWordBoundary`. */
  readonly wholeWord: boolean
}

export interface Match {
  readonly from: number
  readonly to: number
}

/** Past this many matches a search stops; the count then says "10000+". */
export const maxMatches = 10_000

const leafPlaceholder = '\uFFFC'

/** The search pattern for `query`, or `null` when there is nothing to look for. */
export const findPattern = (query: string, options: FindOptions): RegExp | null => {
  if (query === '' || query.includes(leafPlaceholder)) return null
  // Every character literally; `u` so that case folding and surrogate pairs follow Unicode.
  const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(escaped, options.matchCase ? 'gu' : 'giu')
}

const wordChar = /[\p{L}\p{N}\p{M}_]/u
/** Chinese, Japanese and Korean (Hangul aside) write no spaces between words: every character boundary is a word boundary. */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

const joinsWords = (char: string | undefined): boolean => char !== undefined && wordChar.test(char) && !unspacedScript.test(char)

/** The code point just before `index` in `text` (a whole surrogate pair), or `undefined` at the start. */
const charBefore = (text: string, index: number): string | undefined => {
  if (index <= 0) return undefined
  const low = text.charCodeAt(index - 1)
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text[index - 1]
}

const charAt = (text: string, index: number): string | undefined => {
  const point = text.codePointAt(index)
  return point === undefined ? undefined : String.fromCodePoint(point)
}

/**
 * Whether a word may end at `index` of `text`: the characters on either side do not both belong
 * to a word. Letters, digits, marks and `_` make words; a CJK ideograph or kana never joins its
 * neighbour, so "中文" is a whole word in "学中文".
 */
export const isWordBoundary = (text: string, index: number): boolean => !(joinsWords(charBefore(text, index)) && joinsWords(charAt(text, index)))

/** The text of a textblock as search sees it: inline nodes that are not text as one placeholder each. */
export const blockText = (block: Node): string => {
  let text = ''
  block.forEach((child) => {
    text += child.isText ? child.text! : leafPlaceholder.repeat(child.nodeSize)
  })
  return text
}

/** Adds the matches of `pattern` in the textblock `block`, whose content starts at `start`, to `out`; false once `limit` is reached. */
export const searchBlock = (block: Node, start: number, pattern: RegExp, options: FindOptions, out: Match[], limit = Infinity): boolean => {
  const text = blockText(block)
  pattern.lastIndex = 0
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    const end = found.index + found[0].length
    if (options.wholeWord && !(isWordBoundary(text, found.index) && isWordBoundary(text, end))) {
      // A longer word: look again from the next character, where a shorter overlap may start.
      pattern.lastIndex = found.index + 1
      continue
    }
    out.push({ from: start + found.index, to: start + end })
    if (out.length >= limit) return false
  }
  return true
}

/** Every match of `pattern` in the textblocks between `from` and `to` (whole blocks), in document order. */
export const searchRange = (doc: Node, from: number, to: number, pattern: RegExp, options: FindOptions, limit = Infinity): { matches: Match[]; capped: boolean } => {
  const matches: Match[] = []
  let capped = false
  doc.nodesBetween(from, to, (node, pos) => {
    if (capped) return false
    if (!node.isTextblock) return true
    capped = !searchBlock(node, pos + 1, pattern, options, matches, limit)
    return false
  })
  return { matches, capped }
}

/** Every match in `doc`, up to `limit`. */
export const searchDocument = (doc: Node, query: string, options: FindOptions, limit = maxMatches): { matches: Match[]; capped: boolean } => {
  const pattern = findPattern(query, options)
  if (pattern === null) return { matches: [], capped: false }
  return searchRange(doc, 0, doc.content.size, pattern, options, limit)
}

/** The index of the first match that starts at or after `pos`, or 0 when none does (the search wraps). */
export const firstMatchFrom = (matches: readonly Match[], pos: number): number => {
  let low = 0
  let high = matches.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (matches[middle]!.from < pos) low = middle + 1
    else high = middle
  }
  return low === matches.length ? 0 : low
}
