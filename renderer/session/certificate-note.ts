import type { DocumentTarget } from '../../app/bridge'

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
  return (
    `Your browser warned about this page because the computer hosting this session made its own certificate, ` +
    `as every Ensemble session on a local network does. It is the host's if its SHA-256 fingerprint is ` +
    `${target.fingerprint.slice('sha256/'.length)} (base64); ask the host if in doubt. The connection is encrypted either way.`
  )
}
