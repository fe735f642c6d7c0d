import './handover.css'
import { t } from '../../../app/i18n/translate'
import type { HandoverController, HandoverState } from './handover-controller'

/**
 * Shows in `element` (`[data-testid=handover-notice]`, `data-state` moved|host-back|returned,
 * `data-relay`; its words in `handover-text`) where the session lives after its host left, and a way back once the host is
 * there again (`[data-testid=handover-return]`). Hidden while the session is with its host.
 */
export const showHandover = (element: HTMLElement, controller: HandoverController): (() => void) => {
  element.dataset.testid = 'handover-notice'
  element.classList.add('handover-notice')
  element.setAttribute('role', 'status')
  element.setAttribute('aria-live', 'polite')
  const text = document.createElement('span')
  text.dataset.testid = 'handover-text'
  const back = document.createElement('button')
  back.type = 'button'
  back.dataset.testid = 'handover-return'
  back.addEventListener('click', () => controller.returnToHost())
  element.replaceChildren(text, back)

  const render = (state: HandoverState): void => {
    element.hidden = state.kind === 'with-host'
    back.hidden = !(state.kind === 'moved' && state.hostBack)
    back.textContent = t('handover.return')
    switch (state.kind) {
      case 'with-host':
        delete element.dataset.state
        delete element.dataset.relay
        text.textContent = ''
        element.title = ''
        return
      case 'moved':
        element.dataset.state = state.hostBack ? 'host-back' : 'moved'
        element.dataset.relay = state.relayUrl
        text.textContent = movedText(state) + (state.hostBack ? ` ${t('handover.hostBack')}` : '')
        element.title = t('handover.movedDetails', { relay: state.relayUrl })
        return
      case 'returned':
        element.dataset.state = 'returned'
        delete element.dataset.relay
        text.textContent = t('handover.returned')
        element.title = t('handover.returnedDetails', { relay: state.relayUrl })
        return
      default:
        throw new TypeError(`unknown hand-over state ${JSON.stringify(state satisfies never)}`)
    }
  }
  const onChange = (state: HandoverState): void => render(state)
  controller.on('change', onChange)
  render(controller.state)
  return () => controller.off('change', onChange)
}

const movedText = (state: Extract<HandoverState, { kind: 'moved' }>): string => {
  const host = state.hostName
  if (state.place === 'this-computer') return host === null ? t('handover.movedHere') : t('handover.movedHereNamed', { host })
  const place = new URL(state.relayUrl).host
  return host === null ? t('handover.movedToRelay', { place }) : t('handover.movedToRelayNamed', { place, host })
}
