/**
 * The trace scenario: one client replays the real-world editing trace keystroke by keystroke
 * through the relay to another client; the total time is compared with applying the same edits to
 * a bare Y.Doc in this process, in the same run.
 */
import { RssWatcher, sampleProcess, startNoiseGauge } from './proc-stats'
import { startRelay, type RelayName, type RelayNodeArgs } from './relay-process'
import { mebibytes, ratio, round } from './stats'
import { insertedCharacters, loadTrace, replayOnBareDoc } from './trace'
import { WorkerPool } from './worker-pool'

export interface TraceSpec {
  readonly tracePath: string
  /** Replay only the first `editLimit` edits; `null` for all of them. */
  readonly editLimit: number | null
}

export interface TraceRelayResult {
  readonly relay: RelayName
  /** From the writer's first keystroke to the receiver holding the final text. */
  readonly totalMs: number
  /** How long the writer took to apply and send every keystroke. */
  readonly writerMs: number
  readonly receiverComplete: boolean
  readonly totalVsBareDoc: number | null
  readonly relayCpuSeconds: number
  readonly relayRssPeakMiB: number
  readonly droppedConnections: number
  /** CPU the rest of the machine used during the replay; above ~0.1 of the machine the figures are disturbed. */
  readonly otherCpuShare: number
}

export interface TraceScenarioReport {
  readonly edits: number
  readonly finalTextLength: number
  readonly encodedDocumentBytes: number
  /** Applying the same edits to a bare Y.Doc in the benchmark process, each as its own transaction. */
  readonly bareDocMs: number
  readonly relays: Partial<Record<RelayName, TraceRelayResult>>
  /** ours / reference. */
  readonly ratios: TraceRatios
  /** ours / reference-leveldb. */
  readonly ratiosVsLeveldbReference: TraceRatios
}

export interface TraceRatios {
  readonly totalMs: number | null
  readonly relayCpuSeconds: number | null
}

const traceRatios = (ours: TraceRelayResult | undefined, other: TraceRelayResult | undefined): TraceRatios => ({
  totalMs: ratio(ours?.totalMs, other?.totalMs),
  relayCpuSeconds: ratio(ours?.relayCpuSeconds, other?.relayCpuSeconds)
})

/** Fixed so that the receiver knows whose clock tells it that every insertion has arrived. */
const writerClientId = 0x5eed
const receiverTimeoutMs = 600_000

export const runTraceScenario = async (
  spec: TraceSpec,
  relays: readonly RelayName[],
  options: { relayNodeArgs: RelayNodeArgs; log: (text: string) => void }
): Promise<TraceScenarioReport> => {
  const trace = await loadTrace(spec.tracePath)
  const edits = spec.editLimit === null ? trace.edits : trace.edits.slice(0, spec.editLimit)
  options.log(`trace: applying ${edits.length} edits to a bare Y.Doc`)
  const bare = replayOnBareDoc(edits)
  if (spec.editLimit === null && bare.text !== trace.finalText) {
    throw new Error(`replaying ${spec.tracePath} on a bare Y.Doc does not give its finalText; the trace file is damaged`)
  }
  const results: Partial<Record<RelayName, TraceRelayResult>> = {}
  for (const name of relays) {
    results[name] = await replayThroughRelay(name, spec, {
      expectedText: bare.text,
      expectedClock: insertedCharacters(edits),
      bareMs: bare.milliseconds,
      ...options
    })
  }
  return {
    edits: edits.length,
    finalTextLength: bare.text.length,
    encodedDocumentBytes: bare.encodedBytes,
    bareDocMs: round(bare.milliseconds),
    relays: results,
    ratios: traceRatios(results.ours, results.reference),
    ratiosVsLeveldbReference: traceRatios(results.ours, results['reference-leveldb'])
  }
}

const replayThroughRelay = async (
  name: RelayName,
  spec: TraceSpec,
  options: { expectedText: string; expectedClock: number; bareMs: number; relayNodeArgs: RelayNodeArgs; log: (text: string) => void }
): Promise<TraceRelayResult> => {
  const log = (text: string): void => options.log(`trace ${name}: ${text}`)
  const relay = await startRelay(name, { nodeArgs: options.relayNodeArgs[name] })
  const pool = await WorkerPool.start(2, log)
  const [writer, receiver] = pool.workers as [(typeof pool.workers)[0], (typeof pool.workers)[0]]
  const watcher = new RssWatcher(relay.pid)
  try {
    const room = 'bench-trace'
    await receiver.request({ op: 'trace-join', url: relay.url, room, role: 'receiver', expectedText: options.expectedText, writerClientId, expectedClock: options.expectedClock })
    await writer.request({ op: 'trace-join', url: relay.url, room, role: 'writer', tracePath: spec.tracePath, editLimit: spec.editLimit, clientId: writerClientId })
    log('writer and receiver synced; replaying')
    const before = await sampleProcess(relay.pid)
    const noise = await startNoiseGauge([relay.pid, ...pool.pids])
    const received = receiver.request({ op: 'trace-run', timeoutMs: receiverTimeoutMs })
    const started = performance.now()
    const written = await writer.request({ op: 'trace-run', timeoutMs: receiverTimeoutMs })
    const writerMs = performance.now() - started
    const receipt = await received
    const totalMs = performance.now() - started
    const after = await sampleProcess(relay.pid)
    const { otherCpuShare } = await noise()
    log(`${written.edits} keystrokes relayed in ${round(totalMs)} ms (bare Y.Doc: ${round(options.bareMs)} ms)`)
    await Promise.all([writer.request({ op: 'trace-leave' }), receiver.request({ op: 'trace-leave' })])
    return {
      relay: name,
      totalMs: round(totalMs),
      writerMs: round(writerMs),
      receiverComplete: receipt.complete,
      totalVsBareDoc: ratio(totalMs, options.bareMs),
      relayCpuSeconds: round(after.cpuSeconds - before.cpuSeconds),
      relayRssPeakMiB: mebibytes(await watcher.peakBytes()),
      droppedConnections: written.droppedConnections + receipt.droppedConnections,
      otherCpuShare
    }
  } finally {
    watcher.stop()
    await pool.stop()
    await relay.stop()
  }
}
