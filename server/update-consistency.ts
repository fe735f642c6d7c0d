import * as Y from 'yjs'

/**
 * Checks that a Yjs update could have come from a Yjs document, before the relay applies it.
 *
 * Yjs integrates whatever decodes. A forged struct whose references contradict each other (left
 * and right neighbours in different lists, a reference to its own future) either throws halfway
 * through integration, leaving the document half-changed, or integrates differently depending on
 * the order replicas receive it, so that clients stop converging. Honest Yjs documents never
 * produce such structs; the relay refuses them.
 */

type Struct = Y.Item | Y.GC | Y.Skip
/** What this file needs of a shared type: the item that holds it, `null` for a root type. */
type SharedType = { readonly _item: Y.Item | null }

/** The list a struct lives in: a root type by name or a nested type by its item's id, plus the map key. */
interface Placement {
  readonly parent: string
  readonly key: string | null
}

/** A placement, or `gc` where Yjs turns the struct into garbage, or `unknown` where it depends on content not seen yet. */
type Resolved = Placement | 'gc' | 'unknown'

/** Clocks past this lose integer precision in arithmetic on them. */
const maxClock = Number.MAX_SAFE_INTEGER / 2

/** A decoded update, as `Y.decodeUpdate` returns it. */
export interface DecodedUpdate {
  readonly structs: readonly Struct[]
  readonly ds: { readonly clients: Map<number, readonly DeletedRange[]> }
}

/** Returns why `update` (decoded) cannot come from a Yjs document, or `null`. */
export const updateConsistencyProblem = (doc: Y.Doc, { structs, ds }: DecodedUpdate): string | null => {
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      if (len < 1 || clock + len > maxClock) return `client ${client} has a deleted range of length ${len} at clock ${clock}`
    }
  }
  const byClient = new Map<number, Struct[]>()
  let previous: Struct | undefined
  for (const struct of structs) {
    const { client, clock } = struct.id
    if (struct.length < 1) return `a struct of client ${client} at clock ${clock} has no length`
    if (clock + struct.length > maxClock) return `a struct of client ${client} reaches clock ${clock + struct.length}`
    const list = byClient.get(client)
    if (list === undefined) byClient.set(client, [struct])
    else if (previous?.id.client !== client) return `client ${client} appears twice`
    else list.push(struct)
    previous = struct
    if (!(struct instanceof Y.Item)) continue
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
      if (ref !== null && ref.client === client && ref.clock >= clock) {
        return `a struct of client ${client} at clock ${clock} refers to its own future (clock ${ref.clock})`
      }
    }
    if (struct.parentSub !== null && struct.rightOrigin !== null) {
      return `a map entry of client ${client} at clock ${clock} has a right neighbour`
    }
  }
  return new PlacementCheck(doc, byClient, ds).problem()
}

type DeletedRange = { readonly clock: number; readonly len: number }

/**
 * The ranges an update deletes, per client, sorted and joined once, so that asking whether one
 * item is deleted is a binary search. (Sorting them again for every item made a 5 MB upload with
 * many tombstones cost the relay three seconds.)
 */
class DeletedClocks {
  private readonly joined = new Map<number, Array<{ start: number; end: number }>>()

  constructor(private readonly ds: DecodedUpdate['ds']) {}

  /** True when every clock from `clock` to `clock + length - 1` of `client` is deleted. */
  covers(client: number, clock: number, length: number): boolean {
    const ranges = this.rangesOf(client)
    let low = 0
    let high = ranges.length - 1
    let containing = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (ranges[middle]!.start <= clock) {
        containing = middle
        low = middle + 1
      } else high = middle - 1
    }
    return containing >= 0 && ranges[containing]!.end >= clock + length
  }

  private rangesOf(client: number): Array<{ start: number; end: number }> {
    let ranges = this.joined.get(client)
    if (ranges === undefined) {
      ranges = join(this.ds.clients.get(client) ?? [])
      this.joined.set(client, ranges)
    }
    return ranges
  }
}

/** Sorts `ranges` and joins those that overlap or touch. */
const join = (ranges: readonly DeletedRange[]): Array<{ start: number; end: number }> => {
  const joined: Array<{ start: number; end: number }> = []
  for (const range of [...ranges].sort((a, b) => a.clock - b.clock)) {
    const last = joined[joined.length - 1]
    if (last !== undefined && range.clock <= last.end) last.end = Math.max(last.end, range.clock + range.len)
    else joined.push({ start: range.clock, end: range.clock + range.len })
  }
  return joined
}

/** Resolves where each item of an update would go, the way `Item.getMissing` does. */
class PlacementCheck {
  private readonly resolved = new Map<Y.Item, Resolved>()
  private readonly rootNames = new Map<object, string>()
  private readonly deleted: DeletedClocks

  constructor(
    private readonly doc: Y.Doc,
    private readonly byClient: Map<number, Struct[]>,
    ds: DecodedUpdate['ds']
  ) {
    for (const [name, type] of doc.share) this.rootNames.set(type, name)
    this.deleted = new DeletedClocks(ds)
  }

  problem(): string | null {
    for (const structs of this.byClient.values()) {
      for (const struct of structs) {
        if (!(struct instanceof Y.Item)) continue
        const liveMapRun = this.liveMapEntryRun(struct)
        if (liveMapRun !== null) return liveMapRun
        const overlap = this.overlapProblem(struct)
        if (overlap !== null) return overlap
        if (struct.origin === null || struct.rightOrigin === null) continue
        const left = this.placementOf(struct.origin, 0)
        const right = this.placementOf(struct.rightOrigin, 0)
        if (typeof left === 'string' || typeof right === 'string') continue
        if (left.parent !== right.parent || left.key !== right.key) {
          const { client, clock } = struct.id
          return `an item of client ${client} at clock ${clock} has its left and right neighbours in different lists`
        }
      }
    }
    return null
  }

  /**
   * A map entry holds one value, so Yjs merges consecutive entries of a key only once all of them
   * are deleted. A live entry spanning several clocks is forged, and harmful: when a later deletion
   * splits it, the relay keeps a live entry that is not its key's last one, while a replica that
   * receives the pieces one by one deletes each piece the next one replaces, so replicas diverge
   * (and garbage-collecting the map later throws). The deletion must come with the entry.
   */
  private liveMapEntryRun(item: Y.Item): string | null {
    if (item.length < 2 || item.content instanceof Y.ContentDeleted) return null
    const { client, clock } = item.id
    if (this.deleted.covers(client, clock, item.length)) return null
    const placement = item.parentSub !== null ? { key: item.parentSub } : this.placementOf(item.id, 0)
    if (typeof placement === 'string' || placement.key === null) return null
    return `a map entry of client ${client} at clock ${clock} spans ${item.length} clocks but is not deleted; only deleted map entries are merged`
  }

  /**
   * An item that starts below the document's clock for its client is integrated from there on,
   * and Yjs gives the rest the struct just below as its left neighbour instead of the item's own
   * origin. Honestly that is the same item, so the same list; a forged item overlapping a struct
   * of another list (a map entry) would be placed into the list of its origin while sitting next
   * to that struct, which then is a map value with a live right neighbour. The relay forwards the
   * rest with the new left neighbour as origin, so other replicas put it into the other list:
   * replicas diverge, and garbage-collecting the map later throws.
   */
  private overlapProblem(item: Y.Item): string | null {
    const { client, clock } = item.id
    const state = Y.getState(this.doc.store, client)
    if (state <= clock || state >= clock + item.length) return null
    const own = this.resolved.get(item) ?? this.resolveItem(item, 1)
    if (own === 'gc' || own === 'unknown') return null
    const left = this.placementOf(Y.createID(client, state - 1), 0)
    if (left !== 'gc' && left !== 'unknown' && left.parent === own.parent && left.key === own.key) return null
    return `an item of client ${client} at clock ${clock} overlaps clock ${state - 1} of this document, which is in another list`
  }

  /** Where the struct holding `id` lives. `depth` bounds chains of references inside the update. */
  private placementOf(id: Y.ID, depth: number): Resolved {
    if (depth > 1000) return 'unknown'
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = Y.getItem(this.doc.store, id) as Y.Item | Y.GC
      if (!(struct instanceof Y.Item) || struct.parent === null) return 'gc'
      return { parent: this.typeKey(struct.parent as SharedType), key: struct.parentSub }
    }
    const struct = this.findInUpdate(id)
    if (struct === undefined) return 'unknown'
    if (!(struct instanceof Y.Item)) return 'gc'
    const known = this.resolved.get(struct)
    if (known !== undefined) return known
    const placement = this.resolveItem(struct, depth + 1)
    this.resolved.set(struct, placement)
    return placement
  }

  /** Mirrors `Item.getMissing`: an explicit parent, else the left neighbour's, else the right one's. */
  private resolveItem(item: Y.Item, depth: number): Resolved {
    if (item.parent !== null) {
      if (typeof item.parent === 'string') return { parent: `root:${item.parent}`, key: item.parentSub }
      const parentId = item.parent as unknown as Y.ID
      if (parentId.clock < Y.getState(this.doc.store, parentId.client)) {
        // Yjs turns children of a garbage-collected type into garbage too.
        const parent = Y.getItem(this.doc.store, parentId) as Y.Item | Y.GC
        if (!(parent instanceof Y.Item) || !(parent.content instanceof Y.ContentType)) return 'gc'
      }
      return { parent: `item:${parentId.client}:${parentId.clock}`, key: item.parentSub }
    }
    const left = item.origin === null ? null : this.placementOf(item.origin, depth)
    const right = item.rightOrigin === null ? null : this.placementOf(item.rightOrigin, depth)
    if (left === 'gc' || right === 'gc') return 'gc'
    return left ?? right ?? 'unknown'
  }

  private typeKey(type: SharedType): string {
    const item = type._item
    return item === null ? `root:${this.rootNames.get(type) ?? '?'}` : `item:${item.id.client}:${item.id.clock}`
  }

  private findInUpdate(id: Y.ID): Struct | undefined {
    const structs = this.byClient.get(id.client)
    if (structs === undefined) return undefined
    let low = 0
    let high = structs.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = structs[middle]!
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return undefined
  }
}
