import type { DocumentTarget, PlatformBridge } from '../../app/bridge'
import { maxDisplayNameLength, profileProblem, type UserProfile } from '../../app/profile'
import { randomColor } from '../platform/web-bridge'
import { tokenClaimsOf } from '../session/access'
import { t } from '../../app/i18n/translate'

/**
 * The profile to open `target` with: the saved one; else the name the document's access token
 * carries (its `name` claim, which whoever made the link chose), saved as a `?user=` name is;
 * else the name the user types into the prompt.
 */
export const profileForDocument = async (root: HTMLElement, bridge: PlatformBridge, target: DocumentTarget): Promise<UserProfile> => {
  const saved = await bridge.loadProfile()
  if (saved !== null) return saved
  const name = target.token === undefined ? undefined : tokenClaimsOf(target.token)?.name
  if (typeof name === 'string') {
    const profile = { name: name.trim(), color: randomColor() }
    if (profileProblem(profile) === null) {
      await bridge.saveProfile(profile)
      return profile
    }
  }
  return promptForName(root, bridge)
}

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
      <h1>${t('namePrompt.title')}</h1>
      <p>${t('namePrompt.explanation')}</p>
      <form>
        <label>${t('namePrompt.name')} <input name="name" required maxlength="${maxDisplayNameLength}" autocomplete="name"></label>
        <button type="submit">${t('namePrompt.continue')}</button>
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
        problemLine.textContent = t('profile.tryAgain', { problem })
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
