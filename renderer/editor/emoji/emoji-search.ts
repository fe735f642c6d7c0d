import { gemoji } from 'gemoji'

/** An emoji as the menu offers it: the character, its `:shortcodes:` (GitHub's), and words it is also found by. */
export interface EmojiEntry {
  readonly emoji: string
  readonly names: readonly string[]
  readonly tags: readonly string[]
  readonly description: string
}

export const emojiEntries: readonly EmojiEntry[] = gemoji

const byName = new Map<string, string>()
for (const entry of emojiEntries) for (const name of entry.names) byName.set(name, entry.emoji)

/** The emoji of shortcode `name` (`smile` → 😄), or `undefined`. */
export const emojiByName = (name: string): string | undefined => byName.get(name.toLowerCase())

/**
 * Emoji for what was typed after `:`, best first: a shortcode that is the query, then ones that
 * start with it, then ones with a word (`_`-separated) or tag starting with it, then any shortcode
 * or description containing it. The first shortcode that matched is the one shown.
 */
export const searchEmoji = (query: string, limit = 8): Array<{ entry: EmojiEntry; name: string }> => {
  const wanted = query.toLowerCase()
  const ranked: Array<{ entry: EmojiEntry; name: string; rank: number; index: number }> = []
  emojiEntries.forEach((entry, index) => {
    let best: { name: string; rank: number } | null = null
    const consider = (name: string, rank: number): void => {
      if (best === null || rank < best.rank) best = { name, rank }
    }
    for (const name of entry.names) {
      if (name === wanted) consider(name, 0)
      else if (name.startsWith(wanted)) consider(name, 1)
      else if (name.split(/[_-]/).some((word) => word.startsWith(wanted))) consider(name, 2)
      else if (name.includes(wanted)) consider(name, 4)
    }
    const first = entry.names[0]!
    if (entry.tags.some((tag) => tag.startsWith(wanted))) consider(first, 3)
    else if (entry.description.split(' ').some((word) => word.startsWith(wanted))) consider(first, 3)
    const found = best as { name: string; rank: number } | null
    if (found !== null) ranked.push({ entry, name: found.name, rank: found.rank, index })
  })
  return ranked
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.index - b.index)
    .slice(0, limit)
    .map(({ entry, name }) => ({ entry, name }))
}
