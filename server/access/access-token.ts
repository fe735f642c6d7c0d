import { errors, jwtVerify, SignJWT } from 'jose'
import { readAccessClaims, type AccessRole, type AccessTokenClaims } from '../../app/access-token'
import { checkSecretLength } from './auth-secret'

const algorithm = 'HS256'

/** Why a token was not accepted; every reason is answered with HTTP 401. */
export type AccessTokenProblem = 'missing' | 'malformed' | 'expired' | 'bad-signature' | 'bad-claims'

/** A token that does not authenticate its holder; the message says what is wrong with it. */
export class AccessTokenError extends Error {
  override name = 'AccessTokenError'
  constructor(
    readonly problem: AccessTokenProblem,
    message: string
  ) {
    super(message)
  }
}

/** What an operator grants when handing out a token. */
export interface AccessGrant {
  /** A document name, or a prefix ending in `*`. */
  readonly doc: string
  readonly role: AccessRole
  /** How long the token is valid, from `now`. */
  readonly lifetimeMs: number
  readonly name?: string
  /** Defaults to the current time. */
  readonly now?: Date
}

/** Signs an access token (an HS256 JWT) with `secret`. Throws when the grant is not a valid set of claims. */
export const signAccessToken = async (secret: Uint8Array, grant: AccessGrant): Promise<string> => {
  checkSecretLength(secret)
  const issuedAt = Math.floor((grant.now ?? new Date()).getTime() / 1000)
  const exp = issuedAt + Math.max(1, Math.round(grant.lifetimeMs / 1000))
  const claims = readAccessClaims({ doc: grant.doc, role: grant.role, exp, name: grant.name })
  if (typeof claims === 'string') throw new RangeError(`Cannot sign an access token: ${claims}`)
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .sign(secret)
}

/**
 * Verifies a token's signature and expiry and returns its claims; throws `AccessTokenError` saying
 * what is wrong with it. Only HS256 is accepted, so a token cannot choose its own algorithm.
 */
export const verifyAccessToken = async (
  secret: Uint8Array,
  token: string | null,
  now: Date = new Date()
): Promise<AccessTokenClaims> => {
  if (token === null || token === '') {
    throw new AccessTokenError('missing', 'no access token; connect with ?token=<token from an invite link>')
  }
  let payload
  try {
    ;({ payload } = await jwtVerify(token, secret, { algorithms: [algorithm], requiredClaims: ['exp'], currentDate: now }))
  } catch (error) {
    throw describeVerificationFailure(error)
  }
  const claims = readAccessClaims(payload)
  if (typeof claims === 'string') throw new AccessTokenError('bad-claims', claims)
  return claims
}

const describeVerificationFailure = (error: unknown): Error => {
  if (error instanceof errors.JWTExpired) {
    const exp = typeof error.payload['exp'] === 'number' ? new Date(error.payload['exp'] * 1000).toISOString() : 'unknown'
    return new AccessTokenError('expired', `the access token expired at ${exp}; ask for a new link`)
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AccessTokenError('bad-signature', 'the access token was not signed by this relay (wrong secret)')
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AccessTokenError('malformed', 'the access token is not signed with HS256')
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AccessTokenError('bad-claims', `the access token's "${error.claim}" claim is not valid: ${error.message}`)
  }
  if (error instanceof errors.JOSEError) {
    return new AccessTokenError('malformed', `the access token is not a well-formed JWT: ${error.message}`)
  }
  return error instanceof Error ? error : new Error(String(error))
}

