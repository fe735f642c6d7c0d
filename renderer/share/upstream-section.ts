import type { UpstreamBridge } from '../../app/bridge'
import { parseRelayAddress } from '../../app/invite-link'
import type { UpstreamLink } from '../../app/ipc'
import { fromTemplate, messageOf, part, runForm, sentence } from '../ui/dom'
import { t } from '../../app/i18n/translate'

/**
 * "Also keep on a relay" (`[data-testid=upstream]`) for a document of this computer: a hosted
 * relay (the organisation's) where the embedded relay keeps it too, both ways, whether or not the
 * document is open here; with the link set, where it is kept and "Stop keeping it there".
 */
export const upstreamSection = (upstream: UpstreamBridge, documentName: string): { element: HTMLElement; stop: () => void } => {
  const element = fromTemplate(`
    <section class="dialog-section" data-testid="upstream">
      <h3>${t('upstream.title')}</h3>
      <p class="note">${t('upstream.note')}</p>
      <div class="upstream-body"></div>
    </section>`)
  const body = part(element, '.upstream-body')
  const render = (links: readonly UpstreamLink[]): void => {
    const link = links.find((candidate) => candidate.document === documentName)
    element.dataset.state = link === undefined ? 'off' : 'on'
    body.replaceChildren(link === undefined ? linkForm(upstream, documentName) : linkedSummary(upstream, link))
  }
  const stop = upstream.onChanged(render)
  upstream.get().then(render, (error: unknown) => {
    body.textContent = sentence(t('upstream.unreadable', { reason: messageOf(error) }))
  })
  return { element, stop }
}

const linkForm = (upstream: UpstreamBridge, documentName: string): HTMLElement => {
  const form = fromTemplate<HTMLFormElement>(`
    <form class="dialog-form" data-testid="upstream-form">
      <label>${t('upstream.relay')} <input name="relay" required autocomplete="off" placeholder="wss://relay.example.org"></label>
      <label>${t('upstream.remote')} <input name="remote" required autocomplete="off"></label>
      <label>${t('upstream.token')} <input name="token" autocomplete="off"></label>
      <button type="submit">${t('upstream.link')}</button>
      <p class="problem" role="alert"></p>
    </form>`)
  part<HTMLInputElement>(form, '[name=remote]').value = documentName
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(form, part(form, '.problem'), async () => {
      const token = part<HTMLInputElement>(form, '[name=token]').value.trim()
      await upstream.link({
        document: documentName,
        relayUrl: parseRelayAddress(part<HTMLInputElement>(form, '[name=relay]').value),
        remoteDocument: part<HTMLInputElement>(form, '[name=remote]').value.trim(),
        ...(token === '' ? {} : { token })
      })
    })
  })
  return form
}

const linkedSummary = (upstream: UpstreamBridge, link: UpstreamLink): HTMLElement => {
  const element = fromTemplate(`
    <div>
      <p data-testid="upstream-summary"></p>
      <button type="button" data-testid="upstream-stop">${t('upstream.stop')}</button>
      <p class="problem" role="alert"></p>
    </div>`)
  part(element, '[data-testid=upstream-summary]').textContent = t('upstream.summary', { name: link.remoteDocument, relay: link.relayUrl })
  const stop = part<HTMLButtonElement>(element, '[data-testid=upstream-stop]')
  stop.addEventListener('click', () => {
    stop.disabled = true
    upstream.unlink(link.document).catch((error: unknown) => {
      stop.disabled = false
      part(element, '.problem').textContent = sentence(t('upstream.stopFailed', { reason: messageOf(error) }))
    })
  })
  return element
}
