import type { PlatformBridge } from '../../app/bridge'
import { maxDisplayNameLength, profileProblem, type UserProfile } from '../../app/profile'
import { randomColor } from '../platform/web-bridge'

/**
 * Asks a first-time visitor for the name others will see (`[data-testid=name-prompt]`), saves it
 * through the bridge and resolves with the new profile.
 */
export const promptForName = (root: HTMLElement, bridge: PlatformBridge): Promise<UserProfile> =>
  new Promise((resolve) => {
    const page = document.createElement('main')
    page.className = 'name-prompt'
    page.dataset.testid = 'name-prompt'
    page.innerHTML = `
      <h1>Who is writing?</h1>
      <p>Others in the document see this name next to your cursor.</p>
      <form>
        <label>Your name <input name="name" required maxlength="${maxDisplayNameLength}" autocomplete="name"></label>
        <button type="submit">Continue</button>
        <p class="problem" role="alert"></p>
      </form>`
    const form = page.querySelector('form')!
    const input = form.querySelector('input')!
    const problemLine = form.querySelector<HTMLElement>('.problem')!
    const color = randomColor()
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const profile = { name: input.value.trim(), color }
      const problem = profileProblem(profile)
      if (problem !== null) {
        problemLine.textContent = `Please try again: ${problem}.`
        return
      }
      bridge.saveProfile(profile).then(
        () => resolve(profile),
        (error: unknown) => (problemLine.textContent = error instanceof Error ? error.message : String(error))
      )
    })
    root.replaceChildren(page)
    input.focus()
  })
