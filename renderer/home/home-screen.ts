import type { PlatformBridge } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'
import type { HostingState } from '../../app/ipc'
import type { UserProfile } from '../../app/profile'
import { handlePlatformCommands, showSettingsDialog, showShareDialog, type Screen } from '../shell/commands'
import { fromTemplate, messageOf, part, runForm, sentence } from '../ui/dom'
import { joinLinkForm } from './join-forms'
import { lanSessionsView } from './lan-sessions'
import { createImportButton } from '../transfer/import-entry-points'
import { newDocumentName } from './new-document'
import { recentDocumentsView } from './recent-documents'
import { relaysView } from './relays-section'

/**
 * The home screen (`[data-testid=home]`), shown when the window has no document: a new document
 * (`[data-testid=new-document]`) or one by name, the recent documents, joining by link, the LAN
 * sessions found while it is open (and the typed-address fallback), hosted relays, hosting and
 * settings. `problem` is a reason the requested document could not open. Returns what closes it.
 */
export const showHomeScreen = (root: HTMLElement, bridge: PlatformBridge, profile: UserProfile | null, problem: string | null = null): (() => void) => {
  document.title = 'Ensemble'
  let currentProfile = profile
  const page = fromTemplate(`
    <main class="home" data-testid="home">
      <header class="home-header">
        <h1>Ensemble</h1>
        <span class="hosting-status" data-testid="hosting-status"></span>
        <button type="button" data-testid="host-on-lan">Host on LAN…</button>
        <button type="button" data-testid="open-settings">Settings</button>
      </header>
      <p class="problem home-problem" role="alert" data-testid="home-problem"></p>
      <div class="home-columns">
        <div class="home-column documents-column">
          <section class="home-section start">
            <h2>Write</h2>
            <button type="button" class="primary" data-testid="new-document">New document</button>
            <form class="home-form" data-testid="open-by-name">
              <label>Document name <input name="doc" required maxlength="200" placeholder="team/meeting-notes" autocomplete="off"></label>
              <button type="submit">Open</button>
              <p class="problem" role="alert"></p>
            </form>
          </section>
        </div>
        <div class="home-column join-column">
          <section class="home-section join" data-testid="join">
            <h2>Join</h2>
          </section>
        </div>
      </div>
    </main>`)
  part(page, '[data-testid=home-problem]').textContent = problem === null ? '' : sentence(problem)
  const canHost = bridge.hosting.unavailableReason === null
  const recent = recentDocumentsView(bridge, canHost ? 'on this computer' : 'on this server')
  const joinLink = joinLinkForm(bridge)
  const lan = lanSessionsView(bridge)
  const relays = relaysView(bridge)
  part(page, '.documents-column').append(recent.element)
  part(page, '.join').append(joinLink.element)
  part(page, '.join-column').append(lan.element, relays.element)

  const openForm = part<HTMLFormElement>(page, '[data-testid=open-by-name]')
  openForm.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(openForm, part(openForm, '.problem'), async () => {
      const name = part<HTMLInputElement>(openForm, 'input').value.trim()
      const invalid = documentNameProblem(name)
      if (invalid !== null) throw new RangeError(`cannot open it: ${invalid}`)
      await bridge.open({ documentName: name })
    })
  })
  part(page, '[data-testid=new-document]').addEventListener('click', () => {
    bridge.open({ documentName: newDocumentName() }).catch(recent.fail)
  })
  part(page, '[data-testid=new-document]').after(createImportButton(bridge, (message) => (part(page, '[data-testid=home-problem]').textContent = message)))

  const screen: Screen = {
    document: null,
    profile: () => currentProfile,
    focusJoinLink: joinLink.focus,
    focusConnectRelay: relays.focusConnect
  }
  part(page, '[data-testid=host-on-lan]').addEventListener('click', () => void showShareDialog(bridge, screen))
  part(page, '[data-testid=open-settings]').addEventListener('click', () => void showSettingsDialog(bridge, screen))

  const status = part(page, '[data-testid=hosting-status]')
  const showHosting = (state: HostingState): void => {
    status.dataset.state = state.state
    status.textContent = state.state === 'hosting' ? `Hosting “${state.sessionName}”` : state.state === 'starting' ? 'Starting a session…' : ''
  }
  const stops = [
    bridge.library.onChanged((library) => {
      recent.render(library)
      relays.render(library)
    }),
    bridge.hosting.onChanged(showHosting),
    bridge.onProfileChanged((next) => (currentProfile = next)),
    handlePlatformCommands(bridge, screen),
    bridge.homeOpened(),
    lan.dispose
  ]
  bridge.library.get().then(
    (library) => {
      recent.render(library)
      relays.render(library)
    },
    (error: unknown) => recent.fail(`the recent documents could not be read: ${messageOf(error)}`)
  )
  if (canHost) bridge.hosting.getState().then(showHosting, (error: unknown) => console.error('Ensemble: could not read the hosting state', error))

  root.replaceChildren(page)
  part<HTMLInputElement>(openForm, 'input').focus()
  let closed = false
  const close = (): void => {
    if (closed) return
    closed = true
    stops.forEach((stop) => stop())
  }
  // Leaving the page (opening a document navigates) must stop the LAN browsing it started.
  window.addEventListener('pagehide', close, { once: true })
  return close
}
