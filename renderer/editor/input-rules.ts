import {
  InputRule,
  inputRules,
  textblockTypeInputRule,
  wrappingInputRule,
  ellipsis,
  emDash,
  smartQuotes
} from 'prosemirror-inputrules'
import type { MarkType } from 'prosemirror-model'
import type { Plugin } from 'prosemirror-state'
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

/** Markdown-style shortcuts typed at the start of a block or around a word. */
export const markdownInputRules = (): Plugin =>
  inputRules({
    rules: [
      ...smartQuotes,
      ellipsis,
      emDash,
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
      new InputRule(/^(?:---|___|\*\*\*)$/, (state, _match, start, end) => {
        const $start = state.doc.resolve(start)
        if ($start.parent.type !== nodes.paragraph || $start.depth < 1) return null
        const blockStart = $start.before()
        return state.tr.replaceWith(blockStart, end + 1, [nodes.horizontal_rule.create(), nodes.paragraph.create()])
      }),
      markInputRule(/(?:^|\s)(\*\*([^*]+)\*\*)$/, marks.bold),
      markInputRule(/(?:^|\s)(__([^_]+)__)$/, marks.bold),
      markInputRule(/(?:^|\s)(\*([^*\s][^*]*))\*$/, marks.italic),
      markInputRule(/(?:^|\s)(_([^_\s][^_]*))_$/, marks.italic),
      markInputRule(/(?:^|\s)(~~([^~]+)~~)$/, marks.strike),
      markInputRule(/(?:^|\s)(`([^`]+)`)$/, marks.code)
    ]
  })
