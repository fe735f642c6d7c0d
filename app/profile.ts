import { t } from './i18n/translate'
/** How this user appears to others: the label of their cursor and avatar. */
export interface UserProfile {
  /** Display name, 1–64 characters after trimming. */
  readonly name: string
  /** CSS colour `#rrggbb` of the cursor, selection and avatar. */
  readonly color: string
}

/** Display names longer than this are refused by `profileProblem`. */
export const maxDisplayNameLength = 64
const colorPattern = /^#[0-9a-f]{6}$/i

/** Returns why `profile` cannot be used, or `null` when it can. Bridges check what they load. */
export const profileProblem = (profile: UserProfile): string | null => {
  const name = profile.name.trim()
  if (name.length === 0) return t('profile.nameEmpty')
  if (name.length > maxDisplayNameLength) {
    return t('profile.nameTooLong', { length: name.length, limit: maxDisplayNameLength })
  }
  if (!colorPattern.test(profile.color)) return t('profile.badColour', { colour: profile.color })
  return null
}

/** Colours that stay readable as cursor labels with white text; new profiles pick one. */
export const profileColors = ['#d7263d', '#1b998b', '#3d5a80', '#c05299', '#e07a1f', '#2e86ab', '#6a4c93', '#2b9348'] as const

/**
 * The colour to show someone in with others around: their own (`preferred`) unless one of the
 * others already has it, then the first palette colour nobody has. With as many people as
 * colours, `preferred` after all. Profiles pick colours at random, so three people share one
 * about a third of the time; cursors and a version's authorship must still tell them apart.
 */
export const distinctColor = (preferred: string, taken: Iterable<string>): string => {
  const used = new Set([...taken].map((color) => color.toLowerCase()))
  if (!used.has(preferred.toLowerCase())) return preferred
  return profileColors.find((color) => !used.has(color)) ?? preferred
}
