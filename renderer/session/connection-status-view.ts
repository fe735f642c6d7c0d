import { CloseCode } from '../../app/protocol'
import type { ConnectionMonitor, ConnectionState } from './connection-monitor'
import { t } from '../../app/i18n/translate'
import { displayLocale } from '../i18n/page-language'

/**
 * Shows the connection state in `element` (`[data-testid=connection-status]`, `data-state` one of
 * connecting|connected|offline|denied), with the time to the next retry and a way to retry now.
 */
export const showConnectionStatus = (element: HTMLElement, monitor: ConnectionMonitor): (() => void) => {
  element.dataset.testid = 'connection-status'
  element.classList.add('connection-status')
  element.setAttribute('role', 'status')
  const label = document.createElement('span')
  const retry = document.createElement('button')
  retry.type = 'button'
  retry.textContent = t('connection.retry')
  retry.addEventListener('click', () => monitor.connect())
  element.replaceChildren(label, retry)
  let countdown: ReturnType<typeof setInterval> | undefined

  const render = (state: ConnectionState): void => {
    clearInterval(countdown)
    element.dataset.state = state.state
    retry.hidden = state.state === 'connected' || state.state === 'connecting'
    label.textContent = describe(state)
    element.title = details(state)
    if (state.state === 'offline' && state.nextRetryAt !== null) {
      countdown = setInterval(() => (label.textContent = describe(state)), 1000)
    }
  }
  const onChange = (state: ConnectionState): void => render(state)
  monitor.on('change', onChange)
  render(monitor.state)
  return () => {
    clearInterval(countdown)
    monitor.off('change', onChange)
  }
}

const describe = (state: ConnectionState): string => {
  switch (state.state) {
    case 'connecting':
      return t('connection.connecting')
    case 'connected':
      return t('connection.connected')
    case 'offline': {
      if (state.nextRetryAt === null) return t('connection.offlineWaiting')
      const seconds = Math.max(0, Math.ceil((state.nextRetryAt - Date.now()) / 1000))
      return t('connection.offlineRetrying', { seconds })
    }
    case 'denied':
      // The plain-words explanation is the banner over the document (access-denied-view.ts).
      return t('connection.denied')
    default:
      throw new TypeError(`unknown connection state ${JSON.stringify(state satisfies never)}`)
  }
}

const details = (state: ConnectionState): string => {
  switch (state.state) {
    case 'connected':
      return t('connection.inSync')
    case 'connecting':
      return t('connection.opening')
    case 'offline':
      return state.closeCode === null
        ? t('connection.noNetwork')
        : t('connection.closed', { code: state.closeCode, time: new Date(state.nextRetryAt ?? Date.now()).toLocaleTimeString(displayLocale()) })
    case 'denied':
      return state.closeCode === CloseCode.notAuthenticated
        ? t('connection.needsLink', { reason: state.reason })
        : t('connection.forbidden', { reason: state.reason })
    default:
      throw new TypeError(`unknown connection state ${JSON.stringify(state satisfies never)}`)
  }
}
