import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules'
import type { MarkType } from 'prosemirror-model'
import type { EditorState, Plugin } from 'prosemirror-state'
import { marks, nodes } from './commands'

/**
 * Wraps text typed between delimiters in a mark: `**bold**` → **bold**. The pattern's last group
 * is the marked text; the delimiters are removed.
 */
export const markInputRule = (pattern: RegExp, markType: MarkType): InputRule =>
  new InputRule(pattern, (state, match, start, end) => {
    const [whole, text] = [match[0], match[match.length - 1]]
    if (text === undefined || text === '') return null
    const textStart = start + whole.lastIndexOf(text)
    const $start = state.doc.resolve(start)
    if (!$start.parent.type.allowsMarkType(markType)) return null
    const tr = state.tr
    tr.delete(textStart + text.length, end)
    tr.delete(start + (whole.length - whole.trimStart().length), textStart)
    const markStart = start + (whole.length - whole.trimStart().length)
    tr.addMark(markStart, markStart + text.length, markType.create())
    tr.removeStoredMark(markType)
    return tr
  })

/**
 * Whether `pos` lies in inline code, or after an opening backtick that the `code` rule below will
 * turn into code once the closing one is typed: an odd number of backticks before it in its
 * textblock, outside code. Typography has no place in code (`say "hi"` must stay straight).
 */
export const inCodeSpan = (state: EditorState, pos: number): boolean => {
  const $pos = state.doc.resolve(pos)
  if ($pos.marks().some((mark) => mark.type === marks.code)) return true
  let backticks = 0
  $pos.parent.forEach((child, offset) => {
    if (offset >= $pos.parentOffset || !child.isText || marks.code.isInSet(child.marks) !== undefined) return
    const text = child.text!.slice(0, $pos.parentOffset - offset)
    backticks += text.split('`').length - 1
  })
  return backticks % 2 === 1
}

/**
 * A typographic rule (quotes, dash, ellipsis) that stays out of code: like prosemirror-inputrules'
 * own, which only skip text that already is code. The pattern's group, when it has one, is the
 * part replaced (the quote after a space); otherwise the whole match is.
 */
export const typographicRule = (pattern: RegExp, replacement: string): InputRule =>
  new InputRule(
    pattern,
    (state, match, start, end) => {
      if (inCodeSpan(state, start)) return null
      const group = match[1]
      const from = group === undefined ? start : Math.min(start + match[0].lastIndexOf(group), end)
      return state.tr.insertText(replacement, from, end)
    },
    { inCodeMark: false }
  )

/** Quotes, the em dash and the ellipsis, as prosemirror-inputrules writes them, outside code. */
const typography = [
  typographicRule(/(?:^|[\s{[(<'"\u2018\u201C])(")$/, '“'),
  typographicRule(/"$/, '”'),
  typographicRule(/(?:^|[\s{[(<'"\u2018\u201C])(')$/, '‘'),
  typographicRule(/'$/, '’'),
  typographicRule(/--$/, '—'),
  typographicRule(/\.\.\.$/, '…')
]

/**
 * `---` (or `___`, `***`) alone at the start of a paragraph becomes a horizontal rule. The em dash
 * rule has turned the first two hyphens into `—` by the time the third is typed, so `—-` counts
 * as `---`. Text after the caret stays, in the paragraph after the rule.
 */
const horizontalRuleRule = new InputRule(/^(?:---|—-|___|\*\*\*)$/, (state, _match, start, end) => {
  const $start = state.doc.resolve(start)
  if ($start.parent.type !== nodes.paragraph || $start.depth < 1) return null
  return state.tr.delete(start, end).insert($start.before(), nodes.horizontal_rule.create())
})

/** Markdown-style shortcuts typed at the start of a block or around a word. */
export const markdownInputRules = (): Plugin =>
  inputRules({
    rules: [
      ...typography,
      textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading, (match) => ({ level: match[1]!.length })),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
      wrappingInputRule(/^\s*\[ ?\]\s$/, nodes.task_list),
      wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        nodes.ordered_list,
        (match) => ({ order: Number(match[1]) }),
        (match, node) => node.childCount + (node.attrs.order as number) === Number(match[1])
      ),
      textblockTypeInputRule(/^```$/, nodes.code_block),
      horizontalRuleRule,
      markInputRule(/(?:^|\s)(\*\*([^*]+)\*\*)$/, marks.bold),
      markInputRule(/(?:^|\s)(__([^_]+)__)$/, marks.bold),
      markInputRule(/(?:^|\s)(\*([^*\s][^*]*))\*$/, marks.italic),
      markInputRule(/(?:^|\s)(_([^_\s][^_]*))_$/, marks.italic),
      markInputRule(/(?:^|\s)(~~([^~]+)~~)$/, marks.strike),
      markInputRule(/(?:^|\s)(`([^`]+)`)$/, marks.code)
    ]
  })
