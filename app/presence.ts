import type { UserProfile } from './profile'

/** What a person is doing in a document, as the presence bar shows it. */
export type PresenceStatus = 'active' | 'idle' | 'away'

/**
 * The awareness field `user` that every client of a document publishes. y-prosemirror's cursor
 * plugin reads `name` and `color` from it; the presence bar and the desktop's PresenceService
 * read all of it.
 */
export interface AwarenessUser extends UserProfile {
  readonly status: PresenceStatus
}

/** Reads an awareness state's `user` field, or `null` when a peer published none or a malformed one. */
export const awarenessUserOf = (state: Record<string, unknown>): AwarenessUser | null => {
  const user = state.user as Partial<AwarenessUser> | undefined
  if (typeof user !== 'object' || user === null) return null
  if (typeof user.name !== 'string' || typeof user.color !== 'string') return null
  const status: PresenceStatus = user.status === 'idle' || user.status === 'away' ? user.status : 'active'
  return { name: user.name, color: user.color, status }
}

/** Initials for an avatar: first letters of the first two words, upper-cased (`Ada Lovelace` → `AL`). */
export const initialsOf = (name: string): string => {
  const words = name.trim().split(/\s+/u).filter((word) => word.length > 0)
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '')
  return letters.join('').toLocaleUpperCase() || '?'
}
