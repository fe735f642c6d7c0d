import * as Y from 'yjs'
import { createDocumentDoc } from '../../app/document'
import { StorageError, type DocumentStorage } from './document-storage'

/**
 * Appends to storage whatever `doc` holds that the stored document lacks (insertions and
 * deletions), then reads the document back and checks that storage now holds all of `doc` as it
 * was when storage was first read. Returns whether anything was appended; throws a
 * `StorageError` when the read-back lacks something.
 */
export const storeWhatStorageLacks = async (storage: DocumentStorage, name: string, doc: Y.Doc): Promise<boolean> => {
  const stored = await storage.load(name)
  // Taken right after the read, so a storage that refuses reads costs no encoding of the document.
  const expected = Y.encodeStateAsUpdate(doc)
  const storedDoc = createDocumentDoc()
  try {
    if (stored !== null) Y.applyUpdate(storedDoc, stored)
    if (Y.snapshotContainsUpdate(Y.snapshot(storedDoc), expected)) return false
    // The diff against the stored state vector carries the whole delete set, so deletions are kept too.
    await storage.append(name, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(storedDoc)))
  } finally {
    storedDoc.destroy()
  }
  if (!(await storageHolds(storage, name, expected))) {
    throw new StorageError(`document "${name}" read back from storage lacks edits that were just written to it`)
  }
  return true
}

/** Whether the stored document, read back now, holds everything of `update` (its insertions and deletions). */
const storageHolds = async (storage: DocumentStorage, name: string, update: Uint8Array): Promise<boolean> => {
  const stored = await storage.load(name)
  const storedDoc = createDocumentDoc()
  try {
    if (stored !== null) Y.applyUpdate(storedDoc, stored)
    return Y.snapshotContainsUpdate(Y.snapshot(storedDoc), update)
  } finally {
    storedDoc.destroy()
  }
}
