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

/**
 * Numbers people who share a name, so that they can be told apart: 1, 2… in the order of their
 * awareness client ids (every page sees the same ids, so every page numbers them alike). People
 * whose name nobody else has get no number. Returns client id → number.
 */
export const namesakeNumbers = (people: Iterable<{ readonly name: string; readonly clientId: number }>): Map<number, number> => {
  const byName = new Map<string, number[]>()
  for (const { name, clientId } of people) byName.set(name, [...(byName.get(name) ?? []), clientId])
  const numbers = new Map<number, number>()
  for (const ids of byName.values()) {
    if (ids.length < 2) continue
    ids.sort((a, b) => a - b).forEach((clientId, index) => numbers.set(clientId, index + 1))
  }
  return numbers
}

/** `name`, or `name (2)` for the second of several people with that name (see `namesakeNumbers`). */
export const distinctName = (name: string, number: number | undefined): string => (number === undefined ? name : `${name} (${number})`)
