/**
 * Test support for the document models: documents written the way the editor writes them
 * (y-prosemirror's diff of a ProseMirror document into the fragment), read back as text, and
 * copies that exchange updates like two clients of a relay. Imported by tests only.
 */
import type { Node } from 'prosemirror-model'
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from 'y-prosemirror'
import * as Y from 'yjs'
import { createDocumentDoc, documentFragmentName } from '../document'
import { schema } from '../schema'
import type { PositionMapping } from '../comments/anchors'

/** A copy of a document as one client holds it. */
export interface Copy {
  readonly doc: Y.Doc
  readonly fragment: Y.XmlFragment
}

export const createCopy = (): Copy => {
  const doc = createDocumentDoc()
  return { doc, fragment: doc.getXmlFragment(documentFragmentName) }
}

/** A ProseMirror document of one paragraph per string. */
export const paragraphs = (...texts: string[]): Node =>
  schema.node('doc', null, texts.map((text) => schema.node('paragraph', null, text === '' ? [] : [schema.text(text)])))

/** Makes `copy` show `content`, as an editor would write the difference (origin: y-prosemirror's sync key). */
export const write = (copy: Copy, content: Node): void => {
  copy.doc.transact(() => updateYFragment(copy.doc, copy.fragment, content, { mapping: new Map(), isOMark: new Map() }), ySyncPluginKey)
}

/** The copy's content as ProseMirror reads it, with the mapping y-prosemirror's position helpers need. */
export const view = (copy: Copy): { doc: Node; mapping: PositionMapping } => {
  const { doc, mapping } = initProseMirrorDoc(copy.fragment, schema)
  return { doc, mapping }
}

/** The copy's text, blocks separated by newlines. */
export const textOf = (copy: Copy): string => {
  const { doc } = view(copy)
  return doc.textBetween(0, doc.content.size, '\n')
}

/** Brings every copy up to date with every other, like clients meeting at a relay. */
export const exchange = (...copies: Copy[]): void => {
  for (const from of copies) {
    for (const to of copies) {
      if (from !== to) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote')
    }
  }
}

/** The ProseMirror position of the first occurrence of `text` in the copy (throws when absent). */
export const positionOf = (copy: Copy, text: string): { from: number; to: number } => {
  const { doc } = view(copy)
  let found: { from: number; to: number } | null = null
  doc.descendants((node, pos) => {
    if (found !== null || !node.isText) return found === null
    const index = node.text!.indexOf(text)
    if (index >= 0) found = { from: pos + index, to: pos + index + text.length }
    return false
  })
  if (found === null) throw new RangeError(`"${text}" is not in the document: ${JSON.stringify(textOf(copy))}`)
  return found
}
