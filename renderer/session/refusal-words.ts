import { grantCoversDocument } from '../../app/access-token'
import { CloseCode } from '../../app/protocol'
import { tokenClaimsOf } from './access'

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
 * `formatTime` defaults to the browser's locale and time zone.
 */
export const describeRefusal = (
  refusal: RefusalContext,
  formatTime: (date: Date) => string = (date) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date),
  now: Date = new Date()
): string => {
  const { token, documentName } = refusal
  const claims = token === undefined || token === '' ? null : tokenClaimsOf(token)
  if (refusal.closeCode === CloseCode.notAuthenticated) {
    if (token === undefined || token === '') {
      return `“${documentName}” can only be opened with an access link, and the address you opened has none. Ask whoever shared the document for its link.`
    }
    if (claims === null) {
      return 'The access link is damaged or incomplete (perhaps it was cut short when it was copied). Ask for the link again.'
    }
    const exp = claims.exp
    if (typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 <= now.getTime()) {
      return `The access link expired on ${formatTime(new Date(exp * 1000))}. Ask whoever shared the document for a new one.`
    }
    return 'The relay does not accept this access link: it was made for another relay, or the relay has been given a new secret since. Ask for a new link.'
  }
  if (refusal.closeCode === CloseCode.forbidden && typeof claims?.doc === 'string' && !grantCoversDocument(claims.doc, documentName)) {
    const granted = claims.doc.endsWith('*') ? `the documents starting with “${claims.doc.slice(0, -1)}”` : `“${claims.doc}”`
    return `This access link is for ${granted}, not for “${documentName}”. Ask for a link to this document.`
  }
  const reason = refusal.reason.replace(/[.\s]+$/, '')
  return `The relay does not let you open “${documentName}”: ${reason}.`
}
