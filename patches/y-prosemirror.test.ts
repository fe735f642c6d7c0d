/**
 * The y-prosemirror patch (`y-prosemirror+1.3.7.patch`): the binding's mapping keeps an index of
 * the top-level blocks (`PositionIndexedMapping`), and the position conversions use it. Every
 * result must equal the unpatched walk's, which the same functions still take for a plain Map:
 * random documents and edits, every position, local and remote changes, in and out of
 * transactions and observer calls. A remote change replaces only the top-level blocks it changed.
 */
import type { Node } from 'prosemirror-model'
import { EditorState, NodeSelection, type Transaction } from 'prosemirror-state'
import type { ReplaceStep } from 'prosemirror-transform'
import { describe, expect, it } from 'vitest'
import {
  absolutePositionToRelativePosition,
  PositionIndexedMapping,
  ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  updateYFragment,
  ySyncPlugin
} from 'y-prosemirror'
import * as Y from 'yjs'
import { schema } from '../app/schema'

type Mapping = Map<Y.AbstractType<unknown>, Node | Node[]>

const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}

const { nodes } = schema
const words = ['alpha', 'beta', 'gamma', 'delta', ' ', 'x']

/** A random top-level block: paragraphs (some empty), headings, lists, quotes, rules, images. */
const randomBlock = (next: () => number): Node => {
  const text = (): Node[] => {
    const length = Math.floor(next() * 4)
    return length === 0 ? [] : [schema.text(Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(''))]
  }
  const kind = Math.floor(next() * 7)
  if (kind === 0) return nodes.heading!.create({ level: 1 + Math.floor(next() * 3) }, text())
  if (kind === 1) return nodes.bullet_list!.create(null, [nodes.list_item!.create(null, nodes.paragraph!.create(null, text()))])
  if (kind === 2) return nodes.blockquote!.create(null, nodes.paragraph!.create(null, text()))
  if (kind === 3) return nodes.horizontal_rule!.create()
  if (kind === 4) return nodes.paragraph!.create(null, [nodes.image!.create({ src: 'https://example.invalid/a.png' })])
  return nodes.paragraph!.create(null, text())
}

/** The document after one random edit: a block typed in, inserted, removed, replaced or split. */
const edit = (doc: Node, next: () => number): Node => {
  const blocks: Node[] = []
  doc.forEach((block) => blocks.push(block))
  const at = Math.floor(next() * blocks.length)
  const kind = Math.floor(next() * 5)
  if (kind === 0 || blocks.length === 0) blocks.splice(at, 0, randomBlock(next))
  else if (kind === 1 && blocks.length > 1) blocks.splice(at, 1)
  else if (kind === 2) blocks.splice(at, 1, randomBlock(next), randomBlock(next))
  else if (blocks[at]!.type === nodes.paragraph) {
    blocks[at] = nodes.paragraph!.create(null, blocks[at]!.content.append(nodes.paragraph!.create(null, schema.text('typed')).content))
  } else blocks[at] = randomBlock(next)
  return nodes.doc!.create(null, blocks)
}

const randomDoc = (next: () => number, count: number): Node =>
  nodes.doc!.create(null, Array.from({ length: count }, () => randomBlock(next)))

/** Runs `convert` twice, with the indexed mapping and with a plain copy of it: same result or same error. */
const same = <T>(convert: (mapping: Mapping) => T, indexed: Mapping, plain: Mapping): T | 'throws' => {
  const outcome = (mapping: Mapping): T | 'throws' => {
    try {
      return convert(mapping)
    } catch {
      return 'throws'
    }
  }
  const fast = outcome(indexed)
  expect(fast).toEqual(outcome(plain))
  return fast
}

/** Every position of the document, both ways, with both mappings. */
const expectSameConversions = (ydoc: Y.Doc, fragment: Y.XmlFragment, mapping: Mapping, size: number): void => {
  const plain = new Map(mapping)
  for (let pos = 0; pos <= size + 1; pos++) {
    const relative = same((m) => absolutePositionToRelativePosition(pos, fragment, m as never), mapping, plain)
    if (relative === 'throws') continue
    same((m) => relativePositionToAbsolutePosition(ydoc, fragment, relative, m as never), mapping, plain)
  }
  // Relative positions at top-level indexes (a cursor between blocks, the document's end).
  for (let index = 0; index <= fragment.length + 1; index++) {
    const relative = Y.createRelativePositionFromTypeIndex(fragment, Math.min(index, fragment.length), index > fragment.length ? -1 : 0)
    same((m) => relativePositionToAbsolutePosition(ydoc, fragment, relative, m as never), mapping, plain)
  }
}

const bound = (): { ydoc: Y.Doc; fragment: Y.XmlFragment; mapping: PositionIndexedMapping } => {
  const ydoc = new Y.Doc({ gc: false })
  const fragment = ydoc.getXmlFragment('prosemirror')
  return { ydoc, fragment, mapping: new PositionIndexedMapping(fragment) }
}

describe('y-prosemirror patch: PositionIndexedMapping', () => {
  it('is the binding’s default mapping', () => {
    const { fragment } = bound()
    expect(new ProsemirrorBinding(fragment).mapping).toBeInstanceOf(PositionIndexedMapping)
  })

  it('converts every position as the plain walk does, through random local edits', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const next = random(seed)
      const { ydoc, fragment, mapping } = bound()
      let doc = randomDoc(next, 1 + Math.floor(next() * 12))
      for (let step = 0; step < 25; step++) {
        updateYFragment(ydoc, fragment, doc, { mapping, isOMark: new Map() })
        expectSameConversions(ydoc, fragment, mapping, doc.content.size)
        doc = edit(doc, next)
      }
    }
  })

  it('converts as the plain walk does inside a transaction that changed the blocks, and in its observers', () => {
    const next = random(99)
    const { ydoc, fragment, mapping } = bound()
    const doc = randomDoc(next, 8)
    updateYFragment(ydoc, fragment, doc, { mapping, isOMark: new Map() })
    expectSameConversions(ydoc, fragment, mapping, doc.content.size)
    let observed = 0
    fragment.observeDeep(() => {
      observed++
      expectSameConversions(ydoc, fragment, mapping, doc.content.size + 4)
    })
    ydoc.transact(() => {
      fragment.insert(3, [new Y.XmlElement('paragraph')])
      fragment.delete(0, 1)
      // The mapping does not know the new block yet: as during y-prosemirror's own updates.
      expectSameConversions(ydoc, fragment, mapping, doc.content.size + 4)
    })
    expect(observed).toBe(1)
    expectSameConversions(ydoc, fragment, mapping, doc.content.size + 4)
  })

  it('converts as the plain walk does after remote edits and with blocks the mapping lacks', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const next = random(seed * 7)
      const local = bound()
      const remote = bound()
      let doc = randomDoc(next, 6)
      let remoteDoc = randomDoc(next, 3)
      for (let step = 0; step < 12; step++) {
        updateYFragment(remote.ydoc, remote.fragment, remoteDoc, { mapping: remote.mapping, isOMark: new Map() })
        Y.applyUpdate(local.ydoc, Y.encodeStateAsUpdate(remote.ydoc, Y.encodeStateVector(local.ydoc)))
        // The local mapping now lacks the remote blocks (y-prosemirror would render them next).
        expectSameConversions(local.ydoc, local.fragment, local.mapping, doc.content.size + remoteDoc.content.size)
        updateYFragment(local.ydoc, local.fragment, doc, { mapping: local.mapping, isOMark: new Map() })
        expectSameConversions(local.ydoc, local.fragment, local.mapping, doc.content.size)
        Y.applyUpdate(remote.ydoc, Y.encodeStateAsUpdate(local.ydoc, Y.encodeStateVector(remote.ydoc)))
        doc = edit(doc, next)
        remoteDoc = edit(remoteDoc, next)
      }
    }
  })

  it('follows deletions from and clearing of the mapping', () => {
    const next = random(5)
    const { ydoc, fragment, mapping } = bound()
    const doc = randomDoc(next, 10)
    updateYFragment(ydoc, fragment, doc, { mapping, isOMark: new Map() })
    expectSameConversions(ydoc, fragment, mapping, doc.content.size)
    mapping.delete(fragment.get(4))
    expectSameConversions(ydoc, fragment, mapping, doc.content.size)
    mapping.clear()
    expectSameConversions(ydoc, fragment, mapping, doc.content.size)
    updateYFragment(ydoc, fragment, doc, { mapping, isOMark: new Map() })
    expectSameConversions(ydoc, fragment, mapping, doc.content.size)
  })

  it('leaves a fragment with top-level text to the plain walk', () => {
    const { ydoc, fragment, mapping } = bound()
    fragment.insert(0, [new Y.XmlText('loose text'), new Y.XmlElement('paragraph')])
    expect(mapping.blockAt(3)).toBeNull()
    expectSameConversions(ydoc, fragment, mapping, 14)
  })

  it('skips the walk over the blocks before the position', () => {
    const { ydoc, fragment, mapping } = bound()
    const doc = randomDoc(random(3), 40)
    updateYFragment(ydoc, fragment, doc, { mapping, isOMark: new Map() })
    const lastStart = doc.content.size - doc.lastChild!.nodeSize
    expect(mapping.blockAt(lastStart + 1)).toEqual({ type: fragment.get(39), start: lastStart })
    expect(mapping.startOf(fragment.get(39))).toBe(lastStart)
  })
})

/**
 * A reader's binding as y-prosemirror's sync plugin sets it up, over an editor state without a
 * DOM: the binding needs the view's `state`, `dispatch` and `hasFocus`. Records every step it
 * dispatches.
 */
const reader = (fragment: Y.XmlFragment) => {
  let state = EditorState.create({ schema, plugins: [ySyncPlugin(fragment)] })
  const steps: ReplaceStep[] = []
  const view = {
    get state() {
      return state
    },
    dispatch: (tr: Transaction) => {
      for (const step of tr.steps) steps.push(step as ReplaceStep)
      state = state.apply(tr)
    },
    hasFocus: () => false
  }
  const binding = new ProsemirrorBinding(fragment)
  binding.initView(view as never)
  return { binding, view, steps }
}

/** The run of top-level blocks by which `after` differs from `before` (same node objects elsewhere). */
const changedRun = (before: Node, after: Node): { first: number; endBefore: number; endAfter: number } => {
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

describe('y-prosemirror patch: a remote change replaces only the blocks it changed', () => {
  it('gives the writer’s document, with the mapping’s nodes, through one step over the changed blocks', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const next = random(seed)
      const writer = bound()
      const readerDoc = new Y.Doc({ gc: false })
      const readerFragment = readerDoc.getXmlFragment('prosemirror')
      const { binding, view, steps } = reader(readerFragment)
      let doc = randomDoc(next, 1 + Math.floor(next() * 20))
      for (let round = 0; round < 30; round++) {
        updateYFragment(writer.ydoc, writer.fragment, doc, { mapping: writer.mapping, isOMark: new Map() })
        const before = view.state.doc
        steps.length = 0
        Y.applyUpdate(readerDoc, Y.encodeStateAsUpdate(writer.ydoc, Y.encodeStateVector(readerDoc)))
        const after = view.state.doc
        expect(after.eq(doc)).toBe(true)
        after.forEach((block, _offset, index) => expect(binding.mapping.get(readerFragment.get(index) as never)).toBe(block))
        if (round > 0) {
          // Blocks unchanged on the writer's side are unchanged on the reader's: the same nodes, outside the step.
          const { first, endBefore, endAfter } = changedRun(before, after)
          expect(steps).toHaveLength(1)
          const [step] = steps
          let from = 0
          for (let index = 0; index < first; index++) from += before.child(index).nodeSize
          let to = from
          for (let index = first; index < endBefore; index++) to += before.child(index).nodeSize
          expect({ from: step!.from, to: step!.to, blocks: step!.slice.content.childCount }).toEqual({ from, to, blocks: endAfter - first })
        }
        doc = edit(doc, next)
      }
      binding.destroy()
    }
  })
})

describe('y-prosemirror patch: a selected node that someone else deletes', () => {
  it('leaves the reader with the writer’s document and a valid selection', () => {
    const writer = bound()
    const readerDoc = new Y.Doc({ gc: false })
    const readerFragment = readerDoc.getXmlFragment('prosemirror')
    const { binding, view } = reader(readerFragment)
    const exchange = () => Y.applyUpdate(readerDoc, Y.encodeStateAsUpdate(writer.ydoc, Y.encodeStateVector(readerDoc)))
    const text = nodes.paragraph!.create(null, schema.text('text'))
    updateYFragment(writer.ydoc, writer.fragment, nodes.doc!.create(null, [text, nodes.horizontal_rule!.create()]), { mapping: writer.mapping, isOMark: new Map() })
    exchange()
    // The reader selects the rule at the end; the writer deletes it.
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, text.nodeSize)))
    updateYFragment(writer.ydoc, writer.fragment, nodes.doc!.create(null, [text]), { mapping: writer.mapping, isOMark: new Map() })
    exchange()
    expect(view.state.doc.eq(nodes.doc!.create(null, [text]))).toBe(true)
    expect(view.state.selection.from).toBeLessThanOrEqual(view.state.doc.content.size)
    binding.destroy()
  })
})
