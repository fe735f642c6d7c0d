import { resolveLanguage, type Language } from '../../app/i18n/languages'
import { currentLanguage, useLanguage } from '../../app/i18n/translate'
import type { Settings } from '../../app/settings'

/**
 * Makes the main process speak the language the renderer chose in Settings (`settings.language`,
 * stored through `settings:set-language`), or the OS's (`app.getPreferredSystemLanguages()`) when
 * it follows the system. Returns whether the language changed, so that the caller rebuilds its
 * menus only then.
 */
export const applyMainLanguage = (settings: Pick<Settings, 'language'>, systemLanguages: readonly string[]): boolean => {
  const language: Language = resolveLanguage(settings.language ?? 'system', systemLanguages)
  if (language === currentLanguage()) return false
  useLanguage(language)
  return true
}
