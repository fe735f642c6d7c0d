import type { HostingBridge } from '../../app/bridge'
import { accessRoles, type AccessRole } from '../../app/access-token'
import { t } from '../../app/i18n/translate'
import { copyField } from '../ui/copy-field'
import { fromTemplate, messageOf, part, sentence } from '../ui/dom'

/**
 * Invites to one local document of a running LAN session (`[data-testid=invite]`): choose edit,
 * suggest or view, get a signed invite link for the desktop app (`[data-testid=invite-link]`) and the web
 * URL for browser guests (`[data-testid=invite-web-url]`), each with a Copy button.
 */
export const invitePanel = (hosting: HostingBridge, documentName: string) => {
  const element = fromTemplate(`
    <div class="invite" data-testid="invite">
      <label>People with the link
        <select name="role"><option value="edit">can edit</option><option value="view">can only view</option></select>
      </label>
      <p class="note expiry"></p>
      <p class="problem" role="alert"></p>
    </div>`)
  const link = copyField('Invite link (Ensemble desktop app)', 'invite-link')
  const web = copyField('Web address (any browser)', 'invite-web-url')
  part(element, '.expiry').before(link.element, web.element)
  const role = part<HTMLSelectElement>(element, 'select')
  role.querySelector('option[value=view]')?.before(new Option(t('suggestions.roleSuggest'), 'suggest'))
  const problem = part(element, '.problem')
  let generation = 0

  const refresh = async (): Promise<void> => {
    const mine = ++generation
    const chosen: AccessRole = accessRoles.find((granted) => granted === role.value) ?? 'edit'
    element.dataset.role = chosen
    element.dataset.ready = 'false'
    problem.textContent = ''
    try {
      const invite = await hosting.createInvite({ documentName, role: chosen })
      // A newer choice wins over an answer that arrives late.
      if (mine !== generation) return
      link.setValue(invite.link)
      web.setValue(invite.webUrl)
      part(element, '.expiry').textContent = `These links work until ${new Date(invite.expiresAt).toLocaleString()}, or until you stop hosting.`
      element.dataset.ready = 'true'
    } catch (error) {
      if (mine === generation) problem.textContent = sentence(messageOf(error))
    }
  }
  role.addEventListener('change', () => void refresh())
  void refresh()
  return { element }
}
