import { describe, expect, it } from 'vitest'
import { useLanguage } from '../../app/i18n/translate'
import { timeAgo } from './time-ago'

describe('timeAgo', () => {
  const now = Date.UTC(2025, 5, 1, 12)

  it('says how long ago, in the largest whole unit', () => {
    expect(timeAgo(now - 20_000, now)).toBe('just now')
    expect(timeAgo(now + 5_000, now)).toBe('just now')
    expect(timeAgo(now - 60_000, now)).toBe('1 minute ago')
    expect(timeAgo(now - 5 * 60_000, now)).toBe('5 minutes ago')
    expect(timeAgo(now - 3 * 3600_000, now)).toBe('3 hours ago')
    expect(timeAgo(now - 26 * 3600_000, now)).toBe('yesterday')
    expect(timeAgo(now - 15 * 24 * 3600_000, now)).toBe('2 weeks ago')
    expect(timeAgo(now - 400 * 24 * 3600_000, now)).toBe('last year')
  })

  it('speaks the page’s language', () => {
    useLanguage('zh-CN')
    try {
      expect(timeAgo(now - 20_000, now)).toBe('刚刚')
      expect(timeAgo(now - 5 * 60_000, now)).toBe('5分钟前')
      expect(timeAgo(now - 26 * 3600_000, now)).toBe('昨天')
    } finally {
      useLanguage('en')
    }
  })
})
