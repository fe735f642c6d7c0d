import type { LibraryBridge } from '../../app/bridge'
import { addressToRecord, emptyLibrary, forgetDocument, forgetRelay, parseLibrary, recordDocument, rememberRelay, type Library } from '../../app/library'

/** localStorage key of the library (recent documents and remembered relays). */
export const libraryStorageKey = 'ensemble.library'

/** What the browser library needs from the page; `window` in a browser. */
export interface LibraryPage {
  readonly localStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
  addEventListener(type: 'storage', listener: (event: { readonly key: string | null }) => void): void
  removeEventListener(type: 'storage', listener: (event: { readonly key: string | null }) => void): void
}

/**
 * The library of a browser, in localStorage under `libraryStorageKey`: the same shape and the same
 * changes as the desktop's `library.json` (`app/library.ts`). Documents on the relay that served
 * the page are recorded as local. Another tab's changes arrive through the `storage` event. A
 * stored value that is not a library is kept under `…unreadable-<time>` rather than overwritten.
 */
export const createWebLibrary = (page: LibraryPage, now: () => number = Date.now): LibraryBridge => {
  const listeners = new Set<(library: Library) => void>()
  const read = (): Library => {
    const raw = page.localStorage.getItem(libraryStorageKey)
    if (raw === null) return emptyLibrary
    let parsed: ReturnType<typeof parseLibrary>
    try {
      parsed = parseLibrary(JSON.parse(raw))
    } catch (error) {
      parsed = { problem: `not JSON (${error instanceof Error ? error.message : String(error)})` }
    }
    if ('library' in parsed) return parsed.library
    const aside = `${libraryStorageKey}.unreadable-${now()}`
    page.localStorage.setItem(aside, raw)
    page.localStorage.removeItem(libraryStorageKey)
    console.warn(`Ensemble: the stored list of recent documents was unreadable (${parsed.problem}); kept it as ${aside} and started a new one.`)
    return emptyLibrary
  }
  const change = async (apply: (library: Library) => Library): Promise<Library> => {
    // Checked before it is stored, as the desktop's IPC door checks it: one bad entry must not
    // make the whole stored library unreadable.
    const checked = parseLibrary(apply(read()))
    if ('problem' in checked) throw new RangeError(`not saved in the list of recent documents and relays: ${checked.problem}`)
    const next = checked.library
    try {
      page.localStorage.setItem(libraryStorageKey, JSON.stringify(next))
    } catch (error) {
      throw new Error(
        `the list of recent documents could not be saved: the browser's storage refused it (${error instanceof Error ? error.message : String(error)}); ` +
          'free some space or allow this site to store data',
        { cause: error }
      )
    }
    listeners.forEach((listener) => listener(next))
    return next
  }
  const onStorage = (event: { readonly key: string | null }): void => {
    if (event.key !== libraryStorageKey && event.key !== null) return
    const library = read()
    listeners.forEach((listener) => listener(library))
  }
  return {
    get: async () => read(),
    recordOpened: (target) => change((library) => recordDocument(library, addressToRecord(target), now())),
    forgetDocument: (key) => change((library) => forgetDocument(library, key)),
    rememberRelay: (relay) => change((library) => rememberRelay(library, relay, now())),
    forgetRelay: (url) => change((library) => forgetRelay(library, url)),
    onChanged: (listener) => {
      if (listeners.size === 0) page.addEventListener('storage', onStorage)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) page.removeEventListener('storage', onStorage)
      }
    }
  }
}
