/** Small DOM helpers shared by the home screen and the dialogs. */

/**
 * Builds an element from a static HTML template: markup and catalogue messages (`t()`), no user
 * data (fill that in with `textContent`).
 */
export const fromTemplate = <E extends HTMLElement = HTMLElement>(html: string): E => {
  const template = document.createElement('template')
  template.innerHTML = html.trim()
  const element = template.content.firstElementChild
  if (!(element instanceof HTMLElement)) throw new TypeError('the template has no root element')
  return element as E
}

/** The element matching `selector` inside `root`; throws naming the selector when the template lacks it. */
export const part = <E extends Element = HTMLElement>(root: ParentNode, selector: string): E => {
  const found = root.querySelector<E>(selector)
  if (found === null) throw new TypeError(`the template has no ${selector}`)
  return found
}

/** The message of an error as the user should read it. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * `text` with its first letter upper-cased, ending with a full stop: for messages shown as
 * sentences. Chinese text gets the full-width stop (。).
 */
export const sentence = (text: string): string => {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const capital = trimmed[0]!.toLocaleUpperCase() + trimmed.slice(1)
  if (/[.!?…。！？]$/.test(capital)) return capital
  return /[\u3400-\u9fff\uff00-\uffef）」』]$/.test(capital) ? `${capital}。` : `${capital}.`
}

/**
 * Runs `action` for a form: disables its submit buttons meanwhile, and shows what went wrong in
 * `problem` (a `role=alert` line) instead of losing it.
 */
export const runForm = async (form: HTMLFormElement, problem: HTMLElement, action: () => Promise<void>): Promise<void> => {
  const buttons = Array.from(form.querySelectorAll<HTMLButtonElement>('button'))
  buttons.forEach((button) => (button.disabled = true))
  problem.textContent = ''
  try {
    await action()
  } catch (error) {
    problem.textContent = sentence(messageOf(error))
  } finally {
    buttons.forEach((button) => (button.disabled = false))
  }
}
