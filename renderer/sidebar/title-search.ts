/** What a search compares: lower case, full-width forms folded (NFKC), runs of spaces as one. */
const folded = (text: string): string => text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim()

/**
 * Whether a document matches what was typed in the search field: every word of the query occurs
 * in its title or name, ignoring case and full-width forms (so `ｐｌａｎ` finds "Plan", and `季度`
 * finds "2025 季度计划"). An empty query matches everything.
 */
export const matchesSearch = (query: string, document: { readonly name: string; readonly title?: string }): boolean => {
  const words = folded(query).split(' ').filter((word) => word !== '')
  if (words.length === 0) return true
  const haystack = `${folded(document.title ?? '')} ${folded(document.name)}`
  return words.every((word) => haystack.includes(word))
}
