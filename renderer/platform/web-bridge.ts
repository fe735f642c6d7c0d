import { t } from '../../app/i18n/translate'
import type { DocumentTarget, PlatformBridge } from '../../app/bridge'
import { formatWebUrl } from '../../app/invite-link'
import { profileColors, profileProblem, type UserProfile } from '../../app/profile'
import { createWebDiscovery, webHosting, type AddressCheckPage } from './web-lan'
import { createWebLibrary, type LibraryPage } from './web-library'
import { addressUrl, documentUrl, homeUrl, parseWebClientUrl } from './web-url'

/** localStorage key of the saved profile. */
export const profileStorageKey = 'ensemble.profile'

/** What the web bridge needs from the page; `window` in a browser. */
export interface WebPage extends LibraryPage, AddressCheckPage {
  readonly location: { readonly href: string; assign(url: string): void }
  /** The browser's print dialog (`window.print`), the web client's way to a PDF. */
  print?(): void
}

/**
 * The platform bridge of a browser: the document comes from the page URL, the profile and the
 * library live in localStorage. A `?user=` in the URL sets the display name (and is saved, like a
 * typed one). Hosting is a desktop feature, and browsers cannot browse the LAN: both say so.
 */
export const createWebBridge = (page: WebPage): PlatformBridge => {
  const profileListeners = new Set<(profile: UserProfile) => void>()
  const ownRelay = (): string => parseWebClientUrl(homeUrl(page.location.href)).relayUrl
  const onStorage = (event: { readonly key: string | null }): void => {
    if (event.key !== profileStorageKey) return
    const profile = readProfile(page)
    if (profile !== null) profileListeners.forEach((listener) => listener(profile))
  }
  return {
    loadProfile: async () => {
      const request = parseWebClientUrl(page.location.href)
      const saved = readProfile(page)
      if (request.userName === null) return saved
      const profile = { name: request.userName, color: saved?.color ?? randomColor() }
      const problem = profileProblem(profile)
      if (problem !== null) throw new RangeError(t('platform.badUserParameter', { problem }))
      writeProfile(page, profile)
      return profile
    },
    saveProfile: async (profile) => {
      const problem = profileProblem(profile)
      if (problem !== null) throw new RangeError(t('platform.profileNotSaved', { problem }))
      writeProfile(page, profile)
      const saved = { name: profile.name.trim(), color: profile.color }
      profileListeners.forEach((listener) => listener(saved))
    },
    // The page keeps the choice in its own localStorage (renderer/i18n/page-language.ts).
    saveLanguageChoice: async () => undefined,
    currentDocument: async (): Promise<DocumentTarget | null> => {
      const request = parseWebClientUrl(page.location.href)
      if (request.documentProblem !== null) {
        throw new RangeError(t('platform.linkCannotOpen', { problem: request.documentProblem }))
      }
      if (request.documentName === null) return null
      return {
        relayUrl: request.relayUrl,
        documentName: request.documentName,
        local: !request.relayGiven,
        ...(request.token === null ? {} : { token: request.token }),
        ...(request.fingerprint === null ? {} : { fingerprint: request.fingerprint }),
        ...(request.also === null ? {} : { also: request.also }),
        ...(request.alsoToken === null ? {} : { alsoToken: request.alsoToken })
      }
    },
    openDocument: async (name) => {
      page.location.assign(documentUrl(page.location.href, name))
    },
    // A browser tab has no presence service or native menu to tell.
    documentOpened: () => () => undefined,
    onProfileChanged: (listener) => {
      if (profileListeners.size === 0) page.addEventListener('storage', onStorage)
      profileListeners.add(listener)
      return () => {
        profileListeners.delete(listener)
        if (profileListeners.size === 0) page.removeEventListener('storage', onStorage)
      }
    },
    open: async (address) => {
      const relay = address.relayUrl ?? ownRelay()
      // An https page may not open a ws:// WebSocket; that relay's own web client can.
      if (new URL(page.location.href).protocol === 'https:' && relay.startsWith('ws:')) {
        page.location.assign(formatWebUrl({ relay, doc: address.documentName, ...(address.token === undefined ? {} : { token: address.token }) }))
        return
      }
      page.location.assign(addressUrl(page.location.href, address, ownRelay()))
    },
    ownRelayUrl: async () => ownRelay(),
    openHome: async () => {
      page.location.assign(homeUrl(page.location.href))
    },
    homeOpened: () => () => undefined,
    onCommand: () => () => undefined,
    transfer: {
      exportPdf: async () => {
        if (page.print === undefined) throw new Error('this browser cannot print; export as HTML and print that instead')
        // The print stylesheet leaves only the document; the dialog offers "Save as PDF".
        page.print()
        return { outcome: 'printing' }
      },
      // The web client's import and export live in the page itself (home screen, Export menu).
      onCommand: () => () => undefined,
      onFileToImport: () => () => undefined
    },
    library: createWebLibrary(page),
    hosting: webHosting,
    updates: null,
    upstream: null,
    embeddedRelay: null,
    discovery: createWebDiscovery(page)
  }
}

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
