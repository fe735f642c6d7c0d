import type { Node } from 'prosemirror-model'
import { Plugin, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { t } from '../../../app/i18n/translate'
import { updatedBlockSum } from '../../../app/changed-blocks'
import { blockSuggestionCount, countSuggestionPieces, listSuggestions, type Suggestion } from '../../../app/suggestions'
import { reviewSuggestions, suggestionTime, type Review } from '../../editor/suggesting'
import { h, personLabel } from '../dom'

export interface SuggestionsPanelOptions {
  /** Whether this page may accept and reject suggestions (the edit role, not refused). */
  readonly canReview: () => boolean
  /** Whether this page may only suggest (a `suggest` token). */
  readonly mustSuggest: () => boolean
  /** An author's colour. */
  readonly colorOf: (author: string) => string
  /** Called with the number of suggestions whenever it changes. */
  readonly onCountChange: (count: number) => void
}

/** What a suggestion does, in words: insert “…”, delete “…”, replace “…” with “…”. */
export const describeSuggestion = (suggestion: Suggestion): string => {
  const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text)
  if (suggestion.kind === 'insert') return t('suggestions.insert', { text: clip(suggestion.inserted) })
  if (suggestion.kind === 'delete') return t('suggestions.delete', { text: clip(suggestion.deleted) })
  return t('suggestions.replace', { deleted: clip(suggestion.deleted), inserted: clip(suggestion.inserted) })
}

/**
 * The Suggestions tab (`[data-testid=suggestions-panel]`): every suggestion in document order
 * (`[data-testid=suggestion]` with `data-id`, `data-author`, `data-kind`), with its author, time
 * and what it does; choosing one puts the caret there. Editors get Accept and Reject on each
 * (`accept-suggestion`, `reject-suggestion`) and Accept all / Reject all
 * (`accept-all-suggestions`, `reject-all-suggestions`); suggesters and viewers see the list and a
 * note (`suggestions-note`) instead.
 */
export class SuggestionsPanel {
  readonly element: HTMLElement
  private readonly list: HTMLOListElement
  private readonly empty: HTMLElement
  private readonly note: HTMLElement
  private readonly bulk: HTMLElement
  private view: EditorView | null = null
  private rendered = ''
  private count = -1
  /** The document last looked at and its number of suggestion pieces, to count only changed blocks next time. */
  private counted: { doc: Node; pieces: number } | null = null

  constructor(private readonly options: SuggestionsPanelOptions) {
    const bulkButton = (review: Review, testid: string, label: string): HTMLButtonElement => {
      const button = h('button', { type: 'button', 'data-testid': testid }, label)
      button.addEventListener('click', () => this.review(review))
      return button
    }
    this.bulk = h(
      'div',
      { class: 'panel-actions' },
      bulkButton('accept', 'accept-all-suggestions', t('suggestions.acceptAll')),
      bulkButton('reject', 'reject-all-suggestions', t('suggestions.rejectAll'))
    )
    this.note = h('p', { class: 'read-only-note', 'data-testid': 'suggestions-note', hidden: true })
    this.list = h('ol', { class: 'suggestion-list', 'data-testid': 'suggestion-list' })
    this.empty = h('p', { class: 'panel-empty' }, t('suggestions.empty'))
    this.element = h(
      'section',
      { class: 'panel suggestions-panel', 'data-testid': 'suggestions-panel', role: 'tabpanel', 'aria-label': t('suggestions.panelLabel') },
      this.bulk,
      this.note,
      this.list,
      this.empty
    )
  }

  /** An editor plugin that keeps the list up to date with the document. */
  plugin(): Plugin {
    return new Plugin({
      view: (view) => {
        this.view = view
        this.render()
        return {
          update: (updated, previous) => {
            this.view = updated
            if (updated.state.doc !== previous.doc) this.render()
          },
          destroy: () => {
            this.view = null
          }
        }
      }
    })
  }

  /** Shows the suggestions and the controls this page's access allows; `force` redraws even when nothing seems changed (colours). */
  render(force = false): void {
    const view = this.view
    if (view === null) return
    const { doc } = view.state
    const pieces = this.counted === null ? countSuggestionPieces(doc) : updatedBlockSum(this.counted.doc, this.counted.pieces, doc, blockSuggestionCount)
    this.counted = { doc, pieces }
    const suggestions = pieces === 0 ? [] : listSuggestions(doc)
    const canReview = this.options.canReview()
    if (suggestions.length !== this.count) {
      this.count = suggestions.length
      this.options.onCountChange(suggestions.length)
    }
    const key = JSON.stringify([canReview, this.options.mustSuggest(), suggestions])
    if (key === this.rendered && !force) return
    this.rendered = key
    this.bulk.hidden = !canReview || suggestions.length === 0
    this.note.hidden = canReview
    this.note.textContent = this.options.mustSuggest() ? t('suggestions.suggesterNote') : t('suggestions.viewerNote')
    this.empty.hidden = suggestions.length > 0
    this.list.replaceChildren(...suggestions.map((suggestion) => this.item(suggestion, canReview)))
  }

  private item(suggestion: Suggestion, canReview: boolean): HTMLElement {
    const what = describeSuggestion(suggestion)
    const text = h('button', { type: 'button', class: 'suggestion-text', 'data-testid': 'suggestion-text' }, what)
    text.addEventListener('click', () => this.reveal(suggestion))
    const item = h(
      'li',
      { class: 'suggestion-item', 'data-testid': 'suggestion', 'data-id': suggestion.id, 'data-author': suggestion.author, 'data-kind': suggestion.kind },
      h('div', { class: 'suggestion-header' }, personLabel({ name: suggestion.author, color: this.options.colorOf(suggestion.author) }), h('time', { datetime: new Date(suggestion.time).toISOString() }, suggestionTime(suggestion.time))),
      text
    )
    if (canReview) {
      const values = { author: suggestion.author, what }
      const button = (review: Review, testid: string, label: string, title: string): HTMLButtonElement => {
        const element = h('button', { type: 'button', 'data-testid': testid, title, 'aria-label': title }, label)
        element.addEventListener('click', () => this.review(review, suggestion.id))
        return element
      }
      item.append(
        h(
          'div',
          { class: 'panel-actions' },
          button('accept', 'accept-suggestion', t('suggestions.accept'), t('suggestions.acceptOne', values)),
          button('reject', 'reject-suggestion', t('suggestions.reject'), t('suggestions.rejectOne', values))
        )
      )
    }
    return item
  }

  private review(review: Review, id?: string): void {
    const view = this.view
    if (view === null || !this.options.canReview()) return
    reviewSuggestions(review, id)(view.state, view.dispatch)
  }

  private reveal(suggestion: Suggestion): void {
    const view = this.view
    if (view === null) return
    const { doc } = view.state
    const position = Math.min(suggestion.from, doc.content.size)
    view.dispatch(view.state.tr.setSelection(TextSelection.near(doc.resolve(position))).scrollIntoView())
    view.focus()
  }
}
