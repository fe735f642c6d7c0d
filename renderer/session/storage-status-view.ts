import type { ConnectionMonitor } from './connection-monitor'
import type { RelayStorageStatus } from './relay-storage-status'
import { t } from '../../app/i18n/translate'

/**
 * Shows, in `element` (`[data-testid=storage-status]`), that the relay is not storing this
 * document's edits while it says so and the page is connected to it, and tells through `notify`
 * when they are stored again. Offline, the connection status already says edits are kept here.
 */
export const showStorageStatus = (
  element: HTMLElement,
  storage: RelayStorageStatus,
  connection: ConnectionMonitor,
  notify: (message: string) => void
): (() => void) => {
  element.dataset.testid = 'storage-status'
  element.classList.add('storage-status')
  element.setAttribute('role', 'alert')
  let wasNotStored = false
  const render = (): void => {
    const status = storage.status
    const show = !status.stored && connection.state.state === 'connected'
    element.hidden = !show
    element.dataset.state = status.stored ? 'stored' : 'not-stored'
    if (!status.stored) {
      element.textContent = t('save.notStored')
      element.title = t('save.relaySays', { reason: status.reason })
      wasNotStored = true
    } else if (wasNotStored) {
      wasNotStored = false
      notify(t('save.storedAgain'))
    }
  }
  storage.on('change', render)
  connection.on('change', render)
  render()
  return () => {
    storage.off('change', render)
    connection.off('change', render)
  }
}
