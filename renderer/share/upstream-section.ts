import type { UpstreamBridge } from '../../app/bridge'
import { parseRelayAddress } from '../../app/invite-link'
import type { UpstreamLink } from '../../app/ipc'
import { fromTemplate, messageOf, part, runForm, sentence } from '../ui/dom'

/**
 * "Also keep on a relay" (`[data-testid=upstream]`) for a document of this computer: a hosted
 * relay (the organisation's) where the embedded relay keeps it too, both ways, whether or not the
 * document is open here; with the link set, where it is kept and "Stop keeping it there".
 */
export const upstreamSection = (upstream: UpstreamBridge, documentName: string): { element: HTMLElement; stop: () => void } => {
  const element = fromTemplate(`
    <section class="dialog-section" data-testid="upstream">
      <h3>Also keep on a relay</h3>
      <p class="note">Your organisation’s relay keeps a copy that stays in step with this computer, both ways, also while you are offline.</p>
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
    body.textContent = sentence(`could not read where documents are kept: ${messageOf(error)}`)
  })
  return { element, stop }
}

const linkForm = (upstream: UpstreamBridge, documentName: string): HTMLElement => {
  const form = fromTemplate<HTMLFormElement>(`
    <form class="dialog-form" data-testid="upstream-form">
      <label>Relay address <input name="relay" required autocomplete="off" placeholder="wss://relay.example.org"></label>
      <label>Document name there <input name="remote" required autocomplete="off"></label>
      <label>Access token (if the relay asks for one) <input name="token" autocomplete="off"></label>
      <button type="submit">Keep it there too</button>
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
      <button type="button" data-testid="upstream-stop">Stop keeping it there</button>
      <p class="problem" role="alert"></p>
    </div>`)
  part(element, '[data-testid=upstream-summary]').textContent = `Also kept as “${link.remoteDocument}” on ${link.relayUrl}.`
  const stop = part<HTMLButtonElement>(element, '[data-testid=upstream-stop]')
  stop.addEventListener('click', () => {
    stop.disabled = true
    upstream.unlink(link.document).catch((error: unknown) => {
      stop.disabled = false
      part(element, '.problem').textContent = sentence(`could not stop keeping it there: ${messageOf(error)}`)
    })
  })
  return element
}
