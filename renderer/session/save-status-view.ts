import type { SaveState, SaveTracker } from './save-tracker'
import { t } from '../../app/i18n/translate'

/**
 * Shows in `element` (`[data-testid=save-status]`, `data-state` saved|pending|unconfirmed) whether
 * this window's changes are stored on the relay, and asks before the page is left while some are
 * not (`beforeunload`; the desktop app turns that into its own dialog).
 */
export const showSaveStatus = (element: HTMLElement, saves: SaveTracker, page: Window = window): (() => void) => {
  element.dataset.testid = 'save-status'
  element.classList.add('save-status')
  element.setAttribute('role', 'status')
  element.setAttribute('aria-live', 'polite')
  const render = (state: SaveState): void => {
    element.dataset.state = !state.confirmed ? 'unconfirmed' : state.pending === 0 ? 'saved' : 'pending'
    element.dataset.pending = String(state.pending)
    element.textContent = describe(state)
    element.title = explain(state)
  }
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (saves.state.pending === 0) return
    // Browsers show their own words; asking is all a page may do.
    event.preventDefault()
    event.returnValue = ''
  }
  saves.on('change', render)
  page.addEventListener('beforeunload', onBeforeUnload)
  render(saves.state)
  return () => {
    saves.off('change', render)
    page.removeEventListener('beforeunload', onBeforeUnload)
  }
}

const describe = (state: SaveState): string => {
  if (!state.confirmed) return t('save.sent')
  if (state.pending === 0) return t('save.saved')
  return t('save.pending', { count: state.pending })
}

const explain = (state: SaveState): string => {
  if (!state.confirmed) return t('save.sentDetails')
  if (state.pending === 0) return t('save.savedDetails')
  return t('save.pendingDetails')
}
