/**
 * Filtering of the suggestion menus (slash menu, mentions, emoji): what the user typed after the
 * trigger against an item's label and keywords. Case and width are ignored (NFKC, so full-width
 * `Ｈ` is `h`); a match at the start of the label ranks first, then at the start of a word or
 * keyword, then anywhere. Chinese, Japanese and Korean have no spaces between words, so text in
 * those scripts also matches anywhere from the first character ("标题" finds "二级标题").
 */

/** What an item is matched by: its label first, then any keywords (other names, translations). */
export interface Matchable {
  readonly label: string
  readonly keywords?: readonly string[]
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

export const normalize = (text: string): string => text.normalize('NFKC').toLocaleLowerCase().trim()

/** How well `query` matches `item`: 0 best, larger worse, `null` for no match. An empty query matches everything equally. */
export const matchRank = (query: string, item: Matchable): number | null => {
  const wanted = normalize(query)
  if (wanted === '') return 0
  const label = normalize(item.label)
  if (label.startsWith(wanted)) return 0
  const words = [...label.split(/[\s\-_/]+/).slice(1), ...(item.keywords ?? []).map(normalize)]
  if (words.some((word) => word.startsWith(wanted))) return 1
  // Anywhere: for CJK from the first character, otherwise from two (one letter would match most labels).
  if (wanted.length >= 2 || cjk.test(wanted)) {
    if (label.includes(wanted) || words.some((word) => word.includes(wanted))) return 2
  }
  return null
}

/** The items matching `query`, best first; items of the same rank keep their order. At most `limit`. */
export const filterItems = <T extends Matchable>(query: string, items: readonly T[], limit = Infinity): T[] =>
  items
    .map((item, index) => ({ item, index, rank: matchRank(query, item) }))
    .filter((entry): entry is { item: T; index: number; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item)
