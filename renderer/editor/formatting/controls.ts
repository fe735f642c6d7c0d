import type { MarkType } from 'prosemirror-model'
import type { Command, EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { highlightColors, textColors, type Alignment, type PaletteColor } from '../../../app/formatting'
import { RovingFocus } from '../../ui/roving-focus'
import { activeAlignment, activeColor, highlightMark, setAlignment, setColorMark, textColorMark } from './commands'
import { formattingStrings as strings } from './strings'

/** A toolbar button as `renderer/editor/toolbar.ts` draws it. */
export interface FormattingButton {
  readonly id: string
  readonly label: string
  readonly title: string
  readonly command: Command
  readonly active: (state: EditorState) => boolean
}

const alignButton = (align: Alignment, label: string, title: string): FormattingButton => ({
  id: `align-${align}`,
  label,
  title,
  command: setAlignment(align),
  active: (state) => activeAlignment(state) === align
})

/** The alignment buttons: left, centre, right, justify; the block's alignment is pressed. */
export const alignmentButtons: readonly FormattingButton[] = [
  alignButton('left', '⇤', strings.alignLeft),
  alignButton('center', '⇔', strings.alignCenter),
  alignButton('right', '⇥', strings.alignRight),
  alignButton('justify', '☰', strings.justify)
]

/**
 * A toolbar menu button (`[data-command=text-color]`, `[data-command=highlight]`) that opens a
 * row of the palette's swatches (`[data-color]`, each named "Red text", "Yellow highlight"…) and a
 * "remove" choice. The button shows the colour at the cursor. The swatches keep the editor's
 * selection (mousedown does not take the focus); from the keyboard the arrow keys move between
 * them, Enter or Space applies one and returns to the document, Escape returns to the button.
 */
export class ColorMenu {
  readonly element: HTMLElement
  readonly button: HTMLButtonElement
  private readonly popup: HTMLElement
  private readonly swatches: HTMLButtonElement[] = []
  private readonly roving: RovingFocus
  private readonly onOutside = (event: MouseEvent): void => {
    if (!this.element.contains(event.target as Node)) this.close(false)
  }

  constructor(
    private readonly view: () => EditorView,
    private readonly options: { id: string; label: string; removeLabel: string; type: MarkType; palette: readonly PaletteColor[]; swatchClass: string }
  ) {
    this.element = document.createElement('span')
    this.element.className = 'color-menu'
    this.button = document.createElement('button')
    this.button.type = 'button'
    this.button.dataset.command = options.id
    this.button.className = `color-menu-button ${options.swatchClass}`
    this.button.textContent = 'A'
    this.button.title = options.label
    this.button.setAttribute('aria-label', options.label)
    this.button.setAttribute('aria-haspopup', 'true')
    this.button.setAttribute('aria-expanded', 'false')
    this.button.addEventListener('mousedown', (event) => {
      event.preventDefault()
      if (this.popup.hidden) this.open(false)
      else this.close(false)
    })
    this.button.addEventListener('click', (event) => {
      if (event.detail === 0) this.open(true)
    })
    this.button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return
      event.preventDefault()
      this.open(true)
    })
    this.popup = document.createElement('div')
    this.popup.className = 'color-menu-popup'
    this.popup.setAttribute('role', 'group')
    this.popup.setAttribute('aria-label', options.label)
    this.popup.hidden = true
    for (const color of [...options.palette, null]) this.popup.append(this.swatch(color))
    this.popup.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return
      // Not the toolbar's Escape, which would leave for the document.
      event.preventDefault()
      event.stopPropagation()
      this.close(true)
    })
    // Swatches are tab stops only while the menu is open: the toolbar stays one tab stop.
    this.roving = new RovingFocus(this.popup, () => (this.popup.hidden ? [] : this.swatches))
    this.element.append(this.button, this.popup)
  }

  update(view: EditorView): void {
    const readOnly = !view.editable
    const disabled = readOnly || !setColorMark(this.options.type, null)(view.state)
    if (this.button.disabled !== disabled) this.button.disabled = disabled
    if (disabled && !this.popup.hidden) this.close(false)
    const current = activeColor(view.state, this.options.type)
    const shown = this.options.palette.find((color) => color.name === current)
    const value = shown?.css ?? ''
    if (this.button.style.getPropertyValue('--swatch') !== value) this.button.style.setProperty('--swatch', value)
    if (this.button.dataset.active !== (current ?? '')) this.button.dataset.active = current ?? ''
    for (const swatch of this.swatches) {
      const pressed = String((swatch.dataset.color ?? '') === (current ?? ''))
      if (swatch.getAttribute('aria-pressed') !== pressed) swatch.setAttribute('aria-pressed', pressed)
    }
  }

  destroy(): void {
    document.removeEventListener('mousedown', this.onOutside)
    this.roving.destroy()
  }

  private swatch(color: PaletteColor | null): HTMLButtonElement {
    const swatch = document.createElement('button')
    swatch.type = 'button'
    swatch.tabIndex = -1
    swatch.className = color === null ? 'swatch swatch-none' : 'swatch'
    if (color !== null) {
      swatch.dataset.color = color.name
      swatch.style.setProperty('--swatch', color.css)
    }
    swatch.textContent = color === null ? '⌀' : 'A'
    const label = color?.label ?? this.options.removeLabel
    swatch.title = label
    swatch.setAttribute('aria-label', label)
    swatch.addEventListener('mousedown', (event) => event.preventDefault())
    swatch.addEventListener('click', () => {
      const view = this.view()
      setColorMark(this.options.type, color?.name ?? null)(view.state, view.dispatch)
      this.close(false)
      view.focus()
    })
    this.swatches.push(swatch)
    return swatch
  }

  private open(focus: boolean): void {
    if (this.button.disabled) return
    this.popup.hidden = false
    this.button.setAttribute('aria-expanded', 'true')
    document.addEventListener('mousedown', this.onOutside)
    if (focus) this.roving.focus()
  }

  private close(focusButton: boolean): void {
    this.popup.hidden = true
    for (const swatch of this.swatches) swatch.tabIndex = -1
    this.button.setAttribute('aria-expanded', 'false')
    document.removeEventListener('mousedown', this.onOutside)
    if (focusButton) this.button.focus()
  }
}

/** The text colour and highlight menus of the toolbar. */
export const colorMenus = (view: () => EditorView): ColorMenu[] => [
  new ColorMenu(view, { id: 'text-color', label: strings.textColor, removeLabel: strings.removeTextColor, type: textColorMark, palette: textColors, swatchClass: 'text-swatch' }),
  new ColorMenu(view, { id: 'highlight', label: strings.highlight, removeLabel: strings.removeHighlight, type: highlightMark, palette: highlightColors, swatchClass: 'highlight-swatch' })
]

/** Shortcuts as Google Docs has them: Shift+Ctrl/Cmd+L, E, R, J. */
export const formattingShortcuts: Record<string, Command> = {
  'Shift-Mod-l': setAlignment('left'),
  'Shift-Mod-e': setAlignment('center'),
  'Shift-Mod-r': setAlignment('right'),
  'Shift-Mod-j': setAlignment('justify')
}
