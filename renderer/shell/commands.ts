import type { DocumentTarget, PlatformBridge, PlatformCommand } from '../../app/bridge'
import type { UserProfile } from '../../app/profile'
import { joinAddressForm, joinLinkForm } from '../home/join-forms'
import { newDocumentName } from '../home/new-document'
import { connectRelayForm } from '../home/relays-section'
import { openSettingsDialog } from '../settings/settings-dialog'
import { openShareDialog } from '../share/share-dialog'
import { openDialog, type Dialog } from '../ui/dialog'
import { t } from '../../app/i18n/translate'

/** What the screen on show offers to commands: the home screen has the join forms in place. */
export interface Screen {
  /** The document shown, or `null` on the home screen. */
  readonly document: DocumentTarget | null
  profile(): UserProfile | null
  focusJoinLink?(): void
  focusConnectRelay?(): void
}

let openedDialog: Dialog | null = null

/** Opens one of the app's dialogs, closing the one already open: they never stack. */
const show = (open: () => Dialog): Dialog => {
  openedDialog?.close()
  const dialog = open()
  openedDialog = dialog
  dialog.element.addEventListener('close', () => {
    if (openedDialog === dialog) openedDialog = null
  })
  return dialog
}

/** The default name of a session this user hosts: "Ana Lima’s session" (a DNS-SD name, at most 63 characters). */
export const sessionNameFor = (profile: UserProfile | null): string =>
  profile === null ? t('app.defaultSessionName') : t('app.sessionName', { name: profile.name }).slice(0, 63)

export const showShareDialog = (bridge: PlatformBridge, screen: Screen): Dialog =>
  show(() => openShareDialog(bridge, screen.document, sessionNameFor(screen.profile())))

export const showSettingsDialog = (bridge: PlatformBridge, screen: Screen): Dialog => show(() => openSettingsDialog(bridge, screen.profile()))

/** Carries out a command from the platform (native menu, `ensemble://` link) on the screen on show. */
export const runCommand = (bridge: PlatformBridge, screen: Screen, command: PlatformCommand): void => {
  const failed = (error: unknown): void => console.error(`Ensemble: the ${command.kind === 'menu' ? command.command : 'join'} command failed`, error)
  if (command.kind === 'join') {
    bridge.open(command.address).catch(failed)
    return
  }
  switch (command.command) {
    case 'new-document':
      bridge.open({ documentName: newDocumentName() }).catch(failed)
      return
    case 'open-home':
      bridge.openHome().catch(failed)
      return
    case 'join-by-link':
      if (screen.focusJoinLink !== undefined) screen.focusJoinLink()
      else show(() => formDialog(t('app.join'), 'join-dialog', [joinLinkForm(bridge), joinAddressForm(bridge)]))
      return
    case 'connect-to-relay':
      if (screen.focusConnectRelay !== undefined) screen.focusConnectRelay()
      else show(() => formDialog(t('app.connectToRelay'), 'connect-dialog', [connectRelayForm(bridge)]))
      return
    case 'host-session':
      show(() => openShareDialog(bridge, null, sessionNameFor(screen.profile())))
      return
    case 'share-document':
      showShareDialog(bridge, screen)
      return
    case 'open-settings':
      showSettingsDialog(bridge, screen)
      return
    case 'export-markdown':
    case 'export-html':
    case 'export-text':
    case 'export-pdf':
      // The open document's Export menu takes these (renderer/transfer/export-menu.ts).
      return
  }
}

/** Listens for platform commands while `screen` is on show; returns the unsubscribe function. */
export const handlePlatformCommands = (bridge: PlatformBridge, screen: Screen): (() => void) =>
  bridge.onCommand((command) => runCommand(bridge, screen, command))

const formDialog = (title: string, testid: string, forms: ReadonlyArray<{ element: HTMLElement; focus(): void }>): Dialog => {
  const dialog = openDialog({ title, testid })
  dialog.body.append(...forms.map((form) => form.element))
  forms[0]?.focus()
  return dialog
}
