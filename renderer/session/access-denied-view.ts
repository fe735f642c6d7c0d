import type { ConnectionMonitor } from './connection-monitor'
import { describeRefusal } from './refusal-words'
import { t } from '../../app/i18n/translate'

/**
 * Shows in `element` (`[data-testid=access-denied]`) why the relay refuses this page, in plain
 * words and local time (`describeRefusal`), for as long as it does, and that the document is
 * read-only meanwhile (`DocumentAccess`): whatever was written here would never reach anyone.
 * The connection status beside it keeps the relay's own reason in its tooltip.
 */
export const showAccessDenied = (
  element: HTMLElement,
  monitor: ConnectionMonitor,
  target: { readonly documentName: string; readonly token?: string | undefined }
): (() => void) => {
  element.dataset.testid = 'access-denied'
  element.classList.add('access-denied')
  element.setAttribute('role', 'alert')
  const render = (): void => {
    const { state } = monitor
    element.hidden = state.state !== 'denied'
    if (state.state !== 'denied') return
    const why = describeRefusal({ closeCode: state.closeCode, reason: state.reason, documentName: target.documentName, token: target.token })
    element.textContent = t('access.readOnlyUntilAdmitted', { why })
  }
  monitor.on('change', render)
  render()
  return () => monitor.off('change', render)
}
