/**
 * Connections that queued frames during this event-loop turn. They are written together after the
 * turn's input has been handled (`setImmediate`), so that a connection receiving several frames in
 * one turn costs one socket write instead of one per frame. When the relay is idle a turn is short
 * and frames leave at once; when it is busy, turns grow and writes batch by themselves.
 */
export interface Flushable {
  flush(): void
}

const pending = new Set<Flushable>()
let scheduled = false

const flushAll = (): void => {
  scheduled = false
  for (const target of pending) {
    pending.delete(target)
    target.flush()
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
