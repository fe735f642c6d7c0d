import * as Y from 'yjs'
import { createDocumentDoc } from '../../app/document'
import type { DocumentStorage } from './document-storage'

/**
 * Appends to storage whatever `doc` holds that the stored document lacks (insertions and
 * deletions). Returns whether anything was appended.
 */
export const appendWhatStorageLacks = async (storage: DocumentStorage, name: string, doc: Y.Doc): Promise<boolean> => {
  const stored = await storage.load(name)
  const storedDoc = createDocumentDoc()
  try {
    if (stored !== null) Y.applyUpdate(storedDoc, stored)
    if (Y.equalSnapshots(Y.snapshot(storedDoc), Y.snapshot(doc))) return false
    // The diff against the stored state vector carries the whole delete set, so deletions are kept too.
    await storage.append(name, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(storedDoc)))
    return true
  } finally {
    storedDoc.destroy()
  }
}
