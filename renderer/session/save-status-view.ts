import type { SaveState, SaveTracker } from './save-tracker'

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
  if (!state.confirmed) return 'Sent to the relay'
  if (state.pending === 0) return 'Saved'
  return `${state.pending} ${state.pending === 1 ? 'change' : 'changes'} not yet on the relay`
}

const explain = (state: SaveState): string => {
  if (!state.confirmed) return 'This relay does not confirm what it stores; your changes were sent to it.'
  if (state.pending === 0) return 'Every change is stored on the relay.'
  return 'Kept in this window and its offline copy until the relay confirms it stored them.'
}
