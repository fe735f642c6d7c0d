/**
 * The relay's access check, `GET /api/docs/NAME/access`, shared by the relay that answers it and the
 * clients that ask. A browser sees a WebSocket upgrade the relay refused (401/403) only as close
 * code 1006, with no status and no reason; so a client whose connection failed before it opened
 * asks here, and shows a refusal as the close code it stands for (4401/4403), with the same reason.
 */
import type { AccessRole } from './access-token'
import { CloseCode } from './protocol'

/** 200: the relay would admit a connection to `document` with this token, in `role`. */
export interface AccessGranted {
  readonly document: string
  readonly role: AccessRole
}

/** 401 or 403: the relay would refuse the upgrade; `reason` is the text the upgrade refusal carries. */
export interface AccessRefused {
  readonly error: 'not-authenticated' | 'forbidden'
  readonly reason: string
  /** The close code that stands for this refusal once a connection is open. */
  readonly closeCode: typeof CloseCode.notAuthenticated | typeof CloseCode.forbidden
}

/** The path of the access check of `documentName`; each `/`-separated segment is URL-encoded. */
export const accessCheckPath = (documentName: string): string =>
  `/api/docs/${documentName.split('/').map(encodeURIComponent).join('/')}/access`

/** The answer to a refusal with HTTP `status`, or `null` for a status that is not a refusal of access (only 401 and 403 are). */
export const accessRefusal = (status: number, reason: string): AccessRefused | null => {
  if (status === 401) return { error: 'not-authenticated', reason, closeCode: CloseCode.notAuthenticated }
  if (status === 403) return { error: 'forbidden', reason, closeCode: CloseCode.forbidden }
  return null
}

/**
 * Reads the body of a 401/403 answer; returns `null` when it is not an `AccessRefused` (e.g. a proxy's
 * own error page), so that a client never shows a made-up reason.
 */
export const readAccessRefusal = (status: number, body: unknown): AccessRefused | null => {
  if (typeof body !== 'object' || body === null) return null
  const { reason, closeCode } = body as Record<string, unknown>
  if (typeof reason !== 'string' || reason === '') return null
  const refusal = accessRefusal(status, reason)
  return refusal !== null && refusal.closeCode === closeCode ? refusal : null
}
