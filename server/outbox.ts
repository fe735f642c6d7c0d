/**
 * Connections that were sent frames during this event-loop turn. A connection writes the first
 * frame of a turn at once and queues the ones after it; those are written together after the
 * turn's input has been handled (`setImmediate`), so that a connection receiving several frames in
 * one turn costs two socket writes instead of one per frame. When the relay is idle a turn is short
 * and frames leave at once; when it is busy, turns grow and writes batch by themselves.
 */
export interface Flushable {
  flush(): void
}

/**
 * A new Set for every turn, never one that lives across turns: V8 gives a long-lived Set's grown or
 * shrunk hash table a place in the old generation, so one Set filled and emptied every turn left
 * megabytes of garbage there each second under load, and the major collections that cleared it
 * stalled every document's traffic for a moment.
 */
let pending = new Set<Flushable>()
let scheduled = false

const flushAll = (): void => {
  try {
    // Targets queued while flushing are flushed in this same pass.
    while (pending.size > 0) {
      const batch = pending
      pending = new Set()
      for (const target of batch) target.flush()
    }
  } finally {
    scheduled = false
  }
}

/** Calls `target.flush()` once, after the current event-loop turn. */
export const flushAfterThisTurn = (target: Flushable): void => {
  pending.add(target)
  if (!scheduled) {
    scheduled = true
    setImmediate(flushAll)
  }
}
