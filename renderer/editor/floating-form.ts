import type { EditorView } from 'prosemirror-view'
import { t } from '../../app/i18n/translate'

export interface FloatingFormOptions {
  /** `data-testid` of the form. */
  readonly testId: string
  readonly label: string
  readonly placeholder: string
  /** Called with the input's text; returns a problem to show, or `null` when it was applied. */
  readonly onSubmit: (value: string) => string | null
  readonly onCancel: () => void
  /** Extra buttons, e.g. "Remove" for links. */
  readonly actions?: ReadonlyArray<{ readonly label: string; readonly run: () => void }>
}

/**
 * A one-field form floating under a document position, used to edit links and add images by
 * URL. It says what was wrong with the value in place instead of closing.
 */
export class FloatingForm {
  readonly element: HTMLFormElement
  private readonly input: HTMLInputElement
  private readonly problem: HTMLElement
  private readonly actionButtons: HTMLButtonElement[] = []

  constructor(host: HTMLElement, options: FloatingFormOptions) {
    this.element = document.createElement('form')
    this.element.className = 'floating-form'
    this.element.dataset.testid = options.testId
    this.element.hidden = true
    const label = document.createElement('label')
    label.textContent = `${options.label} `
    this.input = document.createElement('input')
    this.input.type = 'text'
    this.input.autocomplete = 'off'
    this.input.placeholder = options.placeholder
    label.append(this.input)
    const apply = button(t('form.apply'), 'submit')
    const cancel = button(t('form.cancel'), 'button')
    cancel.addEventListener('click', options.onCancel)
    for (const action of options.actions ?? []) {
      const element = button(action.label, 'button')
      element.addEventListener('click', action.run)
      this.actionButtons.push(element)
    }
    this.problem = document.createElement('p')
    this.problem.className = 'problem'
    this.problem.setAttribute('role', 'alert')
    this.element.append(label, apply, ...this.actionButtons, cancel, this.problem)
    this.element.addEventListener('submit', (event) => {
      event.preventDefault()
      this.problem.textContent = options.onSubmit(this.input.value) ?? ''
    })
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') options.onCancel()
    })
    host.append(this.element)
  }

  /** Shows the form under document position `pos`, filled with `value`. */
  show(view: EditorView, pos: number, value: string, showActions: boolean): void {
    this.input.value = value
    this.problem.textContent = ''
    for (const action of this.actionButtons) action.hidden = !showActions
    const coords = view.coordsAtPos(pos)
    const origin = this.element.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 }
    this.element.style.left = `${Math.max(0, coords.left - origin.left)}px`
    this.element.style.top = `${coords.bottom - origin.top + 6}px`
    this.element.hidden = false
    this.input.focus()
    this.input.select()
  }

  hide(): void {
    // Called on every editor update: touch the DOM only when it changes.
    if (!this.element.hidden) this.element.hidden = true
  }

  destroy(): void {
    this.element.remove()
  }
}

const button = (label: string, type: 'submit' | 'button'): HTMLButtonElement => {
  const element = document.createElement('button')
  element.type = type
  element.textContent = label
  return element
}
