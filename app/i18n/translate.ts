import i18next from 'i18next'
import type { Language } from './languages'
import type { MessageKey } from './messages'
import { messagesEn } from './messages-en'
import { messagesZhCn } from './messages-zh-CN'

/** Values for a message's `{{placeholders}}`; `count` also picks a counted message's form. */
export type MessageValues = Readonly<Record<string, string | number>>

const catalogue = i18next.createInstance()
// Synchronous: the resources are bundled, so `t` works as soon as this module has loaded.
void catalogue.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: messagesEn }, 'zh-CN': { translation: messagesZhCn } },
  initAsync: false,
  // The DOM is filled through textContent, and values are the user's own text: nothing to escape.
  interpolation: { escapeValue: false },
  returnNull: false
})

/** Switches every later `t` to `language` (the renderer does this once, before it renders). */
export const useLanguage = (language: Language): void => {
  void catalogue.changeLanguage(language)
}

/** The language `t` speaks now. */
export const currentLanguage = (): Language => (catalogue.language === 'zh-CN' ? 'zh-CN' : 'en')

/** The message `key` in the current language, its placeholders filled from `values`. */
export const t = (key: MessageKey, values?: MessageValues): string => catalogue.t(key, values ?? {}) as string
