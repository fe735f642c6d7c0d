import type { SaveState, SaveTracker } from './save-tracker'
import { t } from '../../app/i18n/translate'

/**
 * Shows in `element` (`[data-testid=save-status]`, `data-state` saved|pending|unconfirmed) whether
 * this window's changes are stored on the relay (pending: a change has waited for the relay's
 * confirmation for over `pendingShownAfterMs`), and asks before the page is left while some are
 * not (`beforeunload`, at once; the desktop app turns that into its own dialog).
 */
export const showSaveStatus = (element: HTMLElement, saves: SaveTracker, page: Window = window): (() => void) => {
  element.dataset.testid = 'save-status'
  element.classList.add('save-status')
  element.setAttribute('role', 'status')
  element.setAttribute('aria-live', 'polite')
  // Every keystroke changes the state twice (sent, then stored a few milliseconds later). Shown as
  // it came, the line would flicker at every keystroke, and every change of it costs a frame of
  // the whole page (in a long document, a frame of many blocks): so a change is shown as pending
  // only once it has waited `pendingShownAfterMs`, the line is written once per burst of changes
  // (a task after them, not an animation frame: asking for a frame after every acknowledgement
  // kept the page drawing frames, so the next keystroke waited for the display's next tick), and
  // only what differs.
  let writeTimer: number | null = null
  let pendingTimer: number | null = null
  const write = (state: SaveState): void => {
    const shown = { state: stateName(state), pending: String(state.pending), text: describe(state), title: explain(state) }
    if (element.dataset.state !== shown.state) element.dataset.state = shown.state
    if (element.dataset.pending !== shown.pending) element.dataset.pending = shown.pending
    if (element.textContent !== shown.text) element.textContent = shown.text
    if (element.title !== shown.title) element.title = shown.title
  }
  const render = (): void => {
    writeTimer = null
    const state = saves.state
    if (stateName(state) === 'pending' && element.dataset.state === 'saved') {
      pendingTimer ??= page.setTimeout(() => {
        pendingTimer = null
        write(saves.state)
      }, pendingShownAfterMs)
      return
    }
    if (pendingTimer !== null) page.clearTimeout(pendingTimer)
    pendingTimer = null
    write(state)
  }
  const scheduleRender = (): void => {
    writeTimer ??= page.setTimeout(render, 0)
  }
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (saves.state.pending === 0) return
    // Browsers show their own words; asking is all a page may do.
    event.preventDefault()
    event.returnValue = ''
  }
  saves.on('change', scheduleRender)
  page.addEventListener('beforeunload', onBeforeUnload)
  write(saves.state)
  return () => {
    if (writeTimer !== null) page.clearTimeout(writeTimer)
    if (pendingTimer !== null) page.clearTimeout(pendingTimer)
    saves.off('change', scheduleRender)
    page.removeEventListener('beforeunload', onBeforeUnload)
  }
}

/** How long a change may wait for the relay's confirmation before the line says it is pending. */
export const pendingShownAfterMs = 1000

const stateName = (state: SaveState): 'unconfirmed' | 'saved' | 'pending' =>
  !state.confirmed ? 'unconfirmed' : state.pending === 0 ? 'saved' : 'pending'

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
