import * as Y from 'yjs'
import { documentTypeNames } from '../document'
import { distinctColor, type UserProfile } from '../profile'
import type { Schedule } from './auto-versions'

type DeleteSet = Parameters<typeof Y.mergeDeleteSets>[0][number]

/** How long an author's deletions wait to be written into the document's PermanentUserData. */
export const deletionsWriteDelayMs = 1000

/**
 * A delete set as PermanentUserData stores one (`writeDeleteSet` with Yjs' V1 encoder, which
 * Yjs does not export): a V1 snapshot begins with exactly that, and PermanentUserData's reader
 * stops after the delete set, so the snapshot's empty state vector after it is never read.
 */
const encodeDeleteSet = (deletions: DeleteSet): Uint8Array => Y.encodeSnapshot(Y.createSnapshot(deletions, new Map()))

/**
 * Who wrote and who deleted what in a document, kept in the document itself so that every copy
 * can attribute a version's changes: Yjs' `PermanentUserData` (client ids and deletions per
 * author, keyed by display name) and each author's colour. y-prosemirror reads both when it shows
 * a version: added text in its author's colour, removed text in the colour of whoever removed it.
 */
export class DocumentAuthors {
  readonly permanentUserData: Y.PermanentUserData
  private readonly colors: Y.Map<string>
  private registeredAs: string | null = null
  private pendingDeletions: DeleteSet[] = []
  private cancelDeletionsWrite: (() => void) | null = null

  constructor(
    private readonly doc: Y.Doc,
    /** The content whose deletions are attributed; deletions elsewhere (a comment's status replaced) are not kept. */
    private readonly content: Y.XmlFragment,
    /** When the kept deletions are written (`flushDeletions`). */
    private readonly schedule: Schedule
  ) {
    this.permanentUserData = new Y.PermanentUserData(doc, doc.getMap(documentTypeNames.authors))
    this.colors = doc.getMap<string>(documentTypeNames.authorColors)
  }

  /**
   * Attributes this copy's edits (its client id) and deletions to `profile.name` from now on, and
   * records the colour: the profile's unless another author of this document has it
   * (`distinctColor`), so that a version tells its authors apart. Writes to the document, so only
   * someone who may edit calls it. A second call only updates the colour: a copy has one author.
   */
  register(profile: UserProfile): void {
    if (this.registeredAs === null) {
      this.registeredAs = profile.name
      // PermanentUserData would write each transaction's deletions as an entry of their own (an
      // update to send and a merge with all the author's earlier deletions, in every copy): they
      // are kept here and written together once a second instead.
      this.permanentUserData.setUserMapping(this.doc, this.doc.clientID, profile.name, {
        filter: (transaction, deletions) => {
          if ((transaction.changedParentTypes as Map<unknown, unknown>).has(this.content)) this.keepDeletions(deletions)
          return false
        }
      })
    }
    const name = this.registeredAs
    const others = this.all().filter((author) => author.name !== name).map((author) => author.color)
    const color = distinctColor(profile.color, others)
    if (this.colors.get(name) !== color) this.colors.set(name, color)
  }

  /**
   * Writes the deletions kept since the last write into the document, as one entry of this
   * author's in PermanentUserData; runs a second after the first of them, and should run when the
   * page is left.
   */
  flushDeletions(): void {
    this.cancelDeletionsWrite?.()
    this.cancelDeletionsWrite = null
    const user = this.registeredAs === null ? undefined : (this.permanentUserData.yusers.get(this.registeredAs) as Y.Map<unknown> | undefined)
    if (this.pendingDeletions.length === 0 || user === undefined) return
    const deletions = Y.mergeDeleteSets(this.pendingDeletions)
    this.pendingDeletions = []
    ;(user.get('ds') as Y.Array<Uint8Array>).push([encodeDeleteSet(deletions)])
  }

  private keepDeletions(deletions: DeleteSet): void {
    this.pendingDeletions.push(deletions)
    this.cancelDeletionsWrite ??= this.schedule(() => this.flushDeletions(), deletionsWriteDelayMs)
  }

  /** The author's colour (`#rrggbb`), or `undefined` for someone this document has no colour for. */
  colorOf(name: string): string | undefined {
    const color = this.colors.get(name)
    return typeof color === 'string' ? color : undefined
  }

  /** Every author with a colour. */
  all(): Array<{ name: string; color: string }> {
    const authors: Array<{ name: string; color: string }> = []
    this.colors.forEach((color, name) => {
      if (typeof color === 'string') authors.push({ name, color })
    })
    return authors
  }

  /** The author of the content with id `id` (who inserted it), or `null` when unknown. */
  authorOf(id: Y.ID): string | null {
    const user: unknown = this.permanentUserData.getUserByClientId(id.client)
    return typeof user === 'string' ? user : null
  }

  /**
   * Calls `listener` when the document's record of who wrote and who deleted what changes (an
   * author's deletions written here or arriving from another copy); returns the unsubscribe function.
   */
  onAttributionChanged(listener: () => void): () => void {
    const observer = (): void => listener()
    const users = this.permanentUserData.yusers as Y.Map<unknown>
    users.observeDeep(observer)
    return () => users.unobserveDeep(observer)
  }

  /** Calls `listener` when an author's colour changes; returns the unsubscribe function. */
  onColorsChanged(listener: () => void): () => void {
    const observer = (): void => listener()
    this.colors.observe(observer)
    return () => this.colors.unobserve(observer)
  }
}
