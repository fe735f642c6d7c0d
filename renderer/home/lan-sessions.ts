import type { PlatformBridge } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'
import type { DiscoveredSession } from '../../app/ipc'
import { t } from '../../app/i18n/translate'
import { fromTemplate, part, runForm } from '../ui/dom'
import { joinAddressForm } from './join-forms'

/**
 * Sessions on the LAN (`[data-testid=lan-sessions]`), listed live while the home screen is open:
 * one `[data-testid=lan-session]` per session with `data-session` (its name); Join asks for the
 * document to open there. Below it, the typed-address fallback. Where the platform cannot browse
 * (a browser), `[data-testid=lan-unavailable]` says why, and the address form still works.
 */
export const lanSessionsView = (bridge: PlatformBridge) => {
  const element = fromTemplate(`
    <section class="home-card lan-sessions" data-testid="lan-sessions">
      <h3 class="card-title"></h3>
      <p class="note" data-testid="lan-unavailable" hidden></p>
      <p class="empty" hidden></p>
      <ul class="home-list"></ul>
      <p class="problem" role="alert"></p>
      <h4 class="by-address"></h4>
    </section>`)
  const list = part(element, 'ul')
  const empty = part(element, '.empty')
  part(element, '.card-title').textContent = t('home.lanSessions')
  empty.textContent = t('home.lanLooking')
  part(element, '.by-address').textContent = t('home.joinByAddress')
  const address = joinAddressForm(bridge)
  element.append(address.element)

  const row = (session: DiscoveredSession): HTMLElement => {
    const item = fromTemplate(`
      <li data-testid="lan-session">
        <span class="session-name"></span>
        <span class="session-host"></span>
        <form class="inline-form">
          <input name="doc" maxlength="200" autocomplete="off">
          <button type="submit"></button>
          <p class="problem" role="alert"></p>
        </form>
      </li>`)
    item.dataset.session = session.sessionName
    const input = part<HTMLInputElement>(item, 'input')
    input.placeholder = t('home.documentNameShort')
    input.setAttribute('aria-label', t('home.documentName'))
    part(item, 'button').textContent = t('home.joinButton')
    part(item, '.session-name').textContent = session.sessionName
    part(item, '.session-host').textContent = describeHost(session)
    const form = part<HTMLFormElement>(item, 'form')
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void runForm(form, part(form, '.problem'), async () => {
        const documentName = part<HTMLInputElement>(form, 'input').value.trim()
        const problem = documentNameProblem(documentName)
        if (problem !== null) throw new RangeError(t('home.askHostWhich', { problem, host: session.hostName }))
        await bridge.open({ documentName, relayUrl: session.relay, ...(session.fingerprint === undefined ? {} : { fingerprint: session.fingerprint }) })
      })
    })
    return item
  }

  const unavailable = bridge.discovery.unavailableReason
  let stop: () => void = () => undefined
  if (unavailable !== null) {
    part(element, '[data-testid=lan-unavailable]').textContent = unavailable
    part(element, '[data-testid=lan-unavailable]').hidden = false
  } else {
    empty.hidden = false
    stop = bridge.discovery.browse({
      sessions: (sessions) => {
        // Keep rows whose session is still there, so that a half-typed document name survives an update.
        const rows = new Map(Array.from(list.children, (child) => [(child as HTMLElement).dataset.sessionId, child as HTMLElement]))
        list.replaceChildren(
          ...sessions.map((session) => {
            const existing = rows.get(session.id)
            const item = existing ?? row(session)
            item.dataset.sessionId = session.id
            if (existing !== undefined) part(item, '.session-host').textContent = describeHost(session)
            return item
          })
        )
        empty.hidden = sessions.length > 0
      },
      problem: (message) => void (part(element, ':scope > .problem').textContent = message)
    })
  }
  return { element, focusAddress: address.focus, dispose: () => stop() }
}

/** "ana-laptop · 2 documents open · ws://192.168.1.20:4455" */
const describeHost = (session: DiscoveredSession): string => {
  const documents = t('home.documentsOpen', { count: session.documentCount })
  return `${session.hostName} · ${documents} · ${session.relay}`
}
