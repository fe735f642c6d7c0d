import './ui/tokens.css'
import './ui/controls.css'
import './style.css'
import './ui/shell.css'
import { registerOfflineShell } from './platform/offline-shell'
import { platformBridge } from './platform/platform-bridge'
import { profileForDocument } from './screens/name-prompt'
import './diagnostics'
import type { PlatformBridge } from '../app/bridge'
import { showHomeScreen } from './home/home-screen'
import { showEditorScreen } from './screens/editor-screen'
import { installImportEntryPoints, showImportProblem } from './transfer/import-entry-points'
import { applyPageLanguage, storedLanguageChoice } from './i18n/page-language'
import { t } from '../app/i18n/translate'

/** Boots the renderer: the home screen, or the first-visit name prompt and then the document. */
const boot = async (root: HTMLElement): Promise<void> => {
  const bridge = platformBridge()
  // The platform's menus speak the page's language, also when it was chosen before the platform could hear it.
  bridge.saveLanguageChoice(storedLanguageChoice(window)).catch((error: unknown) => console.warn('Ensemble: the platform was not told the language', error))
  installImportEntryPoints(window, bridge, showImportProblem)
  let target
  try {
    target = await bridge.currentDocument()
  } catch (error) {
    showHomeScreen(root, bridge, await profileIfAny(bridge), error instanceof Error ? error.message : String(error))
    return
  }
  if (target === null) {
    showHomeScreen(root, bridge, await profileIfAny(bridge))
    return
  }
  const profile = await profileForDocument(root, bridge, target)
  window.ensembleEditor = await showEditorScreen(root, bridge, target, profile)
  bridge.library
    .recordOpened(target)
    .catch((error: unknown) => console.warn(`Ensemble: "${target.documentName}" was not added to the recent documents`, error))
}

/** The saved profile for the home screen, which works without one (a bad `?user=` is ignored there). */
const profileIfAny = (bridge: PlatformBridge) =>
  bridge.loadProfile().catch((error: unknown) => {
    console.warn('Ensemble: no usable profile for the home screen', error)
    return null
  })

applyPageLanguage(window)
registerOfflineShell()
const root = document.getElementById('app')
if (root === null) throw new Error('index.html lacks the #app element the renderer mounts into')
boot(root).catch((error: unknown) => {
  console.error('Ensemble failed to start', error)
  const message = document.createElement('p')
  message.className = 'fatal'
  message.dataset.testid = 'fatal-error'
  message.textContent = t('app.couldNotStart', { reason: error instanceof Error ? error.message : String(error) })
  root.replaceChildren(message)
})
