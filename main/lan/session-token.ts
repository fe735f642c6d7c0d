/**
 * Invite tokens of a LAN session: the relay's access tokens (HS256 JWTs with `doc`, `role`, `exp`,
 * optional `name`), keyed with the UTF-8 bytes of a secret made fresh for each hosting session.
 */
import { randomBytes } from 'node:crypto'
import type { AccessRole } from '../../app/access-token'
import { signAccessToken } from '../../server/access/access-token'

/** A fresh random secret for one hosting session (256 bits, base64url). */
export const createSessionSecret = (): string => randomBytes(32).toString('base64url')

/** The HS256 key of a session secret. */
export const sessionKey = (secret: string): Uint8Array => new TextEncoder().encode(secret)

export const mintSessionToken = async (
  secret: string,
  claims: { doc: string; role: AccessRole; ttlSeconds: number; name?: string },
  now: () => number = Date.now
): Promise<{ token: string; expiresAt: number }> => {
  const issuedAt = new Date(now())
  const token = await signAccessToken(sessionKey(secret), {
    doc: claims.doc,
    role: claims.role,
    lifetimeMs: claims.ttlSeconds * 1000,
    now: issuedAt,
    ...(claims.name === undefined ? {} : { name: claims.name })
  })
  return { token, expiresAt: (Math.floor(issuedAt.getTime() / 1000) + claims.ttlSeconds) * 1000 }
}
