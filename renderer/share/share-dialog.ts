import type { DocumentTarget, PlatformBridge } from '../../app/bridge'
import { formatInviteLink, formatWebUrl } from '../../app/invite-link'
import type { HostingState } from '../../app/ipc'
import { t } from '../../app/i18n/translate'
import { copyField } from '../ui/copy-field'
import { openDialog, type Dialog } from '../ui/dialog'
import { fromTemplate, messageOf, part, sentence } from '../ui/dom'
import { hostForm } from './host-form'
import { invitePanel } from './invite-panel'
import { upstreamSection } from './upstream-section'

/**
 * The share dialog (`[data-testid=share-dialog]`). With a document open: its link. Hosting on the
 * LAN (`[data-testid=hosting]`): the host form, or the running session with invites to a local
 * document and "Stop hosting"; where the platform cannot host, `[data-testid=hosting-unavailable]`
 * says so instead of offering a button that cannot work.
 */
export const openShareDialog = (bridge: PlatformBridge, target: DocumentTarget | null, sessionName: string): Dialog => {
  let stopWatching: () => void = () => undefined
  let stopUpstream: () => void = () => undefined
  const dialog = openDialog({
    title: target === null ? t('share.hostTitle') : t('share.title', { name: target.documentName }),
    testid: 'share-dialog',
    onClose: () => {
      stopWatching()
      stopUpstream()
    }
  })
  const { hosting } = bridge
  const hostingSection = fromTemplate(`
    <section class="dialog-section" data-testid="hosting">
      <h3>${t('share.hostSection')}</h3>
      <div class="hosting-body"></div>
    </section>`)
  const body = part(hostingSection, '.hosting-body')

  // A document the LAN session cannot serve (on another relay, or in a browser) is shared by its own link.
  const sharedByLan = target !== null && target.local === true && hosting.unavailableReason === null
  if (target !== null && !sharedByLan) dialog.body.append(documentLinks(target))
  dialog.body.append(hostingSection)
  // A document of this computer can also be kept on a hosted relay (the desktop app's relay syncs it there).
  if (target !== null && target.local === true && bridge.upstream !== null) {
    const upstream = upstreamSection(bridge.upstream, target.documentName)
    stopUpstream = upstream.stop
    dialog.body.append(upstream.element)
  }

  if (hosting.unavailableReason !== null) {
    const note = fromTemplate('<p class="note" data-testid="hosting-unavailable"></p>')
    note.textContent = hosting.unavailableReason
    body.replaceChildren(note)
    return dialog
  }

  let shown = ''
  const render = (state: HostingState): void => {
    // Re-render only when the state changed, so that a chosen role or typed name is not reset.
    const signature = JSON.stringify(state)
    if (signature === shown) return
    shown = signature
    hostingSection.dataset.state = state.state
    switch (state.state) {
      case 'off':
      case 'failed': {
        const form = hostForm(hosting, sessionName)
        if (state.state === 'failed') form.showProblem(sentence(state.reason))
        body.replaceChildren(form.element)
        return
      }
      case 'starting':
        body.replaceChildren(fromTemplate(`<p class="note">${t('share.starting')}</p>`))
        return
      case 'hosting':
        body.replaceChildren(runningSession(bridge, state, target, sharedByLan))
        return
    }
  }
  stopWatching = hosting.onChanged(render)
  hosting.getState().then(render, (error: unknown) => {
    body.replaceChildren(fromTemplate('<p class="problem" role="alert"></p>'))
    part(body, '.problem').textContent = sentence(t('share.stateUnreadable', { reason: messageOf(error) }))
  })
  return dialog
}

/** The running session: who can join, where, invites to the open document, and Stop hosting. */
const runningSession = (
  bridge: PlatformBridge,
  state: Extract<HostingState, { state: 'hosting' }>,
  target: DocumentTarget | null,
  sharedByLan: boolean
): HTMLElement => {
  const element = fromTemplate(`
    <div class="running-session">
      <p class="session-summary" data-testid="hosting-summary"></p>
      <p class="note session-addresses"></p>
      <div class="session-invite"></div>
      <button type="button" data-testid="stop-hosting">${t('share.stopHosting')}</button>
      <p class="problem" role="alert"></p>
    </div>`)
  const may = { edit: 'share.networkCanEdit', suggest: 'share.networkCanSuggest', view: 'share.networkCanView' } as const
  const who = state.access === 'network' ? t(may[state.networkRole]) : t('share.linkOnly')
  part(element, '.session-summary').textContent = t('share.hosting', { name: state.sessionName, who })
  part(element, '.session-addresses').textContent =
    state.relays.length === 0 ? t('share.noAddress') : t('share.reachableAt', { addresses: state.relays.join(', ') })
  const invite = part(element, '.session-invite')
  if (target === null) invite.textContent = t('share.openToInvite')
  else if (sharedByLan) invite.append(invitePanel(bridge.hosting, target.documentName, bridge.upstream).element)
  else invite.textContent = t('share.elsewhere', { name: target.documentName, relay: target.relayUrl })
  const stop = part<HTMLButtonElement>(element, '[data-testid=stop-hosting]')
  stop.addEventListener('click', () => {
    stop.disabled = true
    bridge.hosting.stop().catch((error: unknown) => {
      stop.disabled = false
      part(element, '.problem').textContent = sentence(t('share.stopFailed', { reason: messageOf(error) }))
    })
  })
  return element
}

/** The link of a document that is not shared through this computer's session: what this window opened. */
const documentLinks = (target: DocumentTarget): HTMLElement => {
  const element = fromTemplate(`
    <section class="dialog-section" data-testid="document-link">
      <h3>${t('share.documentLink')}</h3>
      <p class="note token-warning" hidden>${t('share.tokenWarning')}</p>
    </section>`)
  const invite = { relay: target.relayUrl, doc: target.documentName, ...(target.token === undefined ? {} : { token: target.token }) }
  const web = copyField(t('share.webAddress'), 'document-web-url')
  const app = copyField(t('share.inviteLink'), 'document-invite-link')
  try {
    web.setValue(formatWebUrl(invite))
    app.setValue(formatInviteLink(invite))
  } catch (error) {
    // A token that is not a JWT (a hosted relay's own kind) cannot travel in our links.
    web.setValue(formatWebUrl({ relay: invite.relay, doc: invite.doc }))
    app.setValue(formatInviteLink({ relay: invite.relay, doc: invite.doc }))
    part(element, '.token-warning').textContent = t('share.tokenLeftOut', { reason: messageOf(error) })
  }
  part(element, '.token-warning').hidden = target.token === undefined
  element.append(web.element, app.element)
  return element
}
