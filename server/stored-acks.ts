/** What a room needs of a member to acknowledge its stored messages. */
export interface AcknowledgedMember {
  /** Whether the member's connection asked for stored acks (`?stored-acks=1`). */
  readonly wantsStoredAcks: boolean
  /** Tells the member that its first `count` document messages on this connection are stored. */
  acknowledgeStored(count: number): void
}

interface MemberCount {
  /** Document messages received from the member so far. */
  received: number
  /** The first message whose content waits for content the room lacks; none after it is acked. */
  heldFrom: number | null
  /** The count last acknowledged. */
  acked: number
}

/**
 * Counts each acknowledged member's document messages (sync step 2 and updates) and acknowledges
 * them once storage holds what they carried: the room's writer reports, after each write, the
 * highest message number of each member that the write covered (`stored`). A message whose
 * structs wait for missing content is not stored yet, so from it on nothing is acknowledged until
 * the waiting content integrates (`held`, `released`).
 */
export class StoredAcks<Member extends AcknowledgedMember> {
  private readonly counts = new Map<Member, MemberCount>()

  add(member: Member): void {
    if (member.wantsStoredAcks) this.counts.set(member, { received: 0, heldFrom: null, acked: 0 })
  }

  remove(member: Member): void {
    this.counts.delete(member)
  }

  /** Counts a document message from `member`; returns its number, or `null` when the member did not ask for acks. */
  received(member: Member): number | null {
    const count = this.counts.get(member)
    return count === undefined ? null : ++count.received
  }

  /** The number of `member`'s last document message, or `null` when it did not ask for acks. */
  latest(member: Member): number | null {
    return this.counts.get(member)?.received ?? null
  }

  /** What message `number` of `member` carried partly waits for content the room lacks. */
  held(member: Member, number: number): void {
    const count = this.counts.get(member)
    if (count !== undefined) count.heldFrom ??= number
  }

  /** Nothing of `member` waits any more. */
  released(member: Member): void {
    const count = this.counts.get(member)
    if (count !== undefined) count.heldFrom = null
  }

  /** Storage now holds everything of each member's messages up to the number given. */
  stored(marks: ReadonlyMap<Member, number>): void {
    for (const [member, through] of marks) {
      const count = this.counts.get(member)
      if (count === undefined) continue
      const acknowledged = count.heldFrom === null ? through : Math.min(through, count.heldFrom - 1)
      if (acknowledged <= count.acked) continue
      count.acked = acknowledged
      member.acknowledgeStored(acknowledged)
    }
  }
}
