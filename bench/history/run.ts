/**
 * bench:history — what keeping history (`gc: false`, app/document.ts) costs, measured on the
 * real-world editing trace (`../shared/data/paper-trace.json.gz`, or ENSEMBLE_TRACE). The trace is
 * replayed twice into a document shaped as the editor writes it (bench/history/trace-document.ts),
 * once with garbage collection on and once off, and prints one JSON object:
 * - `replayMs`: applying all 259,778 edits, one transaction each;
 * - `encodedBytes` / `encodedBytesV2`: `Y.encodeStateAsUpdate` (what the relay stores and sends a
 *   new client) in the v1 format the wire uses, and in v2;
 * - `loadMs`: `Y.applyUpdate` of that encoding into a fresh Y.Doc of the same kind (what opening the
 *   document costs): median and fastest of 15 runs, the two kinds taking turns so that a busy
 *   machine slows both alike;
 * - `heapBytes`: the JavaScript heap the loaded Y.Doc holds (only with `node --expose-gc`);
 * - `snapshotBytes`: one `Y.encodeSnapshot` of the final state, what every saved version stores.
 */
import * as Y from 'yjs'
import { defaultTracePath, loadTrace, type EditingTrace } from '../relay/trace'
import { TraceDocument } from './trace-document'

const loadRuns = 15

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const round = (value: number): number => Math.round(value * 10) / 10
const collect = (globalThis as { gc?: () => void }).gc

const heapOf = (build: () => Y.Doc): number | null => {
  if (collect === undefined) return null
  collect()
  const before = process.memoryUsage().heapUsed
  const doc = build()
  collect()
  const held = process.memoryUsage().heapUsed - before
  doc.destroy()
  return held
}

/** Replays the trace into a document with or without garbage collection and encodes it. */
const replay = (trace: EditingTrace, gc: boolean) => {
  const document = new TraceDocument(new Y.Doc({ gc }))
  const started = performance.now()
  for (const edit of trace.edits) document.apply(edit)
  const replayMs = performance.now() - started
  if (document.text() !== trace.finalText) throw new Error(`the replay with gc ${gc} did not end with the trace's finalText`)
  return { gc, doc: document.doc, replayMs, update: Y.encodeStateAsUpdate(document.doc) }
}

const loadOnce = (update: Uint8Array, gc: boolean): number => {
  const doc = new Y.Doc({ gc })
  const start = performance.now()
  Y.applyUpdate(doc, update)
  const elapsed = performance.now() - start
  doc.destroy()
  return elapsed
}

const figures = (replayed: ReturnType<typeof replay>, loadTimes: number[]) => ({
  gc: replayed.gc,
  replayMs: Math.round(replayed.replayMs),
  encodedBytes: replayed.update.length,
  encodedBytesV2: Y.encodeStateAsUpdateV2(replayed.doc).length,
  loadMs: { median: round(median(loadTimes)), fastest: round(Math.min(...loadTimes)) },
  heapBytes: heapOf(() => {
    const doc = new Y.Doc({ gc: replayed.gc })
    Y.applyUpdate(doc, replayed.update)
    return doc
  }),
  snapshotBytes: Y.encodeSnapshot(Y.snapshot(replayed.doc)).length
})

const main = async (): Promise<void> => {
  const path = process.env.ENSEMBLE_TRACE ?? defaultTracePath
  const trace = await loadTrace(path, 'set ENSEMBLE_TRACE to its path')
  const on = replay(trace, true)
  const off = replay(trace, false)
  const loads = { on: [] as number[], off: [] as number[] }
  for (let run = 0; run < loadRuns; run++) {
    loads.on.push(loadOnce(on.update, true))
    loads.off.push(loadOnce(off.update, false))
  }
  const collected = figures(on, loads.on)
  const kept = figures(off, loads.off)
  const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100
  console.log(
    JSON.stringify(
      {
        trace: { path, edits: trace.edits.length, finalCharacters: trace.finalText.length },
        gcOn: collected,
        gcOff: kept,
        gcOffOverGcOn: {
          encodedBytes: ratio(kept.encodedBytes, collected.encodedBytes),
          encodedBytesV2: ratio(kept.encodedBytesV2, collected.encodedBytesV2),
          loadMsMedian: ratio(kept.loadMs.median, collected.loadMs.median),
          heapBytes: kept.heapBytes !== null && collected.heapBytes !== null ? ratio(kept.heapBytes, collected.heapBytes) : null
        }
      },
      null,
      2
    )
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
