import type { MarkType, Node } from 'prosemirror-model'
import type { Command, EditorState } from 'prosemirror-state'
import { isAlignment, type Alignment } from '../../../app/formatting'
import { schema } from '../../../app/schema'

/** Commands for text colour, highlight and alignment; each returns `false` where it does not apply. */

export const textColorMark = schema.marks.text_color as MarkType
export const highlightMark = schema.marks.highlight as MarkType

/** Whether `type` may go on the selection: some of its text (or the cursor's block) allows the mark. */
const markApplies = (state: EditorState, type: MarkType): boolean => {
  const { empty, $from, ranges } = state.selection
  if (empty) return $from.parent.inlineContent && $from.parent.type.allowsMarkType(type)
  return ranges.some(({ $from: start, $to: end }) => {
    let applies = start.depth === 0 && state.doc.type.allowsMarkType(type)
    state.doc.nodesBetween(start.pos, end.pos, (node) => {
      if (applies) return false
      applies = node.inlineContent && node.type.allowsMarkType(type)
      return true
    })
    return applies
  })
}

/**
 * Sets mark `type` (text colour or highlight) to palette colour `color` on the selection, or
 * removes it with `null`; with an empty selection it applies to what is typed next, as bold does.
 */
export const setColorMark =
  (type: MarkType, color: string | null): Command =>
  (state, dispatch) => {
    if (!markApplies(state, type)) return false
    if (dispatch === undefined) return true
    const { empty, ranges } = state.selection
    const tr = state.tr
    if (empty) {
      tr.removeStoredMark(type)
      if (color !== null) tr.addStoredMark(type.create({ color }))
    } else {
      for (const { $from, $to } of ranges) {
        tr.removeMark($from.pos, $to.pos, type)
        if (color !== null) tr.addMark($from.pos, $to.pos, type.create({ color }))
      }
      tr.scrollIntoView()
    }
    dispatch(tr)
    return true
  }

/** The colour name of mark `type` at the cursor or the selection's start, or `null`. */
export const activeColor = (state: EditorState, type: MarkType): string | null => {
  const { empty, $from, from, to } = state.selection
  if (empty) return (type.isInSet(state.storedMarks ?? $from.marks())?.attrs.color as string | undefined) ?? null
  let found: string | null = null
  state.doc.nodesBetween(from, to, (node) => {
    if (found !== null) return false
    if (node.isInline) found = (type.isInSet(node.marks)?.attrs.color as string | undefined) ?? null
    return true
  })
  return found
}

const alignable = (node: Node): boolean => node.type === schema.nodes.paragraph || node.type === schema.nodes.heading

/** Aligns every paragraph and heading the selection touches; `left` is stored as no alignment. */
export const setAlignment =
  (align: Alignment): Command =>
  (state, dispatch) => {
    const value = align === 'left' ? null : align
    const targets: number[] = []
    for (const { $from, $to } of state.selection.ranges) {
      state.doc.nodesBetween($from.pos, $to.pos, (node, pos) => {
        if (alignable(node)) targets.push(pos)
        return !node.isTextblock
      })
    }
    if (targets.length === 0) return false
    if (dispatch !== undefined) {
      const tr = state.tr
      for (const pos of targets) if (tr.doc.nodeAt(pos)?.attrs.align !== value) tr.setNodeAttribute(pos, 'align', value)
      dispatch(tr)
    }
    return true
  }

/** The alignment of the block at the selection's start (`left` when it has none). */
export const activeAlignment = (state: EditorState): Alignment => {
  const align = state.selection.$from.parent.attrs.align as unknown
  return isAlignment(align) ? align : 'left'
}
