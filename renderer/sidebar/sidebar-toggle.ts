import { PanelLeft } from 'lucide'
import { t } from '../../app/i18n/translate'
import { iconButton, setIconButtonLabel } from '../ui/icon-button'
import { isMacPlatform } from '../ui/shortcut'
import { DocumentsSidebar, type DocumentsSidebarOptions } from './documents-sidebar'

/** localStorage key of whether the sidebar was left open (`open`) or closed (`closed`). */
export const sidebarStorageKey = 'ensemble.sidebar'
/** The shortcut that shows or hides the sidebar, as Notion and VS Code have it. */
export const sidebarShortcut = 'Mod-\\'
/** Narrower than this, the sidebar starts closed and opens over the page. */
const wideQuery = '(min-width: 64rem)'

/** The open sidebar: the toggle (`[data-testid=sidebar-toggle]`) and the sidebar itself. */
export interface MountedSidebar {
  readonly sidebar: DocumentsSidebar
  readonly toggle: HTMLButtonElement
  destroy(): void
}

/**
 * Puts the documents sidebar into `slot` and its show/hide button into `toggleSlot`. `layout` gets
 * `data-sidebar=open|closed`, which the stylesheet lays out by. Open or closed is remembered; the
 * first time it is open where the window is wide. Mod+\ toggles it; Escape closes it where it lies
 * over the page (a narrow window). Showing it puts the focus in its search field; it lists afresh
 * when it is shown and when the window comes back into focus.
 */
export const mountSidebar = (layout: HTMLElement, slot: HTMLElement, toggleSlot: HTMLElement, options: DocumentsSidebarOptions): MountedSidebar => {
  const sidebar = new DocumentsSidebar(options)
  sidebar.element.id = 'documents-sidebar'
  slot.replaceChildren(sidebar.element)
  const toggle = iconButton({ icon: PanelLeft, label: t('sidebar.show'), shortcut: sidebarShortcut, testid: 'sidebar-toggle' })
  toggle.setAttribute('aria-controls', sidebar.element.id)
  toggleSlot.replaceChildren(toggle)
  const stored = window.localStorage.getItem(sidebarStorageKey)
  let open = stored === null ? window.matchMedia(wideQuery).matches : stored === 'open'
  const show = (next: boolean, focus: boolean): void => {
    const opening = next && !open
    open = next
    layout.dataset.sidebar = open ? 'open' : 'closed'
    slot.hidden = !open
    toggle.setAttribute('aria-expanded', String(open))
    setIconButtonLabel(toggle, { label: t(open ? 'sidebar.hide' : 'sidebar.show'), shortcut: sidebarShortcut })
    if (opening) void sidebar.refresh()
    if (opening && focus) sidebar.focusSearch()
  }
  const flip = (focus: boolean): void => {
    show(!open, focus)
    window.localStorage.setItem(sidebarStorageKey, open ? 'open' : 'closed')
  }
  toggle.addEventListener('click', () => flip(true))
  const onKey = (event: KeyboardEvent): void => {
    const mod = isMacPlatform() ? event.metaKey : event.ctrlKey
    if (mod && !event.altKey && !event.shiftKey && event.key === '\\') {
      event.preventDefault()
      flip(true)
    } else if (event.key === 'Escape' && open && !window.matchMedia(wideQuery).matches && slot.contains(document.activeElement)) {
      event.preventDefault()
      flip(false)
      toggle.focus()
    }
  }
  // Someone may have made or renamed a document meanwhile.
  const onFocus = (): void => {
    if (open) void sidebar.refresh()
  }
  document.addEventListener('keydown', onKey)
  window.addEventListener('focus', onFocus)
  show(open, false)
  return {
    sidebar,
    toggle,
    destroy: () => {
      document.removeEventListener('keydown', onKey)
      window.removeEventListener('focus', onFocus)
      sidebar.element.remove()
      toggle.remove()
    }
  }
}
