/** The languages the app is translated into, by BCP 47 tag. */
export const languages = ['en', 'zh-CN'] as const
export type Language = (typeof languages)[number]

/** Each language's name in itself, as a language menu shows it. */
export const languageNames: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' }

/** What Settings stores: a language, or `system` to follow the OS (browser) preferences. */
export type LanguageChoice = Language | 'system'

export const isLanguageChoice = (value: unknown): value is LanguageChoice =>
  value === 'system' || languages.includes(value as Language)

/**
 * The first of `preferred` (as `navigator.languages` or Electron's `app.getPreferredSystemLanguages()`
 * give them, most wanted first) that the app speaks: any Chinese reads the Simplified catalogue
 * (closer to a Traditional reader than English), any English the English one; `en` when none matches.
 */
export const pickLanguage = (preferred: readonly string[]): Language => {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]
    if (primary === 'zh') return 'zh-CN'
    if (primary === 'en') return 'en'
  }
  return 'en'
}

/** The language a choice means, given the system's preferences. */
export const resolveLanguage = (choice: LanguageChoice, preferred: readonly string[]): Language =>
  choice === 'system' ? pickLanguage(preferred) : choice
