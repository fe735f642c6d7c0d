import type { HostingBridge } from '../../app/bridge'
import type { HostRequest } from '../../app/ipc'
import { accessRoles } from '../../app/access-token'
import { t } from '../../app/i18n/translate'
import { fromTemplate, part, runForm } from '../ui/dom'

/**
 * "Host on LAN" (`[data-testid=host-form]`): the session's name, who may join ("anyone on this
 * network", advertised by mDNS, or "only people with the link") and, for the former, whether they
 * may edit, suggest or only view.
 */
export const hostForm = (hosting: HostingBridge, defaultName: string) => {
  const form = fromTemplate<HTMLFormElement>(`
    <form class="dialog-form" data-testid="host-form">
      <label>${t('share.sessionName')} <input name="sessionName" required maxlength="63" autocomplete="off"></label>
      <fieldset>
        <legend>${t('share.whoCanJoin')}</legend>
        <label class="choice"><input type="radio" name="access" value="network" checked> ${t('share.anyoneOnNetwork')}</label>
        <label class="choice"><input type="radio" name="access" value="link"> ${t('share.onlyWithLink')}</label>
      </fieldset>
      <label class="network-role">${t('share.peopleOnNetwork')}
        <select name="networkRole"><option value="edit">${t('share.canEdit')}</option><option value="view">${t('share.canOnlyView')}</option></select>
      </label>
      <button type="submit" data-testid="host">${t('share.host')}</button>
      <p class="problem" role="alert"></p>
    </form>`)
  const name = part<HTMLInputElement>(form, '[name=sessionName]')
  name.value = defaultName
  const role = part(form, '.network-role')
  part(form, '[name=networkRole] option[value=view]').before(new Option(t('suggestions.roleSuggest'), 'suggest'))
  const access = (): 'network' | 'link' => (part<HTMLInputElement>(form, '[name=access]:checked').value === 'link' ? 'link' : 'network')
  form.addEventListener('change', () => (role.hidden = access() === 'link'))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(form, part(form, '.problem'), async () => {
      const request: HostRequest = {
        sessionName: name.value.trim(),
        access: access(),
        networkRole: accessRoles.find((granted) => granted === part<HTMLSelectElement>(form, '[name=networkRole]').value) ?? 'edit'
      }
      const state = await hosting.host(request)
      if (state.state === 'failed') throw new Error(state.reason)
    })
  })
  return { element: form, showProblem: (message: string) => void (part(form, '.problem').textContent = message) }
}
