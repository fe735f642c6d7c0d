import { uuidv4 } from 'lib0/random'
import * as Y from 'yjs'
import { documentTypeNames } from '../document'
import type { UserProfile } from '../profile'
import { t } from '../i18n/translate'

/** `named`: saved by someone with a name they chose; `automatic`: taken by the app (a pause, a session's end, a restore). */
export type VersionKind = 'named' | 'automatic'

/** A saved state of a document: a Yjs snapshot (state vector and delete set) with who took it and when. */
export interface Version {
  readonly id: string
  readonly name: string
  readonly kind: VersionKind
  /** Milliseconds since the epoch, on the clock of the copy that took it. */
  readonly createdAt: number
  readonly author: UserProfile
  readonly snapshot: Y.Snapshot
}

export interface SaveVersionRequest {
  readonly name: string
  readonly kind: VersionKind
  readonly author: UserProfile
  readonly now: number
}

/** Longest version name `versionNameProblem` accepts. */
export const maxVersionNameLength = 100

/** Returns why `name` cannot name a version, or `null` when it can. */
export const versionNameProblem = (name: string): string | null => {
  const trimmed = name.trim()
  if (trimmed.length === 0) return t('history.nameEmpty')
  if (trimmed.length > maxVersionNameLength) {
    return t('history.nameTooLong', { length: trimmed.length, limit: maxVersionNameLength })
  }
  return null
}

/** Raised when a version cannot be saved or used; the message says why and what to do. */
export class VersionError extends Error {
  override name = 'VersionError'
}

/** How a version is stored: one plain entry of the `versions` array, the snapshot encoded. */
interface StoredVersion {
  readonly id: string
  readonly name: string
  readonly kind: VersionKind
  readonly createdAt: number
  readonly author: { readonly name: string; readonly color: string }
  readonly snapshot: Uint8Array
}

/**
 * A document's versions, kept in the document (`versions`, a `Y.Array`) so that everyone sees
 * the same list and a late joiner gets it with the content. A version is never changed or removed
 * once saved; restoring one is a new change (`restore.ts`), so the history only grows.
 *
 * Snapshots only render while the deleted content they refer to is still in the document, so the
 * document must be built without garbage collection (app/document.ts); the constructor checks.
 */
export class VersionHistory {
  private readonly records: Y.Array<unknown>
  private readonly decoded = new Map<Uint8Array, Y.Snapshot>()

  constructor(private readonly doc: Y.Doc) {
    if (doc.gc) {
      throw new VersionError('this Y.Doc collects garbage, so its versions could not be shown; build documents with createDocumentDoc() (app/document.ts)')
    }
    this.records = doc.getArray(documentTypeNames.versions)
  }

  /** Every version, oldest first (by creation time, then id, so every copy lists the same order). Malformed entries are skipped. */
  list(): Version[] {
    const versions: Version[] = []
    for (const record of this.records.toArray()) {
      const version = this.read(record)
      if (version !== null) versions.push(version)
    }
    return versions.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  get(id: string): Version | undefined {
    return this.list().find((version) => version.id === id)
  }

  /** The newest version, or `null` before the first one. */
  latest(): Version | null {
    return this.list().at(-1) ?? null
  }

  /** The version listed just before `version`, whose state its changes are shown against; `null` for the first. */
  previous(version: Version): Version | null {
    const versions = this.list()
    const index = versions.findIndex((candidate) => candidate.id === version.id)
    return index > 0 ? versions[index - 1]! : null
  }

  /** Saves the document's current state as a version. Throws `VersionError` for a name `versionNameProblem` refuses. */
  save(request: SaveVersionRequest, origin?: unknown): Version {
    const problem = versionNameProblem(request.name)
    if (problem !== null) throw new VersionError(t('history.cannotSave', { problem }))
    const snapshot = Y.snapshot(this.doc)
    const stored: StoredVersion = {
      id: uuidv4(),
      name: request.name.trim(),
      kind: request.kind,
      createdAt: request.now,
      author: { name: request.author.name, color: request.author.color },
      snapshot: Y.encodeSnapshot(snapshot)
    }
    this.doc.transact(() => this.records.push([stored]), origin)
    return { ...stored, snapshot }
  }

  /** Calls `listener` when versions are added (here or by anyone else); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    const observer = (): void => listener()
    this.records.observe(observer)
    return () => this.records.unobserve(observer)
  }

  private read(record: unknown): Version | null {
    if (typeof record !== 'object' || record === null) return null
    const { id, name, kind, createdAt, author, snapshot } = record as Partial<StoredVersion>
    if (typeof id !== 'string' || typeof name !== 'string' || (kind !== 'named' && kind !== 'automatic')) return null
    if (typeof createdAt !== 'number' || !(snapshot instanceof Uint8Array)) return null
    if (typeof author !== 'object' || author === null || typeof author.name !== 'string' || typeof author.color !== 'string') return null
    let decoded = this.decoded.get(snapshot)
    if (decoded === undefined) {
      try {
        decoded = Y.decodeSnapshot(snapshot)
      } catch {
        // A snapshot that does not decode cannot be shown; the entry is left out like any malformed one.
        return null
      }
      this.decoded.set(snapshot, decoded)
    }
    return { id, name, kind, createdAt, author: { name: author.name, color: author.color }, snapshot: decoded }
  }
}
