import { icon, type IconNode } from '../ui/icons'
import { RovingFocus } from '../ui/roving-focus'
import { h } from './dom'
import { t } from '../../app/i18n/translate'

export interface SideTab {
  readonly id: string
  readonly label: string
  /** A Lucide icon shown before the label. */
  readonly icon?: IconNode
  readonly panel: HTMLElement
}

/**
 * The side panel next to the document (`[data-testid=side-panel]`, `data-open` = the open tab or
 * `none`): a row of tabs (`[data-testid=tab-ID]`, `aria-selected`) over one panel at a time.
 * Choosing the open tab again folds the panel away, leaving the tabs. A tab can carry a count
 * (`[data-testid=tab-ID-count]`), hidden at zero.
 */
export class SidePanel {
  readonly element: HTMLElement
  private readonly tabs = new Map<string, { button: HTMLButtonElement; count: HTMLElement; panel: HTMLElement }>()
  private open: string | null = null
  private readonly listeners = new Set<(open: string | null) => void>()
  private readonly roving: RovingFocus

  constructor(container: HTMLElement, tabs: readonly SideTab[], initiallyOpen: string | null) {
    const tabList = h('div', { class: 'side-tabs', role: 'tablist', 'aria-label': t('panels.tabs') })
    this.element = h('aside', { class: 'side-panel', 'data-testid': 'side-panel' }, tabList)
    for (const tab of tabs) {
      const count = h('span', { class: 'tab-count', 'data-testid': `tab-${tab.id}-count`, hidden: true })
      const tabId = `side-tab-${tab.id}`
      const panelId = `side-panel-${tab.id}`
      const button = h(
        'button',
        { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'data-testid': `tab-${tab.id}`, 'aria-selected': 'false' },
        ...(tab.icon === undefined ? [] : [icon(tab.icon, 16)]),
        tab.label,
        count
      )
      button.addEventListener('click', () => this.select(this.open === tab.id ? null : tab.id))
      tabList.append(button)
      tab.panel.id = panelId
      // The tab names its panel; the panel's own aria-label would say the same in other words.
      tab.panel.removeAttribute('aria-label')
      tab.panel.setAttribute('aria-labelledby', tabId)
      tab.panel.hidden = true
      this.element.append(tab.panel)
      this.tabs.set(tab.id, { button, count, panel: tab.panel })
    }
    // One tab stop for the row, the arrow keys between tabs (WAI-ARIA's tabs pattern).
    this.roving = new RovingFocus(tabList, () => [...this.tabs.values()].map(({ button }) => button))
    container.replaceChildren(this.element)
    this.select(initiallyOpen)
  }

  get openTab(): string | null {
    return this.open
  }

  /** Opens tab `id`, or folds the panel away with `null`. */
  select(id: string | null): void {
    this.open = id
    this.element.dataset.open = id ?? 'none'
    for (const [tabId, { button, panel }] of this.tabs) {
      button.setAttribute('aria-selected', String(tabId === id))
      panel.hidden = tabId !== id
    }
    for (const listener of this.listeners) listener(id)
  }

  /** Shows `count` on tab `id` (hidden when zero). */
  setCount(id: string, count: number, label: string): void {
    const tab = this.tabs.get(id)
    if (tab === undefined) return
    tab.count.hidden = count === 0
    tab.count.textContent = count > 99 ? '99+' : String(count)
    tab.count.dataset.count = String(count)
    tab.count.title = label
  }

  onSelect(listener: (open: string | null) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
