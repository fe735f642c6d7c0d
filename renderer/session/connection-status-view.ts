import { CloseCode } from '../../app/protocol'
import type { ConnectionMonitor, ConnectionState } from './connection-monitor'

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
  retry.textContent = 'Retry now'
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
      return 'Connecting…'
    case 'connected':
      return 'Connected'
    case 'offline': {
      if (state.nextRetryAt === null) return 'Offline — waiting for the network; edits are kept here'
      const seconds = Math.max(0, Math.ceil((state.nextRetryAt - Date.now()) / 1000))
      return `Offline — retrying in ${seconds} s; edits are kept here`
    }
    case 'denied':
      // The plain-words explanation is the banner over the document (access-denied-view.ts).
      return 'Access denied'
    default:
      throw new TypeError(`unknown connection state ${JSON.stringify(state satisfies never)}`)
  }
}

const details = (state: ConnectionState): string => {
  switch (state.state) {
    case 'connected':
      return 'In sync with the relay.'
    case 'connecting':
      return 'Opening a connection to the relay.'
    case 'offline':
      return state.closeCode === null
        ? 'The browser reports no network.'
        : `The connection closed (code ${state.closeCode}); next try at ${new Date(state.nextRetryAt ?? Date.now()).toLocaleTimeString()}.`
    case 'denied':
      return state.closeCode === CloseCode.notAuthenticated
        ? `The relay needs a valid access link (code 4401). It said: ${state.reason}`
        : `The relay does not let you open this document (code 4403). It said: ${state.reason}`
    default:
      throw new TypeError(`unknown connection state ${JSON.stringify(state satisfies never)}`)
  }
}
