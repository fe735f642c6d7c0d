import { Transform } from 'prosemirror-transform'
import { describe, expect, it } from 'vitest'
import { schema } from './schema'
import { changedBlocks, updatedBlockSum } from './changed-blocks'
import { countBlockWords, countWords } from './word-count'

const p = (text: string) => schema.node('paragraph', null, text === '' ? [] : [schema.text(text)])
const doc = (...blocks: ReturnType<typeof p>[]) => schema.node('doc', null, blocks)

describe('changedBlocks', () => {
  const a = p('one two')
  const b = p('three')
  const c = p('four five six')
  const before = doc(a, b, c)

  it('finds the run between the blocks both documents share, by identity', () => {
    expect(changedBlocks(before, doc(a, p('three and more'), c))).toEqual({ first: 1, endBefore: 2, endAfter: 2 })
    expect(changedBlocks(before, doc(a, b, p('new'), c))).toEqual({ first: 2, endBefore: 2, endAfter: 3 })
    expect(changedBlocks(before, doc(a, c))).toEqual({ first: 1, endBefore: 2, endAfter: 1 })
    expect(changedBlocks(before, before)).toEqual({ first: 3, endBefore: 3, endAfter: 3 })
    // An equal but new node counts as changed: nothing is looked at inside blocks.
    expect(changedBlocks(before, doc(p('one two'), b, c))).toEqual({ first: 0, endBefore: 1, endAfter: 1 })
  })

  it('keeps a sum over the blocks equal to counting them all, however the document changes', () => {
    let current = before
    let words = countWords(current)
    const edits = [
      (d: typeof before) => new Transform(d).insert(4, schema.text(' extra words')).doc,
      (d: typeof before) => doc(...d.children, p('seven eight')),
      (d: typeof before) => doc(p('zero'), ...d.children),
      (d: typeof before) => doc(...d.children.slice(1)),
      (d: typeof before) => doc(...d.children.slice(0, 1), p(''), ...d.children.slice(1)),
      () => doc(p('all new words here'))
    ]
    for (const edit of edits) {
      const next = edit(current)
      words = updatedBlockSum(current, words, next, countBlockWords)
      expect(words).toBe(countWords(next))
      current = next
    }
  })
})
