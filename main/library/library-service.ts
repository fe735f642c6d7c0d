import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import writeFileAtomic from 'write-file-atomic'
import {
  emptyLibrary,
  forgetDocument,
  forgetRelay,
  parseLibrary,
  recordDocument,
  rememberRelay,
  type DocumentAddress,
  type DocumentKey,
  type Library,
  type RelayEntry
} from '../../app/library'
import { Emitter, type Disposable, type Event } from '../common/event'

/** The home screen's recent documents and remembered relays, shared by every window. */
export interface ILibraryService extends Disposable {
  readonly library: Library
  readonly onDidChangeLibrary: Event<Library>
  recordDocument(address: DocumentAddress): Promise<Library>
  forgetDocument(key: DocumentKey): Promise<Library>
  rememberRelay(relay: RelayEntry): Promise<Library>
  forgetRelay(url: string): Promise<Library>
}

export const libraryFileName = 'library.json'

/**
 * The library in `library.json` in the user-data folder. Changes apply one at a time, each to the
 * result of the one before (two windows recording at once both land), and each is written
 * atomically before it counts. The file holds relay tokens, so only the user may read it. A file
 * that cannot be read as a library is moved aside (`library.json.unreadable-<time>`), never
 * overwritten, and the library starts empty.
 */
export class LibraryService implements ILibraryService {
  private readonly emitter = new Emitter<Library>()
  readonly onDidChangeLibrary = this.emitter.event
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly file: string,
    private current: Library,
    private readonly now: () => number
  ) {}

  static async load(directory: string, logger: Logger, now: () => number = Date.now): Promise<LibraryService> {
    const file = join(directory, libraryFileName)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
      return new LibraryService(file, emptyLibrary, now)
    }
    let problem: string
    try {
      const parsed = parseLibrary(JSON.parse(text))
      if ('library' in parsed) return new LibraryService(file, parsed.library, now)
      problem = parsed.problem
    } catch (error) {
      problem = `not JSON (${(error as Error).message})`
    }
    const aside = `${file}.unreadable-${now()}`
    await rename(file, aside)
    logger.error({ file, aside }, `the library file was unreadable (${problem}); moved it to ${aside} and starting with an empty library`)
    return new LibraryService(file, emptyLibrary, now)
  }

  get library(): Library {
    return this.current
  }

  recordDocument(address: DocumentAddress): Promise<Library> {
    return this.change((library) => recordDocument(library, address, this.now()))
  }

  forgetDocument(key: DocumentKey): Promise<Library> {
    return this.change((library) => forgetDocument(library, key))
  }

  rememberRelay(relay: RelayEntry): Promise<Library> {
    return this.change((library) => rememberRelay(library, relay, this.now()))
  }

  forgetRelay(url: string): Promise<Library> {
    return this.change((library) => forgetRelay(library, url))
  }

  dispose(): void {
    this.emitter.dispose()
  }

  private change(apply: (library: Library) => Library): Promise<Library> {
    const result = this.queue.then(async () => {
      const next = apply(this.current)
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 })
      this.current = next
      this.emitter.fire(next)
      return next
    })
    // A failed write rejects its own caller and leaves the library as it was for the next change.
    this.queue = result.catch(() => undefined)
    return result
  }
}
