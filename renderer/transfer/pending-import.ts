import * as idb from 'lib0/indexeddb'
import type { ImportWarning } from '../../app/convert/import-warnings'

/**
 * An imported file waiting for its new document to open. Opening a document reloads the page, so
 * the converted content waits in IndexedDB (it can hold megabytes of pasted images, more than
 * sessionStorage takes) under the new document's name, and the editor screen applies it.
 */
export interface PendingImport {
  readonly fileName: string
  /** The converted document, as ProseMirror JSON. */
  readonly doc: unknown
  readonly warnings: readonly ImportWarning[]
}

const databaseName = 'ensemble-pending-imports'
const storeName = 'imports'

const withStore = async <T>(use: (store: IDBObjectStore) => Promise<T>): Promise<T> => {
  const db = await idb.openDB(databaseName, (database) => idb.createStores(database, [[storeName]]))
  try {
    const [store] = idb.transact(db, [storeName])
    return await use(store!)
  } finally {
    db.close()
  }
}

export const savePendingImport = (documentName: string, pending: PendingImport): Promise<void> =>
  withStore(async (store) => {
    await idb.put(store, JSON.stringify(pending), documentName)
  })

/** The import waiting for `documentName`, removed from the store, or `null`. */
export const takePendingImport = (documentName: string): Promise<PendingImport | null> =>
  withStore(async (store) => {
    const stored = (await idb.get(store, documentName)) as string | undefined
    if (stored === undefined) return null
    await idb.del(store, documentName)
    return JSON.parse(stored) as PendingImport
  })
