import type { EditorState } from 'prosemirror-state'

/** Where a suggestion menu's trigger text is (`/hea`, `@An`, `:smi`): the range it covers and the query after the trigger character. */
export interface TriggerMatch {
  readonly from: number
  readonly to: number
  readonly query: string
}

/** Stands for an inline node that is not text (an image, a mention) in the text a trigger is read from. */
export const leafPlaceholder = '\uFFFC'

/**
 * The text of the cursor's textblock before and after the cursor (inline nodes other than text as
 * `leafPlaceholder`), or `null` when the selection is not a cursor in text a menu may act on
 * (a range, a code block, inline code).
 */
export const textAroundCursor = (state: EditorState): { before: string; after: string; start: number } | null => {
  const { selection } = state
  if (!selection.empty) return null
  const { $from } = selection
  const parent = $from.parent
  if (!parent.isTextblock || parent.type.spec.code === true) return null
  if ((state.storedMarks ?? $from.marks()).some((mark) => mark.type.spec.code === true)) return null
  const start = $from.start()
  const before = state.doc.textBetween(start, $from.pos, undefined, leafPlaceholder)
  const after = state.doc.textBetween($from.pos, $from.end(), undefined, leafPlaceholder)
  return { before, after, start }
}

/** `/` (or the full-width `／`, or `、`, which a Chinese keyboard types for it) alone at the start of an otherwise empty block. */
export const slashTrigger = (state: EditorState): TriggerMatch | null => {
  const text = textAroundCursor(state)
  if (text === null || text.after !== '') return null
  const match = /^[/／、]([^\s/／、\uFFFC][^/／、\uFFFC]{0,29})?$/u.exec(text.before)
  if (match === null) return null
  return { from: text.start, to: text.start + text.before.length, query: match[1] ?? '' }
}

/** Characters that make `@` or `:` part of a word (an e-mail address, a time, a URL) rather than a trigger. */
const joinsWord = /[A-Za-z0-9_.:@＠]/

/** The query after the last `trigger` character before the cursor, when that character starts a word. */
const wordTrigger = (state: EditorState, triggers: readonly string[], query: RegExp): TriggerMatch | null => {
  const text = textAroundCursor(state)
  if (text === null) return null
  const at = Math.max(...triggers.map((trigger) => text.before.lastIndexOf(trigger)))
  if (at === -1) return null
  const previous = text.before[at - 1]
  if (previous !== undefined && joinsWord.test(previous)) return null
  const typed = text.before.slice(at + 1)
  if (!query.test(typed)) return null
  return { from: text.start + at, to: text.start + text.before.length, query: typed }
}

/** `@` (or `＠`) and what follows it: up to 40 characters, not starting with a space. */
export const mentionTrigger = (state: EditorState): TriggerMatch | null => wordTrigger(state, ['@', '＠'], /^(?:[^\s@＠\uFFFC][^@＠\uFFFC\n]{0,39})?$/u)

/** `:` (or `：`) and at least two letters of an emoji's name, as GitHub and Slack offer them. */
export const emojiTrigger = (state: EditorState): TriggerMatch | null => wordTrigger(state, [':', '：'], /^[a-z0-9_+-]{2,30}$/i)
