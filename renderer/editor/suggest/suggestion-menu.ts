import type { EditorView } from 'prosemirror-view'
import { dismissSuggestion, type SuggestionSpec } from './suggestion-state'
import type { TriggerMatch } from './trigger'

let menus = 0

/** The listbox of a suggestion plugin (`./suggestion-plugin.ts`), floating under the trigger text. */
export class SuggestionMenu<Item> {
  private readonly element: HTMLElement
  private readonly id: string
  private items: readonly Item[] = []
  private active = 0
  private match: TriggerMatch | null = null
  private shownQuery: string | null = null

  constructor(
    private view: EditorView,
    private readonly spec: SuggestionSpec<Item>
  ) {
    this.id = `${spec.id}-${++menus}`
    this.element = document.createElement('div')
    this.element.className = 'suggestion-menu'
    this.element.id = this.id
    this.element.dataset.testid = spec.id
    this.element.setAttribute('role', 'listbox')
    this.element.setAttribute('aria-label', spec.label)
    this.element.hidden = true
    // A click chooses without taking the focus from the text.
    this.element.addEventListener('mousedown', (event) => {
      event.preventDefault()
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role=option]')
      if (option !== null) this.choose(Number(option.dataset.index))
    })
    ;(view.dom.parentElement ?? document.body).append(this.element)
  }

  get visible(): boolean {
    return !this.element.hidden
  }

  update(view: EditorView): void {
    this.view = view
    const match = this.spec.key.getState(view.state)?.match ?? null
    if (match === null || view.composing || !view.editable || !view.hasFocus()) {
      this.hide()
      return
    }
    const queryChanged = this.match === null || match.query !== this.match.query || match.from !== this.match.from
    this.match = match
    if (queryChanged || this.shownQuery === null) {
      this.items = this.spec.items(match.query, view.state, match)
      this.active = 0
    }
    if (this.items.length === 0) {
      this.hide(false)
      return
    }
    if (queryChanged || this.shownQuery === null) this.render()
    this.place()
  }

  hide(forget = true): void {
    if (forget) this.match = null
    this.shownQuery = null
    if (!this.element.hidden) this.element.hidden = true
    // The editor's attributes are this menu's only while it shows (the other menus share them).
    if (this.view.dom.getAttribute('aria-controls') !== this.id) return
    for (const name of ['aria-activedescendant', 'aria-controls', 'aria-autocomplete']) this.view.dom.removeAttribute(name)
  }

  /** The editor's keydown while the menu shows: true when the menu took the key. */
  handleKey(view: EditorView, event: KeyboardEvent): boolean {
    if (!this.visible || event.isComposing || this.match === null) return false
    const ctrl = event.ctrlKey && !event.metaKey && !event.altKey
    if (event.key === 'ArrowDown' || (ctrl && event.key === 'n')) this.move(1)
    else if (event.key === 'ArrowUp' || (ctrl && event.key === 'p')) this.move(-1)
    else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) this.choose(this.active)
    else if (event.key === 'Escape') view.dispatch(dismissSuggestion(this.spec.key, view.state.tr))
    else return false
    return true
  }

  destroy(): void {
    this.hide()
    this.element.remove()
  }

  private choose(index: number): void {
    const item = this.items[index]
    const match = this.match
    if (item === undefined || match === null) return
    this.hide()
    this.spec.choose(this.view, item, match)
  }

  private move(by: number): void {
    this.active = (this.active + by + this.items.length) % this.items.length
    this.markActive()
  }

  private render(): void {
    this.shownQuery = this.match?.query ?? ''
    this.element.replaceChildren(
      ...this.items.map((item, index) => {
        const option = this.spec.option(item)
        const element = document.createElement('div')
        element.id = `${this.id}-option-${index}`
        element.className = 'suggestion-option'
        element.setAttribute('role', 'option')
        element.dataset.index = String(index)
        element.dataset.item = option.value
        if (option.icon !== undefined) {
          const icon = document.createElement('span')
          icon.className = 'suggestion-icon'
          icon.textContent = option.icon
          icon.setAttribute('aria-hidden', 'true')
          if (option.iconColor !== undefined) icon.style.backgroundColor = option.iconColor
          element.append(icon)
        }
        const label = document.createElement('span')
        label.className = 'suggestion-label'
        label.textContent = option.label
        element.append(label)
        if (option.detail !== undefined) {
          const detail = document.createElement('span')
          detail.className = 'suggestion-detail'
          detail.textContent = option.detail
          element.append(detail)
        }
        return element
      })
    )
    this.element.hidden = false
    this.markActive()
  }

  private markActive(): void {
    const options = Array.from(this.element.children) as HTMLElement[]
    options.forEach((option, index) => option.setAttribute('aria-selected', String(index === this.active)))
    options[this.active]?.scrollIntoView({ block: 'nearest' })
    const dom = this.view.dom
    dom.setAttribute('aria-controls', this.id)
    dom.setAttribute('aria-autocomplete', 'list')
    dom.setAttribute('aria-activedescendant', `${this.id}-option-${this.active}`)
  }

  private place(): void {
    if (this.match === null) return
    const coords = this.view.coordsAtPos(this.match.from)
    const origin = this.element.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 }
    this.element.style.left = `${Math.max(0, coords.left - origin.left)}px`
    this.element.style.top = `${coords.bottom - origin.top + 4}px`
  }
}
