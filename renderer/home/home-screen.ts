import { FilePlus, Settings } from 'lucide'
import type { PlatformBridge } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'
import { t } from '../../app/i18n/translate'
import type { HostingState } from '../../app/ipc'
import type { UserProfile } from '../../app/profile'
import { handlePlatformCommands, showSettingsDialog, showShareDialog, type Screen } from '../shell/commands'
import { mountSidebar } from '../sidebar/sidebar-toggle'
import '../sidebar/sidebar.css'
import { fromTemplate, messageOf, part, runForm, sentence } from '../ui/dom'
import { icon } from '../ui/icons'
import { iconButton } from '../ui/icon-button'
import { joinLinkForm } from './join-forms'
import { lanSessionsView } from './lan-sessions'
import { createImportButton } from '../transfer/import-entry-points'
import { newDocumentName } from './new-document'
import { recentDocumentsView } from './recent-documents'
import { relaysView } from './relays-section'
import { fetchRelayDocuments } from '../sidebar/relay-documents'

/**
 * The home screen (`[data-testid=home]`), shown when the window has no document. It leads with a
 * big "New document" (`[data-testid=new-document]`) beside importing a file and opening one by
 * name, then the recent documents as cards; joining others (by link, LAN sessions and the
 * typed-address fallback, hosted relays) comes below, in quieter cards. The documents sidebar
 * lists the platform's own relay. `problem` is a reason the requested document could not open.
 * Returns what closes it.
 */
export const showHomeScreen = (root: HTMLElement, bridge: PlatformBridge, profile: UserProfile | null, problem: string | null = null): (() => void) => {
  document.title = 'Ensemble'
  let currentProfile = profile
  const layout = fromTemplate(`
    <div class="home-layout">
      <div class="documents-sidebar-slot"></div>
      <main class="home" data-testid="home">
        <header class="home-header">
          <span class="sidebar-toggle-slot"></span>
          <span class="brand">Ensemble</span>
          <span class="hosting-status" data-testid="hosting-status"></span>
          <button type="button" class="quiet" data-testid="host-on-lan"></button>
        </header>
        <p class="problem home-problem" role="alert" data-testid="home-problem"></p>
        <section class="home-hero">
          <h1 class="hero-title"></h1>
          <p class="hero-lead"></p>
          <div class="hero-actions">
            <button type="button" class="new-document-card" data-testid="new-document">
              <span class="new-document-icon"></span>
              <span class="new-document-text"><span class="new-document-label"></span><span class="new-document-note"></span></span>
            </button>
            <div class="hero-side">
              <span class="import-slot"></span>
              <form class="open-by-name" data-testid="open-by-name">
                <label><span class="label-text"></span> <input name="doc" required maxlength="200" autocomplete="off"></label>
                <button type="submit"></button>
                <p class="problem" role="alert"></p>
              </form>
            </div>
          </div>
        </section>
        <div class="recent-slot"></div>
        <section class="home-block together">
          <h2 class="block-title together-title"></h2>
          <div class="together-grid">
            <section class="home-card join" data-testid="join"><h3 class="card-title join-title"></h3></section>
          </div>
        </section>
      </main>
    </div>`)
  const page = part(layout, '[data-testid=home]')
  part(page, '[data-testid=home-problem]').textContent = problem === null ? '' : sentence(problem)
  part(page, '.hero-title').textContent = profile === null ? t('home.welcome') : t('home.welcomeBack', { name: profile.name })
  part(page, '.hero-lead').textContent = t('home.lead')
  part(page, '.new-document-icon').append(icon(FilePlus, 28))
  part(page, '.new-document-label').textContent = t('home.newDocument')
  part(page, '.new-document-note').textContent = t('home.newDocumentNote')
  part(page, '[data-testid=host-on-lan]').textContent = t('home.hostOnLan')
  part(page, '.together-title').textContent = t('home.together')
  part(page, '.join-title').textContent = t('home.join')
  const settings = iconButton({ icon: Settings, label: t('home.settings'), testid: 'open-settings' })
  part(page, '.home-header').append(settings)

  const canHost = bridge.hosting.unavailableReason === null
  const recent = recentDocumentsView(bridge, t(canHost ? 'home.onThisComputer' : 'home.onThisServer'))
  const joinLink = joinLinkForm(bridge)
  const lan = lanSessionsView(bridge)
  const relays = relaysView(bridge)
  part(page, '.recent-slot').replaceWith(recent.element)
  part(page, '.join').append(joinLink.element)
  part(page, '.together-grid').append(lan.element, relays.element)

  const openForm = part<HTMLFormElement>(page, '[data-testid=open-by-name]')
  const nameInput = part<HTMLInputElement>(openForm, 'input')
  part(openForm, '.label-text').textContent = t('home.openByName')
  nameInput.placeholder = t('home.documentNamePlaceholder')
  nameInput.setAttribute('aria-label', t('home.documentName'))
  part(openForm, 'button').textContent = t('home.open')
  openForm.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(openForm, part(openForm, '.problem'), async () => {
      const name = nameInput.value.trim()
      const invalid = documentNameProblem(name)
      if (invalid !== null) throw new RangeError(t('home.cannotOpen', { problem: invalid }))
      await bridge.open({ documentName: name })
    })
  })
  const newDocument = (): void => void bridge.open({ documentName: newDocumentName() }).catch(recent.fail)
  const newButton = part(page, '[data-testid=new-document]')
  newButton.addEventListener('click', newDocument)
  part(page, '.import-slot').replaceWith(createImportButton(bridge, (message) => (part(page, '[data-testid=home-problem]').textContent = message)))

  const screen: Screen = {
    document: null,
    profile: () => currentProfile,
    focusJoinLink: joinLink.focus,
    focusConnectRelay: relays.focusConnect
  }
  part(page, '[data-testid=host-on-lan]').addEventListener('click', () => void showShareDialog(bridge, screen))
  settings.addEventListener('click', () => void showSettingsDialog(bridge, screen))

  const status = part(page, '[data-testid=hosting-status]')
  const showHosting = (state: HostingState): void => {
    status.dataset.state = state.state
    status.textContent = state.state === 'hosting' ? t('home.hosting', { name: state.sessionName }) : state.state === 'starting' ? t('home.hostingStarting') : ''
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
    (error: unknown) => recent.fail(t('home.recentUnreadable', { reason: messageOf(error) }))
  )
  if (canHost) bridge.hosting.getState().then(showHosting, (error: unknown) => console.error('Ensemble: could not read the hosting state', error))
  root.replaceChildren(layout)
  let closed = false
  mountOwnRelaySidebar(bridge, layout, recent.showTitles, newDocument).then(
    (stop) => (closed ? stop() : stops.push(stop)),
    (error: unknown) => console.warn('Ensemble: the documents of this relay cannot be listed on the home screen', error)
  )

  const close = (): void => {
    if (closed) return
    closed = true
    stops.forEach((stop) => stop())
  }
  // Leaving the page (opening a document navigates) must stop the LAN browsing it started.
  window.addEventListener('pagehide', close, { once: true })
  return close
}

/** The documents sidebar of the platform's own relay, whose titles the recent cards show too. */
const mountOwnRelaySidebar = async (
  bridge: PlatformBridge,
  layout: HTMLElement,
  showTitles: (titles: ReadonlyMap<string, string>) => void,
  newDocument: () => void
): Promise<() => void> => {
  const relay = { relayUrl: await bridge.ownRelayUrl() }
  const sidebar = mountSidebar(layout, part(layout, '.documents-sidebar-slot'), part(layout, '.sidebar-toggle-slot'), {
    relay,
    current: null,
    open: (documentName) => void bridge.open({ documentName }).catch((error: unknown) => console.error(`Ensemble: "${documentName}" could not be opened`, error)),
    newDocument,
    fetchDocuments: async (asked) => {
      const listing = await fetchRelayDocuments(asked)
      showTitles(new Map(listing.documents.flatMap((entry) => (entry.title === undefined ? [] : [[entry.name, entry.title] as const]))))
      return listing
    }
  })
  return sidebar.destroy
}
