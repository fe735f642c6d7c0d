import type { Command, EditorState } from 'prosemirror-state'
import { marks } from './commands'
import { t } from '../../app/i18n/translate'

/** Schemes a link may use; anything else (e.g. `javascript:`) could run code when clicked. */
const allowedSchemes = ['http:', 'https:', 'mailto:']

/**
 * Normalises what a user typed as a link target: `example.com/x` becomes `https://example.com/x`.
 * Throws a `RangeError` that says what is wrong when the text is not a usable link.
 */
export const normalizeHref = (input: string): string => {
  const text = input.trim()
  if (text === '') throw new RangeError(t('link.empty'))
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    throw new RangeError(t('link.notAddress', { text }))
  }
  if (!allowedSchemes.includes(url.protocol)) {
    throw new RangeError(t('link.badProtocol', { protocol: url.protocol }))
  }
  return url.href
}

/** The range and href of the link at the cursor or selection start, or `null`. */
export const linkAt = (state: EditorState): { from: number; to: number; href: string } | null => {
  const { $from } = state.selection
  const mark = marks.link.isInSet($from.marks()) ?? marks.link.isInSet($from.nodeAfter?.marks ?? [])
  if (mark === undefined) return null
  const parent = $from.parent
  const hasLink = (index: number): boolean =>
    index >= 0 && index < parent.childCount && mark.isInSet(parent.child(index).marks)
  // $from.index() is the child at or after the cursor; at a link's end the link is the one before.
  let first = hasLink($from.index()) ? $from.index() : $from.index() - 1
  if (!hasLink(first)) return null
  let last = first
  while (hasLink(first - 1)) first--
  while (hasLink(last + 1)) last++
  let from = $from.start()
  for (let index = 0; index < first; index++) from += parent.child(index).nodeSize
  let to = from
  for (let index = first; index <= last; index++) to += parent.child(index).nodeSize
  return { from, to, href: mark.attrs.href as string }
}

/**
 * Links the selection to `href` (already normalised); inside an existing link with an empty
 * selection it changes that link's target; with an empty selection elsewhere it inserts the
 * address as linked text.
 */
export const setLink =
  (href: string): Command =>
  (state, dispatch) => {
    const mark = marks.link.create({ href })
    const { from, to, empty } = state.selection
    if (!empty) {
      dispatch?.(state.tr.removeMark(from, to, marks.link).addMark(from, to, mark).scrollIntoView())
      return true
    }
    const existing = linkAt(state)
    if (existing !== null) {
      dispatch?.(state.tr.removeMark(existing.from, existing.to, marks.link).addMark(existing.from, existing.to, mark))
      return true
    }
    if (!state.selection.$from.parent.inlineContent || state.selection.$from.parent.type.spec.code === true) return false
    dispatch?.(state.tr.insert(from, state.schema.text(href, [mark])).scrollIntoView())
    return true
  }

/** Removes the link around the cursor, or every link in the selection. */
export const removeLink: Command = (state, dispatch) => {
  const { from, to, empty } = state.selection
  const range = empty ? linkAt(state) : state.doc.rangeHasMark(from, to, marks.link) ? { from, to } : null
  if (range === null) return false
  dispatch?.(state.tr.removeMark(range.from, range.to, marks.link))
  return true
}
