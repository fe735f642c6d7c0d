import type { PlatformBridge } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'
import { parseJoinLink } from '../../app/invite-link'
import { fromTemplate, part, runForm } from '../ui/dom'

/**
 * "Join with a link" (`[data-testid=join-link-form]`): takes an `ensemble://join?…` invite link or
 * the web URL of a document (`http(s)://relay/?doc=…#token=…`) and opens that document there.
 */
export const joinLinkForm = (bridge: PlatformBridge) => {
  const form = fromTemplate<HTMLFormElement>(`
    <form class="home-form" data-testid="join-link-form">
      <label>Invite link or web address
        <input name="link" required autocomplete="off" spellcheck="false" placeholder="ensemble://join?… or http://…/?doc=…">
      </label>
      <button type="submit">Join</button>
      <p class="problem" role="alert"></p>
    </form>`)
  const input = part<HTMLInputElement>(form, 'input')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(form, part(form, '.problem'), async () => {
      const invite = parseJoinLink(input.value)
      await bridge.open({
        documentName: invite.doc,
        relayUrl: invite.relay,
        ...(invite.token === undefined ? {} : { token: invite.token }),
        ...(invite.fingerprint === undefined ? {} : { fingerprint: invite.fingerprint }),
        ...(invite.also === undefined ? {} : { also: invite.also }),
        ...(invite.alsoToken === undefined ? {} : { alsoToken: invite.alsoToken })
      })
    })
  })
  return { element: form, focus: () => input.focus() }
}

/**
 * "Join by address" (`[data-testid=join-address-form]`), the fallback where mDNS does not reach:
 * a host's address (`192.168.1.20`, `host:4455`) and a document name; the address is checked
 * before the document opens.
 */
export const joinAddressForm = (bridge: PlatformBridge) => {
  const form = fromTemplate<HTMLFormElement>(`
    <form class="home-form" data-testid="join-address-form">
      <label>Host address <input name="address" required autocomplete="off" spellcheck="false" placeholder="192.168.1.20:4455"></label>
      <label>Document name <input name="doc" required maxlength="200" autocomplete="off" placeholder="ask the host"></label>
      <button type="submit">Join</button>
      <p class="problem" role="alert"></p>
    </form>`)
  const address = part<HTMLInputElement>(form, '[name=address]')
  const doc = part<HTMLInputElement>(form, '[name=doc]')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(form, part(form, '.problem'), async () => {
      const documentName = doc.value.trim()
      const problem = documentNameProblem(documentName)
      if (problem !== null) throw new RangeError(problem)
      const relayUrl = await bridge.discovery.checkAddress(address.value)
      await bridge.open({ documentName, relayUrl })
    })
  })
  return { element: form, focus: () => address.focus() }
}
