import type * as Y from 'yjs'
import { displayTitle, observeDocumentTitle, setDocumentTitle } from '../../app/document-title'
import { t } from '../../app/i18n/translate'
import { attachTooltip } from '../ui/tooltip'

export interface TitleField {
  readonly element: HTMLElement
  /** The title on show: the document's title, or its name. */
  current(): string
  /** Calls `listener` when the title changes (here or on another page); returns the unsubscribe function. */
  onChanged(listener: (title: string) => void): () => void
  destroy(): void
}

/**
 * The document's title, edited in place in the header (`[data-testid=document-name]`, a one-line
 * text box, `data-document` = the document's name). It shows the title kept in the Y.Doc
 * (`app/document-title.ts`), or the document's name when there is none. Enter or leaving the field
 * keeps what was typed; Escape puts back the title as it is now; an empty title means the name
 * again.
 * `done` gives the focus back (to the document) after Enter or Escape. Where the page may only
 * view (`canEdit` false) the title cannot be changed.
 */
export const titleField = (doc: Y.Doc, documentName: string, options: { canEdit(): boolean; done(): void }): TitleField => {
  const element = document.createElement('span')
  element.className = 'document-title'
  element.dataset.testid = 'document-name'
  element.dataset.document = documentName
  element.setAttribute('role', 'textbox')
  element.setAttribute('aria-label', t('header.title'))
  element.setAttribute('aria-multiline', 'false')
  element.spellcheck = false
  element.tabIndex = 0
  const listeners = new Set<(title: string) => void>()
  const current = (): string => displayTitle(doc, documentName)
  const render = (): void => {
    const title = current()
    if (document.activeElement !== element && element.textContent !== title) element.textContent = title
    element.contentEditable = options.canEdit() ? 'plaintext-only' : 'false'
    element.setAttribute('aria-readonly', String(!options.canEdit()))
    attachTooltip(element, options.canEdit() ? t('header.titleHint') : title)
    for (const listener of listeners) listener(title)
  }
  // Escape leaves without keeping anything, even a title someone else set meanwhile stays.
  let reverting = false
  const commit = (): void => {
    if (options.canEdit() && !reverting) setDocumentTitle(doc, element.textContent ?? '', documentName)
    reverting = false
    element.textContent = current()
  }
  element.addEventListener('focus', () => {
    // Whether this page may edit can have changed since (the relay told the role on connecting).
    const editable = options.canEdit() ? 'plaintext-only' : 'false'
    if (element.contentEditable !== editable) element.contentEditable = editable
  })
  element.addEventListener('beforeinput', (event) => {
    if (!options.canEdit()) event.preventDefault()
  })
  element.addEventListener('blur', commit)
  element.addEventListener('keydown', (event) => {
    // A candidate being chosen in an input method: Enter picks it, it does not end the title.
    if (event.isComposing) return
    if (event.key === 'Enter') {
      event.preventDefault()
      element.blur()
      options.done()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      reverting = true
      element.blur()
      options.done()
    }
  })
  // What is pasted stays one line.
  element.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain')
    if (text === undefined) return
    event.preventDefault()
    document.execCommand('insertText', false, text.replace(/\s+/g, ' '))
  })
  const stop = observeDocumentTitle(doc, render)
  render()
  return {
    element,
    current,
    onChanged: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy: stop
  }
}
