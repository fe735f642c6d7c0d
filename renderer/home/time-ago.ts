import { currentLanguage, t } from '../../app/i18n/translate'

const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000]
]

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago" (or "刚刚", "5分钟前"…, in the page's language): when something happened, for a list. */
export const timeAgo = (then: number, now: number, locale: string = currentLanguage()): string => {
  const elapsed = Math.max(0, now - then)
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of units) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit)
  }
  return t('home.justNow')
}
