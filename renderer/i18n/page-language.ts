import { isLanguageChoice, resolveLanguage, type Language, type LanguageChoice } from '../../app/i18n/languages'
import { currentLanguage, useLanguage } from '../../app/i18n/translate'

/** localStorage key of the language chosen in Settings (absent: follow the system). */
export const languageStorageKey = 'ensemble.language'

/** What the language of a page depends on. */
export interface LanguagePage {
  readonly localStorage: Pick<Storage, 'getItem' | 'setItem'>
  /** The OS/browser preferences, most wanted first (Electron fills these from the OS). */
  readonly navigator: Pick<Navigator, 'languages' | 'language'>
  readonly document: { readonly documentElement: { lang: string } }
}

/** The choice stored in Settings; `system` when none is, or when what is stored is not a choice. */
export const storedLanguageChoice = (page: Pick<LanguagePage, 'localStorage'>): LanguageChoice => {
  const stored = page.localStorage.getItem(languageStorageKey)
  return isLanguageChoice(stored) ? stored : 'system'
}

export const saveLanguageChoice = (page: Pick<LanguagePage, 'localStorage'>, choice: LanguageChoice): void =>
  page.localStorage.setItem(languageStorageKey, choice)

/** The system's preferred languages as the page sees them. */
export const systemLanguages = (page: Pick<LanguagePage, 'navigator'>): readonly string[] =>
  page.navigator.languages.length > 0 ? page.navigator.languages : [page.navigator.language]

/**
 * Makes every later `t` speak the page's language (the Settings choice, else the system's) and
 * marks `<html lang>` so fonts, hyphenation and screen readers follow. Runs before anything renders.
 */
export const applyPageLanguage = (page: LanguagePage): Language => {
  const language = resolveLanguage(storedLanguageChoice(page), systemLanguages(page))
  useLanguage(language)
  page.document.documentElement.lang = language
  return language
}

/**
 * The locale dates, times and numbers are written in: the browser's own (`en-GB` writes 24-hour
 * times) when it speaks the app's language, else the app's language, so that a page shown in
 * Chinese does not write English month names.
 */
export const displayLocale = (page: Pick<LanguagePage, 'navigator'> = globalThis as unknown as Pick<LanguagePage, 'navigator'>): string => {
  const language = currentLanguage()
  const primary = language.split('-')[0]
  return systemLanguages(page).find((tag) => tag.toLowerCase().split(/[-_]/)[0] === primary) ?? language
}
