import type { Node } from 'prosemirror-model'

/**
 * The run of top-level blocks by which `after` differs from `before`: blocks `first` to
 * `endBefore` (exclusive) of `before` became blocks `first` to `endAfter` of `after`. ProseMirror
 * (and y-prosemirror) keep the node objects of unchanged blocks, so comparing them by identity
 * from both ends finds the run without looking inside any block.
 */
export const changedBlocks = (before: Node, after: Node): { first: number; endBefore: number; endAfter: number } => {
  let first = 0
  while (first < before.childCount && first < after.childCount && before.child(first) === after.child(first)) first++
  let endBefore = before.childCount
  let endAfter = after.childCount
  while (endBefore > first && endAfter > first && before.child(endBefore - 1) === after.child(endAfter - 1)) {
    endBefore--
    endAfter--
  }
  return { first, endBefore, endAfter }
}

/**
 * The sum of `valueOf` over the top-level blocks of `after`, given its sum over `before`:
 * `valueOf` runs only for the blocks that changed. A word count or a count of marked pieces kept
 * up to date on every transaction, in time that does not grow with the document.
 */
export const updatedBlockSum = (before: Node, sumBefore: number, after: Node, valueOf: (block: Node) => number): number => {
  const { first, endBefore, endAfter } = changedBlocks(before, after)
  let sum = sumBefore
  for (let index = first; index < endBefore; index++) sum -= valueOf(before.child(index))
  for (let index = first; index < endAfter; index++) sum += valueOf(after.child(index))
  return sum
}
