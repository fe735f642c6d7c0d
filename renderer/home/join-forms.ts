import type { PlatformBridge } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'
import { parseJoinLink } from '../../app/invite-link'
import { t } from '../../app/i18n/translate'
import { fromTemplate, part, runForm } from '../ui/dom'

/**
 * "Join with a link" (`[data-testid=join-link-form]`): takes an `ensemble://join?…` invite link or
 * the web URL of a document (`http(s)://relay/?doc=…#token=…`) and opens that document there.
 */
export const joinLinkForm = (bridge: PlatformBridge) => {
  const form = fromTemplate<HTMLFormElement>(`
    <form class="home-form" data-testid="join-link-form">
      <label><span class="label-text"></span>
        <input name="link" required autocomplete="off" spellcheck="false">
      </label>
      <button type="submit"></button>
      <p class="problem" role="alert"></p>
    </form>`)
  const input = part<HTMLInputElement>(form, 'input')
  part(form, '.label-text').textContent = t('home.inviteLink')
  input.placeholder = t('home.inviteLinkPlaceholder')
  part(form, 'button').textContent = t('home.joinButton')
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
      <label><span class="address-label"></span> <input name="address" required autocomplete="off" spellcheck="false"></label>
      <label><span class="doc-label"></span> <input name="doc" required maxlength="200" autocomplete="off"></label>
      <button type="submit"></button>
      <p class="problem" role="alert"></p>
    </form>`)
  const address = part<HTMLInputElement>(form, '[name=address]')
  const doc = part<HTMLInputElement>(form, '[name=doc]')
  part(form, '.address-label').textContent = t('home.hostAddress')
  address.placeholder = t('home.hostAddressPlaceholder')
  part(form, '.doc-label').textContent = t('home.documentName')
  doc.placeholder = t('home.askTheHost')
  part(form, 'button').textContent = t('home.joinButton')
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
