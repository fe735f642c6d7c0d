/**
 * Invite tokens of a LAN session: HS256 JWTs through `jose`, keyed with the UTF-8 bytes of the
 * session secret, with the claims of the relay's token auth (issue 4): `doc` (a document name or a
 * prefix ending in `*`), `role` (`edit` or `view`), `exp`, optional `name`.
 */
import { randomBytes } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import type { AccessRole } from '../../app/ipc'

export interface SessionTokenClaims {
  readonly doc: string
  readonly role: AccessRole
  /** Expiry, seconds since the epoch. */
  readonly exp: number
  readonly name?: string
}

/** A token that cannot be used; `reason` is safe to show to the person who presented it. */
export class SessionTokenError extends Error {
  override name = 'SessionTokenError'
}

const algorithm = 'HS256'
const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret)

/** A fresh random secret for one hosting session (256 bits, base64url). */
export const createSessionSecret = (): string => randomBytes(32).toString('base64url')

export const mintSessionToken = async (
  secret: string,
  claims: { doc: string; role: AccessRole; ttlSeconds: number; name?: string },
  now: () => number = Date.now
): Promise<{ token: string; expiresAt: number }> => {
  const exp = Math.floor(now() / 1000) + claims.ttlSeconds
  const payload: Record<string, unknown> = { doc: claims.doc, role: claims.role }
  if (claims.name !== undefined) payload.name = claims.name
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: algorithm })
    .setIssuedAt(Math.floor(now() / 1000))
    .setExpirationTime(exp)
    .sign(keyOf(secret))
  return { token, expiresAt: exp * 1000 }
}

/** Checks signature, expiry and claims; throws `SessionTokenError` saying which check failed. */
export const verifySessionToken = async (token: string, secret: string): Promise<SessionTokenClaims> => {
  let payload: Record<string, unknown>
  try {
    ;({ payload } = await jwtVerify(token, keyOf(secret), { algorithms: [algorithm], requiredClaims: ['exp'] }))
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new SessionTokenError('the invite has expired; ask the host for a new link')
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw new SessionTokenError('the invite was not signed by this session (it may be from an earlier one); ask the host for a new link')
    }
    throw new SessionTokenError(`the invite token is not valid: ${error instanceof Error ? error.message : String(error)}`)
  }
  const { doc, role, exp, name } = payload
  if (typeof doc !== 'string' || doc === '') throw new SessionTokenError('the invite token has no "doc" claim')
  if (role !== 'edit' && role !== 'view') throw new SessionTokenError(`the invite token's role is ${JSON.stringify(role)}; expected "edit" or "view"`)
  if (name !== undefined && typeof name !== 'string') throw new SessionTokenError('the invite token\'s "name" claim is not text')
  return { doc, role, exp: exp as number, ...(name === undefined ? {} : { name }) }
}

/** Whether a token's `doc` claim (a name, or a prefix ending in `*`) grants `documentName`. */
export const tokenGrants = (doc: string, documentName: string): boolean =>
  doc.endsWith('*') ? documentName.startsWith(doc.slice(0, -1)) : doc === documentName
