import type { Mark, MarkSpec, MarkType, Schema } from 'prosemirror-model'

/**
 * Suggestions (suggesting mode) are two marks on the document's inline content: `insertion` on
 * text someone proposes to add, `deletion` on text someone proposes to remove (it stays in the
 * document, struck through, until an editor accepts or rejects it). Both carry who suggested it
 * and when, so they sync through y-prosemirror like any formatting and every copy can show and
 * review them. An insertion and a deletion made in one go (typing over a selection) share an `id`
 * and are reviewed together, as one replacement.
 */

export const insertionMarkName = 'insertion'
export const deletionMarkName = 'deletion'

/** The attributes of both suggestion marks. */
export interface SuggestionAttrs {
  /** Groups the marks of one suggestion; random, so that two suggesters never pick the same. */
  readonly id: string
  /** The suggester's display name, the key the document's authors and their colours use. */
  readonly author: string
  /** When the suggestion was made, in milliseconds since the epoch. */
  readonly time: number
}

const suggestionMarkSpec = (kind: 'insertion' | 'deletion'): MarkSpec => ({
  attrs: { id: { validate: 'string' }, author: { validate: 'string' }, time: { validate: 'number' } },
  // Typing at the edge of a suggestion does not extend it by itself: the suggesting plugin marks
  // new text, and an editor's own typing next to a suggestion is not part of it.
  inclusive: false,
  // No parse rule: pasted text never carries someone else's suggestion into a document.
  toDOM: (mark) => {
    const { id, author } = mark.attrs as SuggestionAttrs
    return ['span', { class: `suggestion suggestion-${kind}`, 'data-suggestion': kind, 'data-suggestion-id': id, 'data-author': author }, 0]
  }
})

export const insertionMarkSpec = suggestionMarkSpec('insertion')
export const deletionMarkSpec = suggestionMarkSpec('deletion')

/** The two mark types of `schema`; throws when the schema has no suggestions. */
export const suggestionMarkTypes = (schema: Schema): { readonly insertion: MarkType; readonly deletion: MarkType } => {
  const insertion = schema.marks[insertionMarkName]
  const deletion = schema.marks[deletionMarkName]
  if (insertion === undefined || deletion === undefined) throw new RangeError('the schema has no insertion and deletion marks')
  return { insertion, deletion }
}

/** The suggestion attributes of `mark`. */
export const suggestionAttrsOf = (mark: Mark): SuggestionAttrs => mark.attrs as SuggestionAttrs
