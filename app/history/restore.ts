import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { schema } from '../schema'
import { VersionError, type Version } from './versions'

/** Transaction origin of a restore when the caller names none. */
export const restoreOrigin = Symbol('restore a version')

/**
 * Makes `fragment` show `version`'s content again, as one new change on top of the current
 * document: text added since is deleted, text removed since is inserted anew. Nothing in the past
 * is rewritten, so every version (the current state included, if it was saved) can still be shown
 * and restored, and everyone connected sees the restore like any other edit.
 *
 * The change is the smallest one y-prosemirror's own diff finds (`updateYFragment`, as the editor
 * writes its edits), so unchanged paragraphs keep their identity, and with it their comments and
 * cursors. Pass the editor's sync origin as `origin` to make the restore undoable there.
 */
export const restoreVersion = (fragment: Y.XmlFragment, version: Version, origin: unknown = restoreOrigin): void => {
  const doc = fragment.doc
  if (doc === null) throw new VersionError('Cannot restore a version into a fragment that belongs to no document.')
  const rootName = [...doc.share.entries()].find(([, type]) => type === (fragment as unknown))?.[0]
  if (rootName === undefined) throw new VersionError('Cannot restore a version into a fragment that is not a top-level type of its document.')
  let past: Y.Doc
  try {
    past = Y.createDocFromSnapshot(doc, version.snapshot)
  } catch (error) {
    throw new VersionError(
      `Cannot rebuild version "${version.name}": ${error instanceof Error ? error.message : String(error)}. ` +
        'The document was probably loaded with garbage collection on; reload it from a relay that keeps history.',
      { cause: error }
    )
  }
  try {
    const content = yXmlFragmentToProseMirrorRootNode(past.getXmlFragment(rootName), schema)
    doc.transact(() => updateYFragment(doc, fragment, content, { mapping: new Map(), isOMark: new Map() }), origin)
  } finally {
    past.destroy()
  }
}
