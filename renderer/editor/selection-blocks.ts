import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'

export const selectionBlocksKey = new PluginKey('selection-blocks')

/** The class of the top-level blocks that hold the selection's ends. */
export const selectionBlockClass = 'selection-block'

/**
 * Marks the top-level blocks at the selection's anchor and head with `selection-block`. The
 * editor's CSS lets the browser skip the rendering of off-screen blocks (`content-visibility:
 * auto`), and a block it has not rendered yet, such as a paragraph that Enter has just made, edits
 * wrongly in Chromium (the caret ends up before the first character typed): the blocks where the
 * user writes are never skipped.
 */
export const selectionBlocksPlugin = (): Plugin =>
  new Plugin({
    key: selectionBlocksKey,
    props: { decorations: (state) => selectionBlockDecorations(state) }
  })

const selectionBlockDecorations = (state: EditorState): DecorationSet | null => {
  const { doc, selection } = state
  const blocks = new Set<number>()
  for (const pos of [selection.anchor, selection.head]) {
    const $pos = doc.resolve(pos)
    // At depth 0 the position is between blocks (a gap cursor, a selected rule): none is marked.
    if ($pos.depth > 0) blocks.add($pos.before(1))
  }
  if (blocks.size === 0) return null
  return DecorationSet.create(
    doc,
    [...blocks].map((from) => Decoration.node(from, from + doc.nodeAt(from)!.nodeSize, { class: selectionBlockClass }))
  )
}
