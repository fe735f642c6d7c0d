import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeManyUpdates } from './merge-updates'

/** Every update of a seeded run of typing and deleting, one per keystroke, as an editor sends them. */
const keystrokes = (count: number): { updates: Uint8Array[]; doc: Y.Doc } => {
  const doc = new Y.Doc({ gc: false })
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('text')
  let seed = 7
  const random = (below: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % below
  }
  for (let i = 0; i < count; i++) {
    if (text.length > 10 && random(4) === 0) text.delete(random(text.length - 1), 1)
    else text.insert(random(text.length + 1), String.fromCharCode(97 + random(26)))
  }
  return { updates, doc }
}

const docFrom = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, update)
  return doc
}

describe('mergeManyUpdates', () => {
  it('gives the document that applying every update gives, structs and deletions alike', () => {
    const { updates, doc } = keystrokes(3_000)
    const merged = docFrom(mergeManyUpdates(updates))
    expect(merged.getText('text').toString()).toBe(doc.getText('text').toString())
    expect(Y.equalSnapshots(Y.snapshot(merged), Y.snapshot(doc))).toBe(true)
    expect(mergeManyUpdates(updates)).toEqual(Y.mergeUpdates(updates))
  })

  it('handles one update and none', () => {
    const { updates } = keystrokes(1)
    expect(mergeManyUpdates(updates)).toBe(updates[0])
    expect(mergeManyUpdates([])).toEqual(Y.mergeUpdates([]))
  })
})
