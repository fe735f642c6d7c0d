import * as Y from 'yjs'
import { updateConsistencyProblem, type DecodedUpdate } from './update-consistency'

/**
 * Structs and deletions of one sender that wait for content the document does not have yet, in the
 * V2 encoding Yjs uses for pending updates.
 */
interface WaitingUpdate {
  structs: Uint8Array | null
  deletions: Uint8Array | null
  /** Progress is possible once `getState(client) > clock` for one of these. */
  readonly waitingFor: Map<number, number>
}

/**
 * A sender whose waiting updates passed the limit; it should be disconnected. What of its last
 * update integrated before the limit was found is in the document, and in `integrated` (V1, `null`
 * when nothing): it must still be forwarded and stored, or the relay's document would hold content
 * that no client and no reload ever sees.
 */
export class WaitingLimitExceeded extends Error {
  override name = 'WaitingLimitExceeded'
  constructor(
    message: string,
    readonly integrated: Uint8Array | null = null
  ) {
    super(message)
  }
}

/** An update that no Yjs document could have produced; nothing of it was applied. */
export class InconsistentUpdate extends Error {
  override name = 'InconsistentUpdate'
}

/** A waiting update that failed to integrate when retried; the document must be reloaded. */
export class WaitingUpdateFailed<Sender> extends Error {
  override name = 'WaitingUpdateFailed'
  constructor(
    readonly sender: Sender,
    cause: unknown
  ) {
    super(`an update that waited for missing content failed to integrate: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/**
 * Integrates client updates into a room's document so that the document never holds pending
 * structs. Yjs keeps structs whose dependencies are missing as "pending" inside the document and
 * retries them with every later update; pending garbage costs every later update time and can
 * crash integration when it finally fits. Here, what does not fit yet is taken out and kept per
 * sender, bounded, and retried only when the content it waits for arrived.
 *
 * What integrated is returned as Yjs encodes the transaction (its `update` event), not as the
 * client sent it: a client may resend ids the document already has with different content, and
 * storing such duplicates would let a reload pick the other version. Forwarding and storing only
 * this keeps clients, storage and the relay's document identical.
 *
 * `Y.applyUpdate` may still throw on a malicious update that decodes; the document may then be
 * half-changed and must be reloaded from storage by the caller.
 */
export class UpdateIntegrator<Sender> {
  private readonly waiting = new Map<Sender, WaitingUpdate>()
  /** Where the document's updates go while `apply` runs; `null` otherwise. */
  private collecting: Uint8Array[] | null = null

  constructor(
    private readonly doc: Y.Doc,
    /** Bytes of waiting updates one sender may have. */
    private readonly maxWaitingBytes: number
  ) {
    // One listener for the document's life: adding and removing one around every update made the
    // document's long-lived observer map regrow its table each time, in the old generation, where
    // only full collections free it.
    doc.on('update', (update: Uint8Array) => this.collecting?.push(update))
  }

  /**
   * Integrates a V1 update from `sender` (`decoded`, when given, is `Y.decodeUpdate(update)`) and
   * returns what of it is now in the document (V1), or `null` when nothing is new. A `trusted` sender
   * (storage, another relay instance) is neither checked for consistency nor limited in what it
   * leaves waiting. Throws `InconsistentUpdate` (nothing applied), `WaitingLimitExceeded` (with what
   * integrated), or what `Y.applyUpdate` throws (the document may be half-changed).
   */
  integrate(
    sender: Sender,
    update: Uint8Array,
    { trusted = false, decoded }: { trusted?: boolean; decoded?: DecodedUpdate } = {}
  ): Uint8Array | null {
    if (!trusted) {
      const problem = updateConsistencyProblem(this.doc, decoded ?? Y.decodeUpdate(update))
      if (problem !== null) throw new InconsistentUpdate(problem)
    }
    const { integrated, left } = this.apply((doc) => Y.applyUpdate(doc, update, sender))
    if (left !== null && !this.addWaiting(sender, left, !trusted)) {
      throw new WaitingLimitExceeded(`more than ${this.maxWaitingBytes} bytes of updates wait for content this relay has not seen`, integrated)
    }
    return integrated
  }

  /**
   * Retries the waiting updates that can make progress. Returns, per sender, the content that
   * integrated (V1), and the senders whose waiting updates turned out inconsistent (dropped).
   * Throws `WaitingUpdateFailed` naming the sender whose update broke the document.
   */
  retry(): { integrated: { sender: Sender; update: Uint8Array }[]; refused: { sender: Sender; reason: string }[] } {
    const integrated: { sender: Sender; update: Uint8Array }[] = []
    const refused: { sender: Sender; reason: string }[] = []
    for (let progress = true; progress; ) {
      progress = false
      for (const [sender, waiting] of this.waiting) {
        if (![...waiting.waitingFor].some(([client, clock]) => Y.getState(this.doc.store, client) > clock)) continue
        this.waiting.delete(sender)
        // Yjs keeps the deletions of waiting structs apart from them; the check needs both.
        const problem =
          waiting.structs === null
            ? null
            : updateConsistencyProblem(this.doc, {
                structs: Y.decodeUpdateV2(waiting.structs).structs,
                ds: waiting.deletions === null ? { clients: new Map() } : Y.decodeUpdateV2(waiting.deletions).ds
              })
        if (problem !== null) {
          refused.push({ sender, reason: problem })
          continue
        }
        let applied
        try {
          applied = this.apply((doc) => {
            if (waiting.structs !== null) Y.applyUpdateV2(doc, waiting.structs, sender)
            if (waiting.deletions !== null) Y.applyUpdateV2(doc, waiting.deletions, sender)
          })
        } catch (error) {
          throw new WaitingUpdateFailed(sender, error)
        }
        if (applied.left !== null) this.addWaiting(sender, applied.left, false)
        if (applied.integrated !== null) {
          integrated.push({ sender, update: applied.integrated })
          progress = true
        }
      }
    }
    return { integrated, refused }
  }

  /** True when some sender has updates waiting. */
  get hasWaiting(): boolean {
    return this.waiting.size > 0
  }

  /** Bytes waiting for `sender`. */
  waitingBytes(sender: Sender): number {
    const waiting = this.waiting.get(sender)
    return waiting === undefined ? 0 : (waiting.structs?.length ?? 0) + (waiting.deletions?.length ?? 0)
  }

  /** Drops what `sender` left waiting (it disconnected; it resends when it syncs again). */
  forget(sender: Sender): void {
    this.waiting.delete(sender)
  }

  /** Runs `change`, collecting what integrated and taking what did not out of the document. */
  private apply(change: (doc: Y.Doc) => void): { integrated: Uint8Array | null; left: WaitingUpdate | null } {
    const integrated: Uint8Array[] = []
    this.collecting = integrated
    try {
      change(this.doc)
    } finally {
      this.collecting = null
    }
    const store = this.doc.store
    const pendingStructs = store.pendingStructs
    const pendingDeletions = store.pendingDs
    store.pendingStructs = null
    store.pendingDs = null
    const merged = integrated.length === 0 ? null : integrated.length === 1 ? integrated[0]! : Y.mergeUpdates(integrated)
    if (pendingStructs === null && pendingDeletions === null) return { integrated: merged, left: null }
    const waitingFor = new Map(pendingStructs?.missing ?? [])
    if (pendingDeletions !== null) {
      for (const [client, ranges] of Y.decodeUpdateV2(pendingDeletions).ds.clients) {
        const first = Math.min(...ranges.map((range) => range.clock))
        waitingFor.set(client, Math.min(first, waitingFor.get(client) ?? first))
      }
    }
    return { integrated: merged, left: { structs: pendingStructs?.update ?? null, deletions: pendingDeletions, waitingFor } }
  }

  /** Keeps `left` waiting for `sender`; false (and forgets what waited) when that passes the limit. */
  private addWaiting(sender: Sender, left: WaitingUpdate, enforceLimit: boolean): boolean {
    const existing = this.waiting.get(sender)
    const combined: WaitingUpdate =
      existing === undefined
        ? left
        : {
            structs: mergeV2(existing.structs, left.structs),
            deletions: mergeV2(existing.deletions, left.deletions),
            waitingFor: minimumPerClient(existing.waitingFor, left.waitingFor)
          }
    this.waiting.set(sender, combined)
    if (enforceLimit && this.waitingBytes(sender) > this.maxWaitingBytes) {
      this.waiting.delete(sender)
      return false
    }
    return true
  }
}

const mergeV2 = (a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null =>
  a === null ? b : b === null ? a : Y.mergeUpdatesV2([a, b])

const minimumPerClient = (a: Map<number, number>, b: Map<number, number>): Map<number, number> => {
  const result = new Map(a)
  for (const [client, clock] of b) result.set(client, Math.min(clock, result.get(client) ?? clock))
  return result
}
