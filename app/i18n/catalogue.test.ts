import { describe, expect, it } from 'vitest'
import { pickLanguage, resolveLanguage } from './languages'
import { englishAreas, messagesEn } from './messages-en'
import { messagesZhCn } from './messages-zh-CN'
import { currentLanguage, t, useLanguage } from './translate'

/** A message's placeholder names; `{{count, number}}` names `count`, formatted. */
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((match) => match[1]!).sort()
const baseKey = (key: string): string => key.replace(/_(one|other)$/, '')

describe('message catalogue', () => {
  it('has a Chinese message for every English one, with the same placeholders', () => {
    const zh: Record<string, string> = messagesZhCn
    for (const [key, english] of Object.entries(messagesEn)) {
      const chineseKey = key.endsWith('_one') ? `${baseKey(key)}_other` : key
      expect(zh[chineseKey], `zh-CN lacks ${chineseKey}`).toBeTypeOf('string')
      expect(placeholders(zh[chineseKey]!), `placeholders of ${chineseKey}`).toEqual(placeholders(english))
    }
    const englishBases = new Set(Object.keys(messagesEn).map(baseKey))
    for (const key of Object.keys(zh)) expect(englishBases.has(baseKey(key)), `zh-CN has ${key}, English has not`).toBe(true)
  })

  it('defines each key in one area only (a later area would silently replace it)', () => {
    const seen = new Map<string, number>()
    englishAreas.forEach((area, index) => {
      for (const key of Object.keys(area)) {
        expect(seen.get(key), `${key} is defined by two areas`).toBeUndefined()
        seen.set(key, index)
      }
    })
    expect(seen.size).toBe(Object.keys(messagesEn).length)
  })

  it('speaks the chosen language and fills placeholders', () => {
    useLanguage('zh-CN')
    expect(currentLanguage()).toBe('zh-CN')
    expect(t('language.system', { language: 'English' })).toBe('跟随系统（English）')
    expect(t('save.pending', { count: 1 })).toBe('1 处更改尚未送达中继')
    useLanguage('en')
    expect(t('language.system', { language: '简体中文' })).toBe('Same as the system (简体中文)')
    expect(t('save.pending', { count: 1 })).toBe('1 change not yet on the relay')
    expect(t('save.pending', { count: 3 })).toBe('3 changes not yet on the relay')
  })

  it('follows the system: any Chinese reads Simplified Chinese, anything unknown English', () => {
    expect(pickLanguage(['zh-TW', 'en-US'])).toBe('zh-CN')
    expect(pickLanguage(['fr-FR', 'zh_CN'])).toBe('zh-CN')
    expect(pickLanguage(['en-GB', 'zh-CN'])).toBe('en')
    expect(pickLanguage(['fr', 'de'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
    expect(resolveLanguage('system', ['zh-Hans-CN'])).toBe('zh-CN')
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en')
  })
})
