import type { EditorView } from 'prosemirror-view'
import type { PlatformBridge } from '../../app/bridge'
import type { ShowNotice } from '../editor/notices'
import { exportChoiceOf, exportView, type ExportChoice } from './export-document'
import { t } from '../../app/i18n/translate'

const choices: readonly ExportChoice[] = ['md', 'html', 'txt', 'pdf']

/**
 * The editor header's Export menu (`[data-testid=export-menu]`, one `button[data-format]` per
 * format), and the platform's export commands (the desktop's File → Export As) while the document
 * is open. Returns what to call when the document closes.
 */
export const mountExportMenu = (
  slot: HTMLElement,
  view: EditorView,
  documentName: string,
  bridge: PlatformBridge,
  showNotice: ShowNotice
): (() => void) => {
  const run = (choice: ExportChoice): void => {
    exportView(view, documentName, choice, bridge, showNotice).catch((error: unknown) =>
      showNotice(t('export.failed', { reason: error instanceof Error ? error.message : String(error) }))
    )
  }
  const menu = document.createElement('details')
  menu.className = 'export-menu'
  menu.dataset.testid = 'export-menu'
  const summary = document.createElement('summary')
  summary.textContent = t('export.menu')
  const list = document.createElement('div')
  list.className = 'export-choices'
  list.setAttribute('role', 'menu')
  for (const choice of choices) {
    const button = document.createElement('button')
    button.type = 'button'
    button.dataset.format = choice
    button.setAttribute('role', 'menuitem')
    button.textContent = t(`export.${choice}`)
    button.addEventListener('click', () => {
      menu.open = false
      run(choice)
    })
    list.append(button)
  }
  menu.append(summary, list)
  slot.replaceChildren(menu)
  const stopCommands = bridge.transfer.onCommand((command) => run(exportChoiceOf[command]))
  return () => {
    stopCommands()
    slot.replaceChildren()
  }
}
