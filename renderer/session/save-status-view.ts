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
  // Every keystroke changes the state twice (sent, then stored): shown once per frame, and only
  // what differs is written, so that a keystroke does not also rewrite the status line twice.
  let frame: number | null = null
  const render = (): void => {
    frame = null
    const state = saves.state
    const shown = { state: !state.confirmed ? 'unconfirmed' : state.pending === 0 ? 'saved' : 'pending', pending: String(state.pending) }
    if (element.dataset.state !== shown.state) element.dataset.state = shown.state
    if (element.dataset.pending !== shown.pending) element.dataset.pending = shown.pending
    const text = describe(state)
    if (element.textContent !== text) element.textContent = text
    const title = explain(state)
    if (element.title !== title) element.title = title
  }
  const scheduleRender = (): void => {
    frame ??= page.requestAnimationFrame(render)
  }
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (saves.state.pending === 0) return
    // Browsers show their own words; asking is all a page may do.
    event.preventDefault()
    event.returnValue = ''
  }
  saves.on('change', scheduleRender)
  page.addEventListener('beforeunload', onBeforeUnload)
  render()
  return () => {
    if (frame !== null) page.cancelAnimationFrame(frame)
    saves.off('change', scheduleRender)
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
