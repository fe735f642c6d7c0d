import { grantCoversDocument } from '../../app/access-token'
import { CloseCode } from '../../app/protocol'
import { tokenClaimsOf } from './access'
import { t } from '../../app/i18n/translate'
import { displayLocale } from '../i18n/page-language'

/** What a refusal is about: the relay's close code (4401/4403) and its reason, and what the page asked with. */
export interface RefusalContext {
  readonly closeCode: number
  /** The relay's own words; meant for operators and logs, so shown in a tooltip only. */
  readonly reason: string
  readonly documentName: string
  /** The access token the page presented, if any (the `#token=` of its address). */
  readonly token: string | undefined
}

/**
 * Says in plain words why the relay refused this page, and what to do about it: from the close
 * code and the token the page holds, whose claims it can read without the relay's secret. The
 * relay's reason speaks of JWTs, claims and ISO timestamps; a person needs to know whether the
 * link is broken, expired or for another document, and when, in their own time zone.
 * `formatTime` defaults to the display locale (`displayLocale`) and the browser's time zone.
 */
export const describeRefusal = (
  refusal: RefusalContext,
  formatTime: (date: Date) => string = (date) => new Intl.DateTimeFormat(displayLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date),
  now: Date = new Date()
): string => {
  const { token, documentName } = refusal
  const claims = token === undefined || token === '' ? null : tokenClaimsOf(token)
  if (refusal.closeCode === CloseCode.notAuthenticated) {
    if (token === undefined || token === '') {
      return t('access.noToken', { name: documentName })
    }
    if (claims === null) {
      return t('access.damaged')
    }
    const exp = claims.exp
    if (typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 <= now.getTime()) {
      return t('access.expired', { time: formatTime(new Date(exp * 1000)) })
    }
    return t('access.notAccepted')
  }
  if (refusal.closeCode === CloseCode.forbidden && typeof claims?.doc === 'string' && !grantCoversDocument(claims.doc, documentName)) {
    const granted = claims.doc.endsWith('*') ? t('access.prefixGrant', { prefix: claims.doc.slice(0, -1) }) : t('access.documentGrant', { name: claims.doc })
    return t('access.otherDocument', { granted, name: documentName })
  }
  const reason = refusal.reason.replace(/[.\s]+$/, '')
  return t('access.refused', { name: documentName, reason })
}
