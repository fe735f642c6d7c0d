/**
 * bench:history — what keeping history (`gc: false`, app/document.ts) costs, measured on the
 * real-world editing trace (`../shared/data/paper-trace.json.gz`, or ENSEMBLE_TRACE). The trace is
 * replayed twice into a document shaped as the editor writes it (bench/history/trace-document.ts),
 * once with garbage collection on and once off, and prints one JSON object:
 * - `replayMs`: applying all 259,778 edits, one transaction each;
 * - `encodedBytes` / `encodedBytesV2`: `Y.encodeStateAsUpdate` (what the relay stores and sends a
 *   new client) in the v1 format the wire uses, and in v2;
 * - `loadMs`: `Y.applyUpdate` of that encoding into a fresh Y.Doc of the same kind, the median of
 *   seven runs (what opening the document costs);
 * - `heapBytes`: the JavaScript heap the loaded Y.Doc holds (only with `node --expose-gc`);
 * - `snapshotBytes`: one `Y.encodeSnapshot` of the final state, what every saved version stores.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { TraceDocument, type TraceEdit } from './trace-document'

interface Trace {
  readonly edits: readonly TraceEdit[]
  readonly finalText: string
}

const defaultTrace = fileURLToPath(new URL('../../../shared/data/paper-trace.json.gz', import.meta.url))
const loadRuns = 7

const readTrace = async (path: string): Promise<Trace> => {
  let raw: Buffer
  try {
    raw = await readFile(path)
  } catch (error) {
    throw new Error(`cannot read the editing trace at ${path} (${String(error)}); set ENSEMBLE_TRACE to its path`)
  }
  const trace = JSON.parse(gunzipSync(raw).toString('utf8')) as Trace
  if (!Array.isArray(trace.edits) || typeof trace.finalText !== 'string') {
    throw new Error(`${path} is not a trace of the form { edits, finalText } (see shared/data/README.md)`)
  }
  return trace
}

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

const measure = (trace: Trace, gc: boolean) => {
  const document = new TraceDocument(new Y.Doc({ gc }))
  const started = performance.now()
  for (const edit of trace.edits) document.apply(edit)
  const replayMs = performance.now() - started
  if (document.text() !== trace.finalText) throw new Error(`the replay with gc ${gc} did not end with the trace's finalText`)
  const update = Y.encodeStateAsUpdate(document.doc)
  const loadTimes: number[] = []
  for (let run = 0; run < loadRuns; run++) {
    const doc = new Y.Doc({ gc })
    const start = performance.now()
    Y.applyUpdate(doc, update)
    loadTimes.push(performance.now() - start)
    doc.destroy()
  }
  return {
    gc,
    replayMs: Math.round(replayMs),
    encodedBytes: update.length,
    encodedBytesV2: Y.encodeStateAsUpdateV2(document.doc).length,
    loadMs: round(median(loadTimes)),
    heapBytes: heapOf(() => {
      const doc = new Y.Doc({ gc })
      Y.applyUpdate(doc, update)
      return doc
    }),
    snapshotBytes: Y.encodeSnapshot(Y.snapshot(document.doc)).length
  }
}

const main = async (): Promise<void> => {
  const path = process.env.ENSEMBLE_TRACE ?? defaultTrace
  const trace = await readTrace(path)
  const collected = measure(trace, true)
  const kept = measure(trace, false)
  const ratio = (key: 'encodedBytes' | 'encodedBytesV2' | 'loadMs'): number => Math.round((kept[key] / collected[key]) * 100) / 100
  console.log(
    JSON.stringify(
      {
        trace: { path, edits: trace.edits.length, finalCharacters: trace.finalText.length },
        gcOn: collected,
        gcOff: kept,
        gcOffOverGcOn: {
          encodedBytes: ratio('encodedBytes'),
          encodedBytesV2: ratio('encodedBytesV2'),
          loadMs: ratio('loadMs'),
          heapBytes: kept.heapBytes !== null && collected.heapBytes !== null ? Math.round((kept.heapBytes / collected.heapBytes) * 100) / 100 : null
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
