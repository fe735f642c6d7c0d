import type { HostingBridge, UpstreamBridge } from '../../app/bridge'
import { accessRoles, type AccessRole } from '../../app/access-token'
import { t } from '../../app/i18n/translate'
import type { UpstreamLink } from '../../app/ipc'
import { copyField } from '../ui/copy-field'
import { fromTemplate, messageOf, part, sentence } from '../ui/dom'
import { displayLocale } from '../i18n/page-language'

/**
 * Invites to one local document of a running LAN session (`[data-testid=invite]`): choose edit,
 * suggest or view, get a signed invite link for the desktop app (`[data-testid=invite-link]`) and the web
 * URL for browser guests (`[data-testid=invite-web-url]`), each with a Copy button. When the
 * document is also kept on a hosted relay that asks for a token, the host may let the links carry
 * it (`[data-testid=invite-continuation]`), so that guests continue there if the host leaves.
 */
export const invitePanel = (hosting: HostingBridge, documentName: string, upstream: UpstreamBridge | null = null) => {
  const element = fromTemplate(`
    <div class="invite" data-testid="invite">
      <label>${t('share.peopleWithLink')}
        <select name="role"><option value="edit">${t('share.canEdit')}</option><option value="view">${t('share.canOnlyView')}</option></select>
      </label>
      <p class="note expiry"></p>
      <p class="problem" role="alert"></p>
    </div>`)
  const link = copyField(t('share.inviteLink'), 'invite-link')
  const web = copyField(t('share.webAddress'), 'invite-web-url')
  part(element, '.expiry').before(link.element, web.element)
  const role = part<HTMLSelectElement>(element, 'select')
  role.querySelector('option[value=view]')?.before(new Option(t('suggestions.roleSuggest'), 'suggest'))
  const problem = part(element, '.problem')
  let generation = 0
  let continuation: { readonly link: UpstreamLink; readonly box: HTMLInputElement } | null = null

  const refresh = async (): Promise<void> => {
    const mine = ++generation
    const chosen: AccessRole = accessRoles.find((granted) => granted === role.value) ?? 'edit'
    element.dataset.role = chosen
    element.dataset.ready = 'false'
    problem.textContent = ''
    try {
      const carried = continuation?.box.checked === true ? continuation.link : null
      const invite = await hosting.createInvite({
        documentName,
        role: chosen,
        ...(carried === null ? {} : { also: carried.relayUrl, ...(carried.token === undefined ? {} : { alsoToken: carried.token }) })
      })
      // A newer choice wins over an answer that arrives late.
      if (mine !== generation) return
      link.setValue(invite.link)
      web.setValue(invite.webUrl)
      part(element, '.expiry').textContent = t('share.linksUntil', { time: new Date(invite.expiresAt).toLocaleString(displayLocale()) })
      element.dataset.ready = 'true'
    } catch (error) {
      if (mine === generation) problem.textContent = sentence(messageOf(error))
    }
  }
  role.addEventListener('change', () => void refresh())
  void refresh()
  upstream?.get().then(
    (links) => {
      const link = links.find((candidate) => candidate.document === documentName && candidate.token !== undefined)
      if (link === undefined) return
      const label = document.createElement('label')
      label.dataset.testid = 'invite-continuation'
      const box = document.createElement('input')
      box.type = 'checkbox'
      box.addEventListener('change', () => void refresh())
      label.append(box, ` ${t('handover.inviteContinuation', { place: new URL(link.relayUrl).host })}`)
      part(element, '.expiry').before(label)
      continuation = { link, box }
    },
    (error: unknown) => console.warn('Ensemble: could not read where this document is also kept', error)
  )
  return { element }
}
