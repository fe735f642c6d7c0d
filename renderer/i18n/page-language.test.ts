import { describe, expect, it } from 'vitest'
import { t } from '../../app/i18n/translate'
import { applyPageLanguage, displayLocale, languageStorageKey, saveLanguageChoice, storedLanguageChoice, type LanguagePage } from './page-language'

const page = (languages: string[], stored?: string): LanguagePage & { stored: Map<string, string> } => {
  const values = new Map<string, string>(stored === undefined ? [] : [[languageStorageKey, stored]])
  return {
    stored: values,
    localStorage: { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) },
    navigator: { languages, language: languages[0] ?? 'en' },
    document: { documentElement: { lang: '' } }
  }
}

describe('page language', () => {
  it('follows the system until Settings chooses, and marks <html lang>', () => {
    const chinese = page(['zh-CN', 'en'])
    expect(applyPageLanguage(chinese)).toBe('zh-CN')
    expect(chinese.document.documentElement.lang).toBe('zh-CN')
    expect(t('settings.language')).toBe('语言')
    saveLanguageChoice(chinese, 'en')
    expect(applyPageLanguage(chinese)).toBe('en')
    expect(t('settings.language')).toBe('Language')
  })

  it('treats a stored value that is no choice as following the system', () => {
    expect(storedLanguageChoice(page(['en'], 'klingon'))).toBe('system')
    expect(applyPageLanguage(page(['fr-FR'], 'klingon'))).toBe('en')
  })

  it("writes dates in the browser's locale when it speaks the app's language, else in the app's", () => {
    const british = page(['en-GB', 'zh-CN'])
    applyPageLanguage(british)
    expect(displayLocale(british)).toBe('en-GB')
    saveLanguageChoice(british, 'zh-CN')
    applyPageLanguage(british)
    expect(displayLocale(british)).toBe('zh-CN')
    applyPageLanguage(page(['en']))
  })
})
