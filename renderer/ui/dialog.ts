import { fromTemplate, part } from './dom'
import { t } from '../../app/i18n/translate'

/** An open modal dialog. */
export interface Dialog {
  readonly element: HTMLDialogElement
  /** Where the dialog's content goes. */
  readonly body: HTMLElement
  close(): void
}

/**
 * Opens a modal `<dialog>` (`[data-testid=<testid>]`) titled `title`, with a Close button; Escape
 * closes it too. `onClose` runs once, however it closes, and the dialog leaves the page.
 */
export const openDialog = (options: { title: string; testid: string; onClose?: () => void }): Dialog => {
  const element = fromTemplate<HTMLDialogElement>(`
    <dialog class="dialog">
      <header class="dialog-header"><h2></h2><button type="button" class="dialog-close" aria-label="${t('dialog.close')}">${t('dialog.close')}</button></header>
      <div class="dialog-body"></div>
    </dialog>`)
  element.dataset.testid = options.testid
  part(element, 'h2').textContent = options.title
  element.setAttribute('aria-label', options.title)
  const close = (): void => {
    if (element.open) element.close()
  }
  element.addEventListener('close', () => {
    element.remove()
    options.onClose?.()
  })
  part(element, '.dialog-close').addEventListener('click', close)
  document.body.append(element)
  element.showModal()
  return { element, body: part(element, '.dialog-body'), close }
}
