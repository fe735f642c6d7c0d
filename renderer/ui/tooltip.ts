import { formatShortcut } from './shortcut'

/** How long the pointer rests on a control before its tooltip shows; keyboard focus shows it at once. */
const hoverDelayMs = 400

let bubble: HTMLElement | null = null
let timer: ReturnType<typeof setTimeout> | undefined
let shownFor: HTMLElement | null = null

/** The one tooltip element of the page (`[data-testid=tooltip]`, `role=tooltip`), made on first use. */
const tooltipElement = (): HTMLElement => {
  if (bubble !== null && bubble.isConnected) return bubble
  bubble = document.createElement('div')
  bubble.className = 'tooltip'
  bubble.id = 'ensemble-tooltip'
  bubble.dataset.testid = 'tooltip'
  bubble.setAttribute('role', 'tooltip')
  bubble.hidden = true
  document.body.append(bubble)
  return bubble
}

const show = (target: HTMLElement): void => {
  clearTimeout(timer)
  const { tooltipLabel: label, tooltipShortcut: shortcut } = target.dataset
  if (label === undefined || !target.isConnected) return
  const element = tooltipElement()
  const text = document.createElement('span')
  text.textContent = label
  element.replaceChildren(text)
  if (shortcut !== undefined) {
    const keys = document.createElement('kbd')
    keys.textContent = formatShortcut(shortcut)
    element.append(keys)
  }
  element.hidden = false
  shownFor = target
  // Below the control, centred on it, kept inside the window; above it when there is no room below.
  const box = target.getBoundingClientRect()
  const tip = element.getBoundingClientRect()
  const margin = 6
  const left = Math.min(Math.max(margin, box.left + box.width / 2 - tip.width / 2), window.innerWidth - tip.width - margin)
  const below = box.bottom + margin
  const top = below + tip.height > window.innerHeight ? box.top - tip.height - margin : below
  element.style.left = `${Math.round(left)}px`
  element.style.top = `${Math.round(top)}px`
}

const hide = (): void => {
  clearTimeout(timer)
  shownFor = null
  if (bubble !== null) bubble.hidden = true
}

/**
 * Gives `target` a styled tooltip: its label and, when it has one, its shortcut (`Mod-b`, shown as
 * ⌘B or Ctrl+B). It shows after a short rest of the pointer, or at once on keyboard focus, and hides
 * on leaving, on a press and on Escape. The tooltip repeats the accessible name, so it is not wired
 * with `aria-describedby` (a screen reader would read the name twice); the shortcut is announced
 * through `aria-keyshortcuts`, which `iconButton` sets. Call again to change the text.
 */
export const attachTooltip = (target: HTMLElement, label: string, shortcut?: string): void => {
  target.dataset.tooltipLabel = label
  if (shortcut === undefined) delete target.dataset.tooltipShortcut
  else target.dataset.tooltipShortcut = shortcut
  if (shownFor === target) show(target)
  if (target.dataset.tooltip === 'on') return
  target.dataset.tooltip = 'on'
  target.addEventListener('pointerenter', () => {
    clearTimeout(timer)
    timer = setTimeout(() => show(target), hoverDelayMs)
  })
  target.addEventListener('pointerleave', hide)
  target.addEventListener('pointerdown', hide)
  target.addEventListener('focus', () => {
    if (target.matches(':focus-visible')) show(target)
  })
  target.addEventListener('blur', hide)
  target.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shownFor === target) hide()
  })
}
