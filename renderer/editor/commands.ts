import { setBlockType, toggleMark, wrapIn, lift } from 'prosemirror-commands'
import type { MarkType, NodeType, Node, ResolvedPos } from 'prosemirror-model'
import { Selection, TextSelection, type Command, type EditorState } from 'prosemirror-state'
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

/**
 * `setBlockType` that keeps a paragraph's or heading's alignment (app/formatting/), as Google Docs
 * does when a centred paragraph becomes a heading.
 */
const setAlignedBlockType =
  (type: NodeType, attrs: Record<string, unknown> = {}): Command =>
  (state, dispatch) => {
    if (!changesBlockType(state, type, attrs)) return false
    if (dispatch !== undefined) {
      const tr = state.tr
      for (const { $from, $to } of state.selection.ranges) {
        tr.setBlockType($from.pos, $to.pos, type, (old) => ({ ...attrs, align: (old.attrs.align as unknown) ?? null }))
      }
      dispatch(tr.scrollIntoView())
    }
    return true
  }

/** Whether some textblock of the selection is not yet `type` with `attrs` (its alignment aside) and may become it. */
const changesBlockType = (state: EditorState, type: NodeType, attrs: Record<string, unknown>): boolean => {
  let applicable = false
  for (const { $from, $to } of state.selection.ranges) {
    state.doc.nodesBetween($from.pos, $to.pos, (node, pos) => {
      if (applicable || !node.isTextblock) return !applicable
      if (node.type === type && Object.entries(attrs).every(([name, value]) => node.attrs[name] === value)) return false
      const $pos = state.doc.resolve(pos)
      applicable = node.type === type || $pos.parent.canReplaceWith($pos.index(), $pos.index() + 1, type)
      return false
    })
  }
  return applicable
}

export const setParagraph = setAlignedBlockType(nodes.paragraph)
export const setHeading = (level: HeadingLevel): Command => setAlignedBlockType(nodes.heading, { level })
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

/**
 * Enter at the end of a code block that already ends in two empty lines: they go, and writing
 * continues in a new paragraph after the block. So Enter three times leaves a code block, as in
 * most editors, while one or two Enters still add lines to it.
 */
export const exitCodeBlockOnTripleEnter: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty || $from.parent.type !== nodes.code_block || $from.parentOffset !== $from.parent.content.size) return false
  if (!$from.parent.textContent.endsWith('\n\n') || !canFollowWithParagraph($from)) return false
  if (dispatch) {
    const tr = state.tr.delete($from.pos - 2, $from.pos)
    const after = tr.mapping.map($from.after())
    tr.insert(after, nodes.paragraph.create())
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView())
  }
  return true
}

/**
 * ArrowDown on the last line of a code block that nothing follows (the end of the document):
 * adds a paragraph after it and moves there. Without it the caret could never leave the block.
 */
export const exitCodeBlockDown: Command = (state, dispatch, view) => {
  const { $from, empty } = state.selection
  if (!empty || $from.parent.type !== nodes.code_block || !canFollowWithParagraph($from)) return false
  const onLastLine = view === undefined ? !$from.parent.textContent.slice($from.parentOffset).includes('\n') : view.endOfTextblock('down')
  if (!onLastLine) return false
  // Somewhere to go after the block: the default motion goes there.
  if (Selection.findFrom(state.doc.resolve($from.after()), 1) !== null) return false
  if (dispatch) {
    const tr = state.tr.insert($from.after(), nodes.paragraph.create())
    dispatch(tr.setSelection(TextSelection.create(tr.doc, $from.after() + 1)).scrollIntoView())
  }
  return true
}

const canFollowWithParagraph = ($pos: ResolvedPos): boolean => {
  const index = $pos.index(-1) + 1
  return $pos.node(-1).canReplaceWith(index, index, nodes.paragraph)
}
