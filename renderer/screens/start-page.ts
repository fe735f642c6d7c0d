import type { PlatformBridge } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'

/** The page without `?doc=`: create a new document or open one by name (`[data-testid=start-page]`). */
export const showStartPage = (root: HTMLElement, bridge: PlatformBridge, problem: string | null = null): void => {
  document.title = 'Ensemble'
  const page = document.createElement('main')
  page.className = 'start-page'
  page.dataset.testid = 'start-page'
  page.innerHTML = `
    <h1>Ensemble</h1>
    <p>Write documents together. Everyone with the link edits the same document, live.</p>
    <form data-action="open">
      <label>Document name <input name="doc" required maxlength="200" placeholder="team/meeting-notes" autocomplete="off"></label>
      <button type="submit">Open</button>
      <button type="button" data-action="new">New document</button>
      <p class="problem" role="alert"></p>
    </form>`
  const form = page.querySelector('form')!
  const input = form.querySelector('input')!
  const problemLine = form.querySelector<HTMLElement>('.problem')!
  problemLine.textContent = problem ?? ''
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const name = input.value.trim()
    const invalid = documentNameProblem(name)
    if (invalid !== null) {
      problemLine.textContent = `Cannot open it: ${invalid}.`
      return
    }
    void bridge.openDocument(name)
  })
  form.querySelector('[data-action=new]')!.addEventListener('click', () => {
    void bridge.openDocument(newDocumentName())
  })
  root.replaceChildren(page)
  input.focus()
}

/** A fresh, unguessable-enough name for a new document: `doc-` and 10 random letters and digits. */
export const newDocumentName = (): string => {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = crypto.getRandomValues(new Uint8Array(10))
  return `doc-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`
}
