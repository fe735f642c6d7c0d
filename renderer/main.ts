import './style.css'
import { registerOfflineShell } from './platform/offline-shell'
import { platformBridge } from './platform/platform-bridge'
import { promptForName } from './screens/name-prompt'
import './diagnostics'
import { showEditorScreen } from './screens/editor-screen'
import { showStartPage } from './screens/start-page'

/** Boots the renderer: the start page, or the first-visit name prompt and then the document. */
const boot = async (root: HTMLElement): Promise<void> => {
  const bridge = platformBridge()
  let target
  try {
    target = await bridge.currentDocument()
  } catch (error) {
    showStartPage(root, bridge, error instanceof Error ? error.message : String(error))
    return
  }
  if (target === null) {
    showStartPage(root, bridge)
    return
  }
  const profile = (await bridge.loadProfile()) ?? (await promptForName(root, bridge))
  window.ensembleEditor = await showEditorScreen(root, bridge, target, profile)
}

registerOfflineShell()
const root = document.getElementById('app')
if (root === null) throw new Error('index.html lacks the #app element the renderer mounts into')
boot(root).catch((error: unknown) => {
  console.error('Ensemble failed to start', error)
  const message = document.createElement('p')
  message.className = 'fatal'
  message.dataset.testid = 'fatal-error'
  message.textContent = `Ensemble could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`
  root.replaceChildren(message)
})
