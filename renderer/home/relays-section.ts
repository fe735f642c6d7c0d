import type { PlatformBridge } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'
import type { Library, RememberedRelay } from '../../app/library'
import type { MessageKey } from '../../app/i18n/messages'
import { t } from '../../app/i18n/translate'
import { fromTemplate, messageOf, part, runForm, sentence } from '../ui/dom'
import { newDocumentName } from './new-document'

/** The document to open on a relay: the typed name, or a new document when none was typed. */
const documentToOpen = (typed: string): string => {
  const name = typed.trim()
  if (name === '') return newDocumentName()
  const problem = documentNameProblem(name)
  if (problem !== null) throw new RangeError(problem)
  return name
}

/**
 * "Connect to a relay" (`[data-testid=connect-relay-form]`): a hosted relay's address and access
 * token, and optionally a document name (none: a new document). The address is checked, the relay
 * remembered with its token, and the document opened there.
 */
export const connectRelayForm = (bridge: PlatformBridge) => {
  const form = fromTemplate<HTMLFormElement>(`
    <form class="home-form" data-testid="connect-relay-form">
      <label><span data-label="relay"></span> <input name="relay" required autocomplete="off" spellcheck="false"></label>
      <label><span data-label="token"></span> <input name="token" type="password" autocomplete="off" spellcheck="false"></label>
      <label><span data-label="doc"></span> <input name="doc" maxlength="200" autocomplete="off"></label>
      <button type="submit"></button>
      <p class="problem" role="alert"></p>
    </form>`)
  const relay = part<HTMLInputElement>(form, '[name=relay]')
  const labels: ReadonlyArray<[string, MessageKey, MessageKey]> = [
    ['relay', 'home.relayAddress', 'home.relayAddressPlaceholder'],
    ['token', 'home.accessToken', 'home.accessTokenPlaceholder'],
    ['doc', 'home.documentName', 'home.documentNameOptional']
  ]
  for (const [name, label, placeholder] of labels) {
    part(form, `[data-label=${name}]`).textContent = t(label)
    part<HTMLInputElement>(form, `[name=${name}]`).placeholder = t(placeholder)
  }
  part(form, 'button').textContent = t('home.connect')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(form, part(form, '.problem'), async () => {
      const documentName = documentToOpen(part<HTMLInputElement>(form, '[name=doc]').value)
      const token = part<HTMLInputElement>(form, '[name=token]').value.trim()
      const url = await bridge.discovery.checkAddress(relay.value)
      const access = token === '' ? {} : { token }
      await bridge.library.rememberRelay({ url, ...access })
      await bridge.open({ documentName, relayUrl: url, ...access })
    })
  })
  return { element: form, focus: () => relay.focus() }
}

/**
 * Hosted relays (`[data-testid=relays]`): the connect form, and one `[data-testid=remembered-relay]`
 * per remembered relay (`data-relay`: its URL) to open a document there with its saved token,
 * start a new one, or forget the relay.
 */
export const relaysView = (bridge: PlatformBridge) => {
  const element = fromTemplate(`
    <section class="home-card relays" data-testid="relays">
      <h3 class="card-title"></h3>
      <ul class="home-list"></ul>
      <h4 class="connect-title"></h4>
    </section>`)
  part(element, '.card-title').textContent = t('home.relays')
  part(element, '.connect-title').textContent = t('home.connectRelay')
  const list = part(element, 'ul')
  const connect = connectRelayForm(bridge)
  element.append(connect.element)

  const item = (relay: RememberedRelay): HTMLElement => {
    const row = fromTemplate(`
      <li data-testid="remembered-relay">
        <span class="relay-url"></span>
        <span class="relay-access"></span>
        <form class="inline-form">
          <input name="doc" maxlength="200" autocomplete="off">
          <button type="submit" data-action="open"></button>
          <button type="button" data-action="new"></button>
          <button type="button" data-action="forget"></button>
          <p class="problem" role="alert"></p>
        </form>
      </li>`)
    row.dataset.relay = relay.url
    const input = part<HTMLInputElement>(row, 'input')
    input.placeholder = t('home.documentNameShort')
    input.setAttribute('aria-label', t('home.documentName'))
    part(row, '[data-action=open]').textContent = t('home.open')
    part(row, '[data-action=new]').textContent = t('home.newDocument')
    part(row, '[data-action=forget]').textContent = t('home.forgetRelay')
    part(row, '.relay-url').textContent = relay.url
    part(row, '.relay-access').textContent = t(relay.token === undefined ? 'home.noToken' : 'home.savedToken')
    const form = part<HTMLFormElement>(row, 'form')
    const problem = part(form, '.problem')
    const open = (documentName: string): Promise<void> =>
      bridge.open({ documentName, relayUrl: relay.url, ...(relay.token === undefined ? {} : { token: relay.token }) })
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void runForm(form, problem, async () => {
        const typed = part<HTMLInputElement>(form, 'input').value
        if (typed.trim() === '') throw new RangeError(t('home.typeDocumentName'))
        await bridge.library.rememberRelay({ url: relay.url, ...(relay.token === undefined ? {} : { token: relay.token }) })
        await open(documentToOpen(typed))
      })
    })
    part(form, '[data-action=new]').addEventListener('click', () => void runForm(form, problem, () => open(newDocumentName())))
    part(form, '[data-action=forget]').addEventListener('click', () => {
      bridge.library.forgetRelay(relay.url).catch((error: unknown) => (problem.textContent = sentence(messageOf(error))))
    })
    return row
  }

  return {
    element,
    focusConnect: connect.focus,
    render: (library: Library): void => list.replaceChildren(...library.relays.map(item))
  }
}
