import type { HostingBridge } from '../../app/bridge'
import type { AccessRole } from '../../app/access-token'
import { copyField } from '../ui/copy-field'
import { fromTemplate, messageOf, part, sentence } from '../ui/dom'
import { t } from '../../app/i18n/translate'
import { displayLocale } from '../i18n/page-language'

/**
 * Invites to one local document of a running LAN session (`[data-testid=invite]`): choose edit or
 * view, get a signed invite link for the desktop app (`[data-testid=invite-link]`) and the web
 * URL for browser guests (`[data-testid=invite-web-url]`), each with a Copy button.
 */
export const invitePanel = (hosting: HostingBridge, documentName: string) => {
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
  const problem = part(element, '.problem')
  let generation = 0

  const refresh = async (): Promise<void> => {
    const mine = ++generation
    const chosen: AccessRole = role.value === 'view' ? 'view' : 'edit'
    element.dataset.role = chosen
    element.dataset.ready = 'false'
    problem.textContent = ''
    try {
      const invite = await hosting.createInvite({ documentName, role: chosen })
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
  return { element }
}
