/**
 * What an access token grants, shared by the relay (which verifies tokens), the desktop app (which
 * hands out invite links) and the web client (which shows why it was refused). Signing and
 * verification live in `server/`; this file holds only the claims and the rules for reading them.
 */
import { documentNameProblem } from './document-name'

/**
 * What a connection may do: `edit` changes the document and reviews suggestions, `suggest`
 * changes it only as suggestions (the client keeps a suggester's editor in suggesting mode; the
 * relay, which cannot read ProseMirror's meaning into Yjs updates, lets both write), `view` only
 * reads it.
 */
export type AccessRole = 'edit' | 'suggest' | 'view'

export const accessRoles: readonly AccessRole[] = ['edit', 'suggest', 'view']

/** The claims of an Ensemble access token (a JWT signed with HS256). */
export interface AccessTokenClaims {
  /** A document name, or a prefix ending in `*` that grants every document starting with it. */
  readonly doc: string
  readonly role: AccessRole
  /** Expiry, in seconds since the epoch (the JWT `exp` claim). */
  readonly exp: number
  /** Display name of the holder, shown to other editors. */
  readonly name?: string
}

/** Longest display name a token may carry. */
export const maxTokenNameLength = 100

/** Returns why `grant` cannot be a token's `doc` claim, or `null` when it can. */
export const documentGrantProblem = (grant: string): string | null => {
  if (grant === '*') return null
  if (!grant.endsWith('*')) return documentNameProblem(grant)
  const prefix = grant.slice(0, -1)
  // A prefix is valid when some valid document name starts with it.
  const problem = documentNameProblem(`${prefix}x`)
  return problem === null ? null : `the document prefix "${grant}" cannot match any valid document name: ${problem}`
}

/**
 * True when `grant` (a token's `doc` claim) covers `documentName`: the same name, or a prefix
 * ending in `*` that the name starts with (`team/*` covers `team/notes`; `*` covers everything).
 */
export const grantCoversDocument = (grant: string, documentName: string): boolean =>
  grant.endsWith('*') ? documentName.startsWith(grant.slice(0, -1)) : grant === documentName

/**
 * Checks the claims of a token whose signature was already verified. Returns the typed claims, or a
 * sentence saying which claim is wrong.
 */
export const readAccessClaims = (payload: Readonly<Record<string, unknown>>): AccessTokenClaims | string => {
  const { doc, role, exp, name } = payload
  if (typeof doc !== 'string') return 'the token has no "doc" claim naming the document it grants'
  const grantProblem = documentGrantProblem(doc)
  if (grantProblem !== null) return `the token's "doc" claim is not usable: ${grantProblem}`
  if (!accessRoles.includes(role as AccessRole)) {
    return `the token's "role" claim must be "edit", "suggest" or "view"; got ${JSON.stringify(role) ?? 'nothing'}`
  }
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'the token has no numeric "exp" (expiry) claim'
  if (name !== undefined && (typeof name !== 'string' || name.length === 0 || name.length > maxTokenNameLength)) {
    return `the token's "name" claim must be a string of 1 to ${maxTokenNameLength} characters`
  }
  const granted = role as AccessRole
  return name === undefined ? { doc, role: granted, exp } : { doc, role: granted, exp, name }
}

const durationUnits: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * Parses a lifetime such as `90s`, `15m`, `1h` or `30d` into milliseconds; returns `null` when the
 * text is not one (a whole number followed by s, m, h or d).
 */
export const parseDuration = (text: string): number | null => {
  const match = /^(\d{1,9})([smhd])$/.exec(text.trim())
  if (match === null) return null
  const milliseconds = Number(match[1]) * durationUnits[match[2]!]!
  return milliseconds > 0 ? milliseconds : null
}
