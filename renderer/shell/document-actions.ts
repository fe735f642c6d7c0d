import type { DocumentTarget, PlatformBridge } from '../../app/bridge'
import type { UserProfile } from '../../app/profile'
import { House, Settings, Share2 } from 'lucide'
import { t } from '../../app/i18n/translate'
import { iconButton } from '../ui/icon-button'
import { handlePlatformCommands, showSettingsDialog, showShareDialog, type Screen } from './commands'

/**
 * The editor header's way out and around: Home (`[data-testid=go-home]`, in `homeSlot`), Share
 * (`[data-testid=share]`) and Settings (`[data-testid=open-settings]`), icon buttons with
 * tooltips, and the platform's commands (menus, join links) while the document is on show.
 * Returns what undoes it.
 */
export const mountDocumentActions = (
  homeSlot: HTMLElement,
  slot: HTMLElement,
  bridge: PlatformBridge,
  target: DocumentTarget,
  profile: () => UserProfile
): (() => void) => {
  const home = iconButton({ icon: House, label: t('header.home'), testid: 'go-home' })
  const share = iconButton({ icon: Share2, label: t('header.share'), showLabel: true, testid: 'share', className: 'share-button' })
  const settings = iconButton({ icon: Settings, label: t('header.settings'), testid: 'open-settings' })
  const actions = document.createElement('span')
  actions.className = 'document-actions'
  actions.append(share, settings)
  const screen: Screen = { document: target, profile }
  home.addEventListener('click', () => {
    bridge.openHome().catch((error: unknown) => console.error('Ensemble: could not open the home screen', error))
  })
  share.addEventListener('click', () => void showShareDialog(bridge, screen))
  settings.addEventListener('click', () => void showSettingsDialog(bridge, screen))
  homeSlot.replaceChildren(home)
  slot.replaceChildren(actions)
  const stopCommands = handlePlatformCommands(bridge, screen)
  return () => {
    stopCommands()
    actions.remove()
    home.remove()
  }
}
