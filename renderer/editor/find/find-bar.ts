import type { EditorView } from 'prosemirror-view'
import { closeFind, findNext, findPrevious, goToMatch, openFind, replaceAll, replaceCurrent } from './find-commands'
import { findKey, type FindState } from './find-state'
import { findStrings as strings } from './strings'

/** A short pause after a keystroke in the find field before searching, so that typing a word in a long document searches once. */
const searchDelayMs = 120

const mac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform)

/** Mod-F, Mod-H and Mod-Alt-F as `prosemirror-keymap` reads them: Cmd on macOS, Ctrl elsewhere. */
export const findShortcutOf = (event: KeyboardEvent): 'find' | 'replace' | null => {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!mod || event.shiftKey) return null
  const key = event.key.toLowerCase()
  if (key === 'f') return event.altKey ? 'replace' : 'find'
  if (key === 'h' && !event.altKey) return 'replace'
  return null
}

const button = (testId: string, text: string, label: string): HTMLButtonElement => {
  const element = document.createElement('button')
  element.type = 'button'
  element.dataset.testid = testId
  element.textContent = text
  element.title = label
  element.setAttribute('aria-label', label)
  return element
}

const checkbox = (testId: string, text: string): { label: HTMLLabelElement; input: HTMLInputElement } => {
  const label = document.createElement('label')
  label.className = 'find-option'
  const input = document.createElement('input')
  input.type = 'checkbox'
  input.dataset.testid = testId
  label.append(input, ` ${text}`)
  return { label, input }
}

const textField = (testId: string, label: string, placeholder: string): HTMLInputElement => {
  const input = document.createElement('input')
  input.type = 'text'
  input.autocomplete = 'off'
  input.spellcheck = false
  input.dataset.testid = testId
  input.placeholder = placeholder
  input.setAttribute('aria-label', label)
  return input
}

/**
 * The find bar (`[data-testid=find-bar]`, a `search` landmark): the find field with the count
 * ("3 of 12"), previous and next, Match case and Whole word, and (Mod-H, or its toggle) the
 * replace row. Enter and Shift+Enter go to the next and previous match, Escape closes the bar
 * and gives the editor its focus back, with the current match selected. The editor has the bar
 * because a desktop window has no browser find bar, and a browser's would not see a document
 * that is longer than the screen the same way.
 */
export class FindBar {
  private readonly element: HTMLElement
  private readonly findInput: HTMLInputElement
  private readonly replaceInput: HTMLInputElement
  private readonly count: HTMLElement
  private readonly matchCase: HTMLInputElement
  private readonly wholeWord: HTMLInputElement
  private readonly toggleReplace: HTMLButtonElement
  private readonly replaceRow: HTMLElement
  private readonly replaceButtons: HTMLButtonElement[]
  private readonly note: HTMLElement
  private searchTimer: ReturnType<typeof setTimeout> | undefined
  private focusRequests: number
  private wasOpen = false
  private wasReplacing = false

  constructor(
    private view: EditorView,
    host: HTMLElement
  ) {
    this.focusRequests = findKey.getState(view.state)?.focusRequests ?? 0
    this.element = document.createElement('div')
    this.element.className = 'find-bar'
    this.element.dataset.testid = 'find-bar'
    this.element.setAttribute('role', 'search')
    this.element.setAttribute('aria-label', strings.bar)
    this.element.hidden = true

    this.findInput = textField('find-input', strings.find, strings.findPlaceholder)
    this.count = document.createElement('span')
    this.count.className = 'find-count'
    this.count.dataset.testid = 'find-count'
    this.count.setAttribute('aria-live', 'polite')
    const previous = button('find-previous', '↑', strings.previous)
    const next = button('find-next', '↓', strings.next)
    const matchCase = checkbox('find-match-case', strings.matchCase)
    const wholeWord = checkbox('find-whole-word', strings.wholeWord)
    this.matchCase = matchCase.input
    this.wholeWord = wholeWord.input
    this.toggleReplace = button('find-toggle-replace', '⇄', strings.showReplace)
    this.toggleReplace.setAttribute('aria-expanded', 'false')
    const close = button('find-close', '×', strings.close)
    const findRow = document.createElement('div')
    findRow.className = 'find-row'
    findRow.append(this.findInput, this.count, previous, next, matchCase.label, wholeWord.label, this.toggleReplace, close)

    this.replaceInput = textField('replace-input', strings.replace, strings.replacePlaceholder)
    const replaceOne = button('replace-one', strings.replaceOne, strings.replaceOne)
    const replaceEvery = button('replace-all', strings.replaceAll, strings.replaceAll)
    this.replaceButtons = [replaceOne, replaceEvery]
    this.note = document.createElement('span')
    this.note.className = 'find-note'
    this.note.dataset.testid = 'find-note'
    this.note.setAttribute('role', 'status')
    this.replaceRow = document.createElement('div')
    this.replaceRow.className = 'replace-row'
    this.replaceRow.hidden = true
    this.replaceRow.append(this.replaceInput, replaceOne, replaceEvery, this.note)
    this.element.append(findRow, this.replaceRow)

    const run = (command: (state: typeof this.view.state, dispatch: typeof this.view.dispatch) => boolean): void => {
      this.searchNow()
      command(this.view.state, this.view.dispatch)
    }
    this.findInput.addEventListener('input', (event) => {
      // An input method's unfinished text (pinyin before it becomes 中文) is not the query yet.
      if ((event as InputEvent).isComposing) return
      this.searchSoon()
    })
    this.findInput.addEventListener('compositionend', () => this.searchSoon())
    for (const option of [this.matchCase, this.wholeWord]) option.addEventListener('change', () => this.searchNow())
    previous.addEventListener('click', () => run(findPrevious))
    next.addEventListener('click', () => run(findNext))
    this.toggleReplace.addEventListener('click', () => {
      const state = findKey.getState(this.view.state)
      if (state?.replacing === true) {
        this.replaceRow.hidden = true
        this.toggleReplace.setAttribute('aria-expanded', 'false')
      } else openFind(true)(this.view.state, this.view.dispatch)
    })
    close.addEventListener('click', () => this.close())
    replaceOne.addEventListener('click', () => run(replaceCurrent(this.replaceInput.value)))
    replaceEvery.addEventListener('click', () => run(replaceAll(this.replaceInput.value, (count) => (this.note.textContent = strings.replacedAll(count)))))
    this.element.addEventListener('keydown', (event) => this.onKeyDown(event))
    document.addEventListener('keydown', this.onDocumentKeyDown)
    host.append(this.element)
  }

  update(view: EditorView): void {
    this.view = view
    const state = findKey.getState(view.state)
    if (state === undefined) return
    if (!state.open) {
      if (this.wasOpen) this.element.hidden = true
      this.wasOpen = false
      return
    }
    if (!this.wasOpen) {
      this.element.hidden = false
      this.note.textContent = ''
    }
    if (this.findInput.value !== state.query && document.activeElement !== this.findInput) this.findInput.value = state.query
    this.matchCase.checked = state.options.matchCase
    this.wholeWord.checked = state.options.wholeWord
    if (state.replacing !== this.wasReplacing || !this.wasOpen) {
      this.replaceRow.hidden = !state.replacing
      this.toggleReplace.setAttribute('aria-expanded', String(state.replacing))
    }
    const readOnly = !view.editable
    // Disabled only for a reader: a focused button that became disabled would drop the focus (and Escape) on the page.
    for (const element of [...this.replaceButtons, this.replaceInput]) if (element.disabled !== readOnly) element.disabled = readOnly
    if (readOnly && this.note.textContent === '') this.note.textContent = strings.readOnly
    this.showCount(state)
    if (state.focusRequests !== this.focusRequests) {
      this.focusRequests = state.focusRequests
      const field = state.replacing && this.wasOpen && this.wasReplacing !== state.replacing ? this.replaceInput : this.findInput
      field.focus()
      field.select()
      // Opened with a query (the selection's text): the count of what it finds shows at once.
      if (this.findInput.value !== state.query) this.findInput.value = state.query
    }
    this.wasOpen = true
    this.wasReplacing = state.replacing
  }

  destroy(): void {
    clearTimeout(this.searchTimer)
    document.removeEventListener('keydown', this.onDocumentKeyDown)
    this.element.remove()
  }

  private showCount(state: FindState): void {
    const text = state.query === '' ? '' : state.matches.length === 0 ? strings.noMatches : strings.count(state.current + 1, state.matches.length, state.capped)
    if (this.count.textContent !== text) this.count.textContent = text
    this.count.dataset.total = String(state.matches.length)
    this.count.dataset.current = String(state.current + 1)
  }

  private searchSoon(): void {
    clearTimeout(this.searchTimer)
    this.searchTimer = setTimeout(() => this.searchNow(), searchDelayMs)
  }

  /** Searches for what the fields say now, unless that is what was searched already. */
  private searchNow(): void {
    clearTimeout(this.searchTimer)
    const state = findKey.getState(this.view.state)
    if (state === undefined) return
    const query = this.findInput.value
    const options = { matchCase: this.matchCase.checked, wholeWord: this.wholeWord.checked }
    if (query === state.query && options.matchCase === state.options.matchCase && options.wholeWord === state.options.wholeWord) return
    const from = state.matches[state.current]?.from ?? this.view.state.selection.from
    this.view.dispatch(this.view.state.tr.setMeta(findKey, { type: 'search', query, options, from }))
    selectCurrentMatch(this.view)
  }

  private close(): void {
    clearTimeout(this.searchTimer)
    closeFind(this.view.state, this.view.dispatch)
    this.view.focus()
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.isComposing) return
    const shortcut = findShortcutOf(event)
    if (shortcut !== null) {
      event.preventDefault()
      openFind(shortcut === 'replace')(this.view.state, this.view.dispatch)
      return
    }
    if (event.key === 'Escape') {
      event.preventDefault()
      this.close()
    } else if (event.key === 'Enter' && event.target === this.findInput) {
      event.preventDefault()
      this.searchNow()
      ;(event.shiftKey ? findPrevious : findNext)(this.view.state, this.view.dispatch)
    } else if (event.key === 'Enter' && event.target === this.replaceInput) {
      event.preventDefault()
      this.searchNow()
      replaceCurrent(this.replaceInput.value)(this.view.state, this.view.dispatch)
    }
  }

  /** Mod-F and Mod-H from anywhere on the page (the side panel, the toolbar), not only from the text. */
  private readonly onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || this.view.isDestroyed || this.element.contains(event.target as Node)) return
    const shortcut = findShortcutOf(event)
    if (shortcut === null) return
    event.preventDefault()
    openFind(shortcut === 'replace')(this.view.state, this.view.dispatch)
  }
}

/** Selects the current match after a new search, so that the document scrolls to it. */
const selectCurrentMatch = (view: EditorView): void => {
  const state = findKey.getState(view.state)
  if (state !== undefined && state.current !== -1) goToMatch(state.current)(view.state, view.dispatch)
}
