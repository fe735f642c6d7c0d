import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import type * as Y from 'yjs'
import { schema } from '../schema'

/**
 * Reading and replacing a document's content in its Y.Doc, the way the editor's binding
 * (y-prosemirror) does, so that exporters and importers see and write exactly what the editor
 * shows. The fragment is the document's (`documentFragmentName`).
 */

/** The document in `fragment` as a ProseMirror node of the schema; an empty fragment gives one empty paragraph. */
export const readDocument = (fragment: Y.XmlFragment): Node => {
  const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema)
  return doc.childCount === 0 ? schema.topNodeType.createAndFill()! : doc
}

/**
 * Makes `fragment` hold `doc`, as one Yjs transaction with `origin`. y-prosemirror changes only what
 * differs, so unchanged paragraphs keep their identity (and whatever is anchored to them).
 * `fragment` must belong to a Y.Doc.
 */
export const replaceDocument = (fragment: Y.XmlFragment, doc: Node, origin?: unknown): void => {
  const ydoc = fragment.doc
  if (ydoc === null) throw new TypeError('replaceDocument needs a fragment that belongs to a Y.Doc')
  ydoc.transact(() => prosemirrorToYXmlFragment(doc, fragment), origin)
}
