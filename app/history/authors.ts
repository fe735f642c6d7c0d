import * as Y from 'yjs'
import { documentTypeNames } from '../document'
import { distinctColor, type UserProfile } from '../profile'

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

  constructor(
    private readonly doc: Y.Doc,
    /** The content whose deletions are attributed; deletions elsewhere (a comment's status replaced) are not kept. */
    private readonly content: Y.XmlFragment
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
      this.permanentUserData.setUserMapping(this.doc, this.doc.clientID, profile.name, {
        filter: (transaction) => (transaction.changedParentTypes as Map<unknown, unknown>).has(this.content)
      })
    }
    const name = this.registeredAs
    const others = this.all().filter((author) => author.name !== name).map((author) => author.color)
    const color = distinctColor(profile.color, others)
    if (this.colors.get(name) !== color) this.colors.set(name, color)
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

  /** Calls `listener` when an author's colour changes; returns the unsubscribe function. */
  onColorsChanged(listener: () => void): () => void {
    const observer = (): void => listener()
    this.colors.observe(observer)
    return () => this.colors.unobserve(observer)
  }
}
