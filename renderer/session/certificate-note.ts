import type { DocumentTarget } from '../../app/bridge'
import { t } from '../../app/i18n/translate'

/** localStorage key: the note was shown once in this browser. */
const shownKey = 'ensemble.certificate-note-shown'

/**
 * The one-time note for a browser guest of a LAN session: the host's computer made the session's
 * certificate itself, so the browser warned before showing the page; the invite's fingerprint is
 * what to compare with the certificate the browser shows. `null` when there is nothing to say
 * (not over https, no fingerprint, or said before).
 */
export const certificateNote = (target: DocumentTarget, page: Pick<Window, 'location' | 'localStorage'>): string | null => {
  if (page.location.protocol !== 'https:' || target.fingerprint === undefined) return null
  try {
    if (page.localStorage.getItem(shownKey) !== null) return null
    page.localStorage.setItem(shownKey, String(Date.now()))
  } catch {
    // Without storage the note shows every time, which is better than never.
  }
  return t('access.certificateNote', { fingerprint: target.fingerprint.slice('sha256/'.length) })
}
