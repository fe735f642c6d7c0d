import type { Command } from 'prosemirror-state'
import { TextSelection } from 'prosemirror-state'
import { nodes, setCodeBlock, setHeading, setParagraph, toggleBlockquote, toggleList } from '../commands'
import { openImageForm } from '../image-form'
import type { Matchable } from '../suggest'
import { slashMenuStrings as strings } from './strings'

/** A choice of the slash menu: what it is called and found by, and the command that makes the block. */
export interface BlockTypeItem extends Matchable {
  readonly id: string
  readonly icon: string
  /** Runs on the block once the `/query` text is gone; returns `false` where that kind of block cannot go. */
  readonly command: Command
}

/** A divider before the (empty) block, which stays for writing on, as the `---` input rule does. */
const insertDivider: Command = (state, dispatch) => {
  const { $from } = state.selection
  if ($from.depth < 1 || $from.parent.content.size > 0) return false
  const index = $from.index(-1)
  if (!$from.node(-1).canReplaceWith(index, index, nodes.horizontal_rule)) return false
  dispatch?.(state.tr.insert($from.before(), nodes.horizontal_rule.create()).scrollIntoView())
  return true
}

/** Types a trigger character, so that its own menu (mentions, emoji) opens. */
const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    const tr = state.tr.insertText(text)
    dispatch?.(tr.setSelection(TextSelection.create(tr.doc, state.selection.from + text.length)))
    return true
  }

/** An entry whose label and keywords are read from the catalogue each time, in the current language. */
const item = (id: string, icon: string, words: Parameters<typeof strings.words>[0], command: Command): BlockTypeItem => ({
  id,
  icon,
  get label() {
    return strings.words(words).label
  },
  get keywords() {
    return strings.words(words).keywords
  },
  command
})

/**
 * The block types the slash menu offers, in the order shown. Data, so that another feature's
 * block (a table) is one more entry and a translation changes only the message catalogue.
 */
export const blockTypeItems: readonly BlockTypeItem[] = [
  item('paragraph', '¶', 'paragraph', setParagraph),
  item('heading-1', 'H1', 'heading1', setHeading(1)),
  item('heading-2', 'H2', 'heading2', setHeading(2)),
  item('heading-3', 'H3', 'heading3', setHeading(3)),
  item('bullet_list', '•', 'bulletList', toggleList(nodes.bullet_list)),
  item('ordered_list', '1.', 'orderedList', toggleList(nodes.ordered_list)),
  item('task_list', '☑', 'taskList', toggleList(nodes.task_list)),
  item('blockquote', '❝', 'blockquote', toggleBlockquote),
  item('code_block', '</>', 'codeBlock', setCodeBlock),
  item('horizontal_rule', '―', 'divider', insertDivider),
  item('image', '🖼', 'image', openImageForm),
  item('mention', '@', 'mention', typeText('@')),
  item('emoji', '☺', 'emoji', typeText(':'))
]
