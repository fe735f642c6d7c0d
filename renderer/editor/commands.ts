import { setBlockType, toggleMark, wrapIn, lift } from 'prosemirror-commands'
import type { MarkType, NodeType, Node } from 'prosemirror-model'
import type { Command, EditorState } from 'prosemirror-state'
import { liftListItem, wrapInList } from 'prosemirror-schema-list'
import { schema, type HeadingLevel } from '../../app/schema'

/** Commands of the editor, named for what they do. Each returns `false` when it does not apply. */

export const nodes = schema.nodes as Record<
  | 'doc' | 'paragraph' | 'heading' | 'blockquote' | 'code_block' | 'horizontal_rule' | 'bullet_list' | 'ordered_list'
  | 'list_item' | 'task_list' | 'task_item' | 'text' | 'image' | 'hard_break',
  NodeType
>
export const marks = schema.marks as Record<'link' | 'bold' | 'italic' | 'underline' | 'strike' | 'code', MarkType>

export const toggleBold = toggleMark(marks.bold)
export const toggleItalic = toggleMark(marks.italic)
export const toggleUnderline = toggleMark(marks.underline)
export const toggleStrike = toggleMark(marks.strike)
export const toggleInlineCode = toggleMark(marks.code)

export const setParagraph = setBlockType(nodes.paragraph)
export const setHeading = (level: HeadingLevel): Command => setBlockType(nodes.heading, { level })
export const setCodeBlock = setBlockType(nodes.code_block)

/** Wraps the selection in a blockquote, or lifts it out when it already is in one. */
export const toggleBlockquote: Command = (state, dispatch) =>
  isInside(state, nodes.blockquote) ? lift(state, dispatch) : wrapIn(nodes.blockquote)(state, dispatch)

/** Turns the selected blocks into a list of `listType`, or lifts them out when they already are one. */
export const toggleList =
  (listType: NodeType): Command =>
  (state, dispatch) => {
    const itemType = listType === nodes.task_list ? nodes.task_item : nodes.list_item
    if (isInside(state, listType)) return liftListItem(itemType)(state, dispatch)
    return wrapInList(listType)(state, dispatch)
  }

export const insertHorizontalRule: Command = (state, dispatch) => {
  if (!canInsert(state, nodes.horizontal_rule)) return false
  dispatch?.(state.tr.replaceSelectionWith(nodes.horizontal_rule.create()).scrollIntoView())
  return true
}

export const insertHardBreak: Command = (state, dispatch) => {
  if (!canInsert(state, nodes.hard_break)) return false
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView())
  return true
}

/** Inserts an image at the selection; `src` is an http(s) URL or a `data:image/…` URL. */
export const insertImage =
  (src: string, alt = ''): Command =>
  (state, dispatch) => {
    if (!canInsert(state, nodes.image)) return false
    dispatch?.(state.tr.replaceSelectionWith(nodes.image.create({ src, alt })).scrollIntoView())
    return true
  }

/** Whether the selection's start lies inside a node of `type`. */
export const isInside = (state: EditorState, type: NodeType): boolean => {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type === type) return true
  return false
}

/** Whether mark `type` is active: stored or at the cursor for an empty selection, anywhere in a range. */
export const isMarkActive = (state: EditorState, type: MarkType): boolean => {
  const { from, to, empty, $from } = state.selection
  if (empty) return type.isInSet(state.storedMarks ?? $from.marks()) !== undefined
  return state.doc.rangeHasMark(from, to, type)
}

/** The block type at the selection's start: `paragraph`, `heading-2`, `code_block`… */
export const activeBlockType = (state: EditorState): string => {
  const parent: Node = state.selection.$from.parent
  return parent.type === nodes.heading ? `heading-${parent.attrs.level as number}` : parent.type.name
}

/** Whether a node of `type` can be inserted at the selection (possibly after splitting). */
export const canInsert = (state: EditorState, type: NodeType): boolean => {
  const { $from } = state.selection
  for (let depth = $from.depth; depth >= 0; depth--) {
    const index = $from.index(depth)
    if ($from.node(depth).canReplaceWith(index, index, type)) return true
  }
  return false
}
