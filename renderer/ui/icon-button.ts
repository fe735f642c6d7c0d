import { icon, type IconNode } from './icons'
import { ariaKeyShortcut } from './shortcut'
import { attachTooltip } from './tooltip'

export interface IconButtonOptions {
  readonly icon: IconNode
  /** The accessible name, also the tooltip's text. */
  readonly label: string
  /** A keymap-style shortcut (`Mod-b`), shown in the tooltip and announced through `aria-keyshortcuts`. */
  readonly shortcut?: string
  /** Shows the label next to the icon (`Share`), not only in the tooltip. */
  readonly showLabel?: boolean
  readonly className?: string
  readonly testid?: string
}

/**
 * A button showing an icon, named `label` for assistive technology (`aria-label`, or its visible
 * text with `showLabel`), with a styled tooltip of its label and shortcut hint (`tooltip.ts`).
 */
export const iconButton = (options: IconButtonOptions): HTMLButtonElement => {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = ['icon-button', options.className].filter(Boolean).join(' ')
  if (options.testid !== undefined) button.dataset.testid = options.testid
  button.append(icon(options.icon))
  setIconButtonLabel(button, options)
  return button
}

/** Renames an icon button (a toggle whose action changes: "Show the sidebar", "Hide the sidebar"). */
export const setIconButtonLabel = (button: HTMLButtonElement, options: Pick<IconButtonOptions, 'label' | 'shortcut' | 'showLabel'>): void => {
  if (options.showLabel === true) {
    let text = button.querySelector<HTMLElement>('.icon-button-label')
    if (text === null) {
      text = document.createElement('span')
      text.className = 'icon-button-label'
      button.append(text)
    }
    text.textContent = options.label
    button.removeAttribute('aria-label')
  } else {
    button.setAttribute('aria-label', options.label)
  }
  if (options.shortcut === undefined) button.removeAttribute('aria-keyshortcuts')
  else button.setAttribute('aria-keyshortcuts', ariaKeyShortcut(options.shortcut))
  attachTooltip(button, options.label, options.shortcut)
}
