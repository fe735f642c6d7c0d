import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateConsistencyProblem } from './update-consistency'

/** A string item as a forger would write it. */
interface ForgedItem {
  client: number
  clock: number
  text: string
  left?: [number, number]
  right?: [number, number]
  /** Root type name, or the id of a nested type's item; written only when the item has no neighbours. */
  parent?: string | [number, number]
  key?: string
}

/** Encodes items (one section per run of the same client) and deleted ranges as a V1 update. */
const forge = (items: ForgedItem[], deleted: [client: number, clock: number, length: number][] = []): Uint8Array => {
  const encoder = new Y.UpdateEncoderV1()
  const sections: ForgedItem[][] = []
  for (const item of items) {
    const last = sections[sections.length - 1]
    if (last !== undefined && last[0]!.client === item.client) last.push(item)
    else sections.push([item])
  }
  encoding.writeVarUint(encoder.restEncoder, sections.length)
  for (const section of sections) {
    encoding.writeVarUint(encoder.restEncoder, section.length)
    encoder.writeClient(section[0]!.client)
    encoding.writeVarUint(encoder.restEncoder, section[0]!.clock)
    for (const item of section) {
      const hasParent = item.left === undefined && item.right === undefined
      encoder.writeInfo(4 | (item.left ? 0x80 : 0) | (item.right ? 0x40 : 0) | (hasParent && item.key !== undefined ? 0x20 : 0))
      if (item.left) encoder.writeLeftID(Y.createID(...item.left))
      if (item.right) encoder.writeRightID(Y.createID(...item.right))
      if (hasParent) {
        if (Array.isArray(item.parent)) {
          encoder.writeParentInfo(false)
          encoder.writeLeftID(Y.createID(...item.parent))
        } else {
          encoder.writeParentInfo(true)
          encoder.writeString(item.parent ?? 'text')
        }
        if (item.key !== undefined) encoder.writeString(item.key)
      }
      encoder.writeString(item.text)
    }
  }
  encoding.writeVarUint(encoder.restEncoder, deleted.length)
  for (const [client, clock, length] of deleted) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, 1)
    encoder.writeDsClock(clock)
    encoder.writeDsLen(length)
  }
  return encoder.toUint8Array()
}

const problemOf = (doc: Y.Doc, update: Uint8Array): string | null => updateConsistencyProblem(doc, Y.decodeUpdate(update))

/** A document holding "ab" in `text` (client 1, clocks 0-1) and "c" in `other` (client 2, clock 0). */
const seeded = (): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(
    doc,
    forge([
      { client: 2, clock: 0, text: 'c', parent: 'other' },
      { client: 1, clock: 0, text: 'ab', parent: 'text' }
    ])
  )
  return doc
}

describe('updateConsistencyProblem', () => {
  it('accepts what Yjs documents produce, including edits between existing items', () => {
    const doc = seeded()
    expect(problemOf(doc, forge([{ client: 3, clock: 0, text: 'x', left: [1, 0], right: [1, 1] }]))).toBeNull()
    const editor = new Y.Doc()
    const updates: Uint8Array[] = []
    editor.on('update', (update: Uint8Array) => updates.push(update))
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(doc))
    editor.getText('text').insert(1, 'between')
    editor.getText('other').delete(0, 1)
    editor.getMap('map').set('k', 1)
    editor.getMap('map').set('k', 2)
    for (const update of updates) expect(problemOf(doc, update)).toBeNull()
  })

  it('refuses an item whose neighbours are in different lists', () => {
    expect(problemOf(seeded(), forge([{ client: 3, clock: 0, text: 'x', left: [1, 0], right: [2, 0] }]))).toMatch(
      /client 3 at clock 0 has its left and right neighbours in different lists/
    )
    // Also when a neighbour is in the same update.
    const update = forge([
      { client: 3, clock: 0, text: 'y', left: [2, 0] },
      { client: 4, clock: 0, text: 'z', left: [3, 0], right: [1, 1] }
    ])
    expect(problemOf(seeded(), update)).toMatch(/client 4 at clock 0 has its left and right neighbours in different lists/)
  })

  it('refuses references to the item’s own future', () => {
    expect(problemOf(seeded(), forge([{ client: 3, clock: 0, text: 'x', left: [3, 4] }]))).toMatch(/refers to its own future \(clock 4\)/)
  })

  it('refuses a client that appears twice, and deleted ranges without length', () => {
    const twice = forge([
      { client: 3, clock: 0, text: 'x', parent: 'text' },
      { client: 4, clock: 0, text: 'y', parent: 'text' },
      { client: 3, clock: 1, text: 'z', parent: 'text' }
    ])
    expect(problemOf(seeded(), twice)).toMatch(/client 3 appears twice/)
    expect(problemOf(seeded(), forge([], [[1, 0, 0]]))).toMatch(/client 1 has a deleted range of length 0 at clock 0/)
    expect(problemOf(seeded(), forge([], [[1, 2 ** 52, 2 ** 52]]))).toMatch(/deleted range/)
  })

  it('refuses a map entry with a right neighbour', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, forge([{ client: 1, clock: 0, text: 'v', parent: 'map', key: 'k' }]))
    expect(problemOf(doc, forge([{ client: 3, clock: 0, text: 'w', parent: 'map', key: 'k' }]))).toBeNull()
    const forged = Y.decodeUpdate(forge([{ client: 3, clock: 0, text: 'w', left: [1, 0], right: [1, 0] }]))
    ;(forged.structs[0] as Y.Item).parentSub = 'k'
    expect(updateConsistencyProblem(doc, forged)).toMatch(/map entry of client 3 at clock 0 has a right neighbour/)
  })

  it('refuses a live map entry spanning several clocks, and accepts merged deleted ones', () => {
    const doc = new Y.Doc()
    const run = forge([{ client: 3, clock: 0, text: 'abcd', parent: 'map', key: 'k' }])
    expect(problemOf(doc, run)).toMatch(/map entry of client 3 at clock 0 spans 4 clocks but is not deleted/)
    // Also when the key is inherited from the entry's left neighbour.
    Y.applyUpdate(doc, forge([{ client: 1, clock: 0, text: 'v', parent: 'map', key: 'k' }]))
    expect(problemOf(doc, forge([{ client: 3, clock: 0, text: 'wxyz', left: [1, 0] }]))).toMatch(/spans 4 clocks/)
    // A list item may span many clocks, and a map entry deleted in the same update may too.
    expect(problemOf(doc, forge([{ client: 3, clock: 0, text: 'abcd', parent: 'text' }]))).toBeNull()
    expect(problemOf(doc, forge([{ client: 3, clock: 0, text: 'abcd', parent: 'map', key: 'k' }], [[3, 0, 4]]))).toBeNull()
    expect(problemOf(doc, forge([{ client: 3, clock: 0, text: 'abcd', parent: 'map', key: 'k' }], [[3, 0, 3]]))).toMatch(/spans 4/)
    // Deleted ranges count together however they are split or ordered, but a gap leaves it live.
    const entry = [{ client: 3, clock: 0, text: 'abcd', parent: 'map', key: 'k' }]
    expect(problemOf(doc, forge(entry, [[3, 2, 2], [3, 0, 2]]))).toBeNull()
    expect(problemOf(doc, forge(entry, [[3, 1, 3], [3, 0, 2]]))).toBeNull()
    expect(problemOf(doc, forge(entry, [[3, 3, 1], [3, 0, 2]]))).toMatch(/spans 4/)
    expect(problemOf(doc, forge(entry, [[3, 1, 3]]))).toMatch(/spans 4/)
    // What Yjs itself produces: consecutive values of a key, merged once deleted (their content
    // garbage-collected, or kept and deleted by the update's delete set).
    for (const gc of [true, false]) {
      const editor = new Y.Doc({ gc })
      for (const value of [1, 2, 3, 4]) editor.getMap('map').set('k', value)
      const update = Y.encodeStateAsUpdate(editor)
      expect(Y.decodeUpdate(update).structs[0]!.length).toBe(3)
      expect(problemOf(new Y.Doc(), update)).toBeNull()
    }
  })

  it('refuses an item overlapping a struct of another list that Yjs would make its left neighbour', () => {
    // Relay fuzz seed 1801299264: the document holds "ab" in text and, at the next clock, a map
    // entry. Yjs integrates the forged "xyz" from clock 3 on, to the right of that map entry.
    const doc = seeded()
    Y.applyUpdate(doc, forge([{ client: 1, clock: 2, text: 'v', parent: 'map', key: 'k' }]))
    const forged = forge([{ client: 1, clock: 1, text: 'xyz', left: [1, 0] }])
    expect(problemOf(doc, forged)).toMatch(/client 1 at clock 1 overlaps clock 2 of this document, which is in another list/)
    // Applied anyway, the rest ("z") lands next to the map entry and becomes the key's value.
    const applied = new Y.Doc()
    Y.applyUpdate(applied, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(applied, forged)
    expect([applied.getText('text').toString(), applied.getMap('map').get('k')]).toEqual(['ab', 'z'])
    // An honest resend overlapping the same item is fine.
    expect(problemOf(seeded(), forge([{ client: 1, clock: 1, text: 'bcd', left: [1, 0] }]))).toBeNull()
    expect(problemOf(doc, forge([{ client: 1, clock: 2, text: 'vw', parent: 'map', key: 'k' }], [[1, 2, 2]]))).toBeNull()
    // So is one overlapping the garbage a deleted nested type left: Yjs makes the rest garbage too.
    const collected = new Y.Doc()
    collected.clientID = 5
    collected.getMap('map').set('nested', new Y.Text('ab'))
    collected.getMap('map').delete('nested')
    expect(Y.getItem(collected.store, Y.createID(5, 1))).toBeInstanceOf(Y.GC)
    expect(problemOf(collected, forge([{ client: 5, clock: 1, text: 'abcd', parent: [5, 0] }]))).toBeNull()
  })

  it('does not judge references to content it has not seen; they wait for it', () => {
    expect(problemOf(seeded(), forge([{ client: 3, clock: 0, text: 'x', left: [9, 0], right: [2, 0] }]))).toBeNull()
  })
})
