import { fromTemplate, part } from './dom'
import { t } from '../../app/i18n/translate'

/**
 * A read-only text field with a Copy button (`[data-testid=<testid>]`, the text in its `input`).
 * Copies through the Clipboard API; where the page may not use it, the text is selected and the
 * button says to press the copy shortcut instead.
 */
export const copyField = (label: string, testid: string): { element: HTMLElement; setValue(value: string): void } => {
  const element = fromTemplate(`
    <div class="copy-field">
      <label><span class="copy-label"></span><input readonly spellcheck="false"></label>
      <button type="button">${t('copy.copy')}</button>
      <span class="copy-result" role="status"></span>
    </div>`)
  element.dataset.testid = testid
  part(element, '.copy-label').textContent = label
  const input = part<HTMLInputElement>(element, 'input')
  const result = part(element, '.copy-result')
  part(element, 'button').addEventListener('click', () => {
    navigator.clipboard.writeText(input.value).then(
      () => (result.textContent = t('copy.copied')),
      () => {
        input.focus()
        input.select()
        result.textContent = t('copy.selected')
      }
    )
  })
  input.addEventListener('focus', () => input.select())
  return {
    element,
    setValue: (value) => {
      input.value = value
      result.textContent = ''
    }
  }
}
