import type { DocumentTarget, PlatformBridge } from '../../app/bridge'
import type { UserProfile } from '../../app/profile'
import { fromTemplate, part } from '../ui/dom'
import { handlePlatformCommands, showSettingsDialog, showShareDialog, type Screen } from './commands'
import { t } from '../../app/i18n/translate'

/**
 * The editor header's way out and around: Home (`[data-testid=go-home]`), Share
 * (`[data-testid=share]`) and Settings (`[data-testid=open-settings]`), and the platform's
 * commands (menus, join links) while the document is on show. Returns what undoes it.
 */
export const mountDocumentActions = (
  slot: HTMLElement,
  bridge: PlatformBridge,
  target: DocumentTarget,
  profile: () => UserProfile
): (() => void) => {
  const actions = fromTemplate(`
    <span class="document-actions">
      <button type="button" data-testid="go-home">${t('app.home')}</button>
      <button type="button" data-testid="share">${t('app.share')}</button>
      <button type="button" data-testid="open-settings">${t('app.settings')}</button>
    </span>`)
  const screen: Screen = { document: target, profile }
  part(actions, '[data-testid=go-home]').addEventListener('click', () => {
    bridge.openHome().catch((error: unknown) => console.error('Ensemble: could not open the home screen', error))
  })
  part(actions, '[data-testid=share]').addEventListener('click', () => void showShareDialog(bridge, screen))
  part(actions, '[data-testid=open-settings]').addEventListener('click', () => void showSettingsDialog(bridge, screen))
  slot.replaceChildren(actions)
  const stopCommands = handlePlatformCommands(bridge, screen)
  return () => {
    stopCommands()
    actions.remove()
  }
}
