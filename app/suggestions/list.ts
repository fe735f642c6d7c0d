import type { Mark, MarkType, Node } from 'prosemirror-model'
import { suggestionAttrsOf, suggestionMarkTypes } from './marks'

/** One suggestion of a document: what one person proposed to insert, delete or replace in one go. */
export interface Suggestion {
  readonly id: string
  readonly author: string
  readonly time: number
  /** `replace` when it inserts and deletes text. */
  readonly kind: 'insert' | 'delete' | 'replace'
  /** The text it would add (pieces joined with a space where they are apart). */
  readonly inserted: string
  /** The text it would remove. */
  readonly deleted: string
  /** Where it starts in the document. */
  readonly from: number
}

/** One inline node under one suggestion mark. */
export interface SuggestionPiece {
  /** Where the node starts in the document. */
  readonly pos: number
  readonly node: Node
  readonly mark: Mark
  readonly side: 'inserted' | 'deleted'
}

const none: readonly SuggestionPiece[] = Object.freeze([])

/**
 * The pieces of each top-level block, positions from the block's start. Nodes never change, and
 * an edit replaces only the blocks it touches (y-prosemirror too keeps the nodes of unchanged
 * blocks), so a transaction looks inside the blocks it changed and nowhere else.
 */
const piecesOfBlock = new WeakMap<Node, readonly SuggestionPiece[]>()

const collectPieces = (block: Node, insertion: MarkType, deletion: MarkType): readonly SuggestionPiece[] => {
  const pieces: SuggestionPiece[] = []
  block.descendants((node, pos) => {
    if (!node.isInline) return true
    for (const mark of node.marks) {
      const side = mark.type === insertion ? 'inserted' : mark.type === deletion ? 'deleted' : null
      // The block's content starts one position after the block.
      if (side !== null) pieces.push({ pos: pos + 1, node, mark, side })
    }
    return false
  })
  return pieces.length === 0 ? none : pieces
}

const blockPieces = (block: Node): readonly SuggestionPiece[] => {
  let own = piecesOfBlock.get(block)
  if (own === undefined) {
    const { insertion, deletion } = suggestionMarkTypes(block.type.schema)
    own = collectPieces(block, insertion, deletion)
    piecesOfBlock.set(block, own)
  }
  return own
}

/** How many suggestion pieces a top-level block has; summed with `updatedBlockSum`, whether a document has any. */
export const blockSuggestionCount = (block: Node): number => blockPieces(block).length

/** How many suggestion pieces `doc` has. */
export const countSuggestionPieces = (doc: Node): number => {
  let count = 0
  doc.forEach((block) => {
    count += blockSuggestionCount(block)
  })
  return count
}

/** Every inline node of `doc` under a suggestion mark, once per mark, in document order. */
export const suggestionPieces = (doc: Node): SuggestionPiece[] => {
  const pieces: SuggestionPiece[] = []
  doc.forEach((block, offset) => {
    for (const piece of blockPieces(block)) pieces.push({ ...piece, pos: piece.pos + offset })
  })
  return pieces
}

const pieceText = (node: Node): string => (node.isText ? (node.text ?? '') : node.type.name === 'hard_break' ? ' ' : '￼')

/** Every suggestion in `doc`, in document order. */
export const listSuggestions = (doc: Node): Suggestion[] => {
  const found = new Map<string, { author: string; time: number; inserted: string[]; deleted: string[]; from: number; lastEnd: { inserted: number; deleted: number } }>()
  for (const { pos, node, mark, side } of suggestionPieces(doc)) {
    const { id, author, time } = suggestionAttrsOf(mark)
    let entry = found.get(id)
    if (entry === undefined) {
      entry = { author, time, inserted: [], deleted: [], from: pos, lastEnd: { inserted: -1, deleted: -1 } }
      found.set(id, entry)
    }
    const pieces = entry[side]
    const text = pieceText(node)
    // Contiguous pieces (split by other marks) read as one; pieces apart are joined with a space.
    if (entry.lastEnd[side] === pos && pieces.length > 0) pieces[pieces.length - 1] += text
    else pieces.push(text)
    entry.lastEnd[side] = pos + node.nodeSize
  }
  return [...found].map(([id, entry]) => {
    const inserted = entry.inserted.join(' ')
    const deleted = entry.deleted.join(' ')
    const kind = entry.inserted.length > 0 && entry.deleted.length > 0 ? 'replace' : entry.inserted.length > 0 ? 'insert' : 'delete'
    return { id, author: entry.author, time: entry.time, kind, inserted, deleted, from: entry.from }
  })
}
