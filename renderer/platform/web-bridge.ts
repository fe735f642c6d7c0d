import type { DocumentTarget, PlatformBridge } from '../../app/bridge'
import { profileColors, profileProblem, type UserProfile } from '../../app/profile'
import { documentUrl, parseWebClientUrl } from './web-url'

/** localStorage key of the saved profile. */
export const profileStorageKey = 'ensemble.profile'

/** What the web bridge needs from the page; `window` in a browser. */
export interface WebPage {
  readonly location: { readonly href: string; assign(url: string): void }
  readonly localStorage: Pick<Storage, 'getItem' | 'setItem'>
}

/**
 * The platform bridge of a browser: the document comes from the page URL, the profile lives in
 * localStorage. A `?user=` in the URL sets the display name (and is saved, like a typed one).
 */
export const createWebBridge = (page: WebPage): PlatformBridge => ({
  loadProfile: async () => {
    const request = parseWebClientUrl(page.location.href)
    const saved = readProfile(page)
    if (request.userName === null) return saved
    const profile = { name: request.userName, color: saved?.color ?? randomColor() }
    const problem = profileProblem(profile)
    if (problem !== null) throw new RangeError(`The user= parameter cannot be used: ${problem}.`)
    writeProfile(page, profile)
    return profile
  },
  saveProfile: async (profile) => {
    const problem = profileProblem(profile)
    if (problem !== null) throw new RangeError(`The profile cannot be saved: ${problem}.`)
    writeProfile(page, profile)
  },
  currentDocument: async (): Promise<DocumentTarget | null> => {
    const request = parseWebClientUrl(page.location.href)
    if (request.documentProblem !== null) {
      throw new RangeError(`This link cannot open a document: ${request.documentProblem}.`)
    }
    if (request.documentName === null) return null
    return {
      relayUrl: request.relayUrl,
      documentName: request.documentName,
      ...(request.token === null ? {} : { token: request.token })
    }
  },
  openDocument: async (name) => {
    page.location.assign(documentUrl(page.location.href, name))
  },
  // A browser tab has no presence service or native menu to tell.
  documentOpened: () => () => undefined
})

/** A colour for a new profile, so that two people rarely share one. */
export const randomColor = (): string => profileColors[Math.floor(Math.random() * profileColors.length)]!

const readProfile = (page: WebPage): UserProfile | null => {
  const raw = page.localStorage.getItem(profileStorageKey)
  if (raw === null) return null
  try {
    const parsed = JSON.parse(raw) as UserProfile
    return typeof parsed.name === 'string' && typeof parsed.color === 'string' && profileProblem(parsed) === null
      ? { name: parsed.name.trim(), color: parsed.color }
      : null
  } catch {
    // A profile written by hand or by an older version: ask again rather than fail.
    return null
  }
}

const writeProfile = (page: WebPage, profile: UserProfile): void => {
  page.localStorage.setItem(profileStorageKey, JSON.stringify({ name: profile.name.trim(), color: profile.color }))
}
