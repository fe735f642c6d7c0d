/**
 * The clients one load-generator process drives for a load scenario: per document one writer and one
 * latency probe (stock `y-websocket` providers with a Y.Doc each) and many lightweight listeners.
 */
import * as Y from 'yjs'
import { connectClient, waitFor, whenSynced, type TestClient } from '../../server/testing/harness'
import { runLimited, withTimeout } from './async-tools'
import { ListenerClient } from './listener-client'
import { mergePhases, percentile } from './stats'
import type { ConnectRequest, ConnectResult, DisconnectResult, PhaseLatencies, RunRequest, RunResult } from './worker-protocol'

const tokenPattern = /\[(\d+)\]/g

/** A writer and its probe on one document, with the send time of every update the writer made. */
class DocumentPair {
  /** `sentAt[seq]`: when the writer made update `seq` (performance.now()). */
  private readonly sentAt: number[] = []
  /** `latencyMs[seq]`: how long update `seq` took to reach the probe; unset until it did. */
  private readonly latencyMs: number[] = []
  seenCount = 0

  constructor(
    readonly name: string,
    readonly writer: TestClient,
    readonly probe: TestClient
  ) {
    probe.text.observe((event) => {
      const now = performance.now()
      for (const op of event.delta) {
        if (typeof op.insert !== 'string') continue
        for (const match of op.insert.matchAll(tokenPattern)) this.markSeen(Number(match[1]), now)
      }
    })
  }

  get sent(): number {
    return this.sentAt.length
  }

  /** Appends the next token, `[seq]`, to the writer's text: one Yjs update on the wire. */
  write(): void {
    const seq = this.sentAt.length
    this.sentAt.push(performance.now())
    this.writer.text.insert(this.writer.text.length, `[${seq}]`)
  }

  /** The updates `from` ≤ seq < `to`: how many, and the latency of each the probe saw. */
  phase(from: number, to: number): PhaseLatencies {
    const latenciesMs: number[] = []
    for (let seq = from; seq < to; seq++) {
      const latency = this.latencyMs[seq]
      if (latency !== undefined) latenciesMs.push(latency)
    }
    return { latenciesMs, updatesSent: to - from, updatesSeen: latenciesMs.length }
  }

  /** The probe's text and state vector equal the writer's. */
  identical(): boolean {
    return (
      this.probe.text.toString() === this.writer.text.toString() &&
      Buffer.from(Y.encodeStateVector(this.probe.doc)).equals(Y.encodeStateVector(this.writer.doc))
    )
  }

  private markSeen(seq: number, now: number): void {
    const sentAt = this.sentAt[seq]
    if (sentAt === undefined || this.latencyMs[seq] !== undefined) return
    this.seenCount++
    this.latencyMs[seq] = Math.round((now - sentAt) * 1000) / 1000
  }
}

export class LoadClients {
  private readonly pairs: DocumentPair[] = []
  private readonly listeners: ListenerClient[] = []
  private dropped = 0
  private firstDrop: string | null = null
  private leaving = false

  constructor(private readonly progress: (text: string) => void) {}

  /** Opens every connection of `request.documents`, at most `request.concurrency` at a time. */
  async connect(request: ConnectRequest): Promise<ConnectResult> {
    let connected = 0
    let failed = 0
    let firstFailure: string | null = null
    const total = request.documents.reduce((sum, plan) => sum + 2 + plan.listeners, 0)
    const attempt = async (what: string, connections: number, open: () => Promise<void>): Promise<void> => {
      try {
        await withTimeout(open(), request.timeoutMs, `${what} syncing`)
        connected += connections
      } catch (error) {
        failed += connections
        firstFailure ??= error instanceof Error ? error.message : String(error)
      }
    }
    const tasks: (() => Promise<void>)[] = []
    for (const plan of request.documents) {
      tasks.push(() =>
        attempt(`writer and probe of ${plan.name}`, 2, async () => {
          const writer = this.track(connectClient(request.url, plan.name), `writer of ${plan.name}`)
          const probe = this.track(connectClient(request.url, plan.name), `probe of ${plan.name}`)
          writer.provider.awareness.setLocalStateField('user', { name: `writer ${plan.name}` })
          probe.provider.awareness.setLocalStateField('user', { name: `probe ${plan.name}` })
          this.pairs.push(new DocumentPair(plan.name, writer, probe))
          await Promise.all([whenSynced(writer), whenSynced(probe)])
        })
      )
      for (let i = 0; i < plan.listeners; i++) {
        tasks.push(() =>
          attempt(`listener ${i} of ${plan.name}`, 1, () => {
            const listener = new ListenerClient(request.url, plan.name, {
              awarenessState: { user: { name: `listener ${i}`, color: '#30bced' } },
              onUnexpectedClose: (code, reason) => this.recordDrop(`listener of ${plan.name} closed with ${code} ${reason}`)
            })
            this.listeners.push(listener)
            return listener.ready
          })
        )
      }
    }
    const ticker = setInterval(() => this.progress(`${connected + failed}/${total} connections open`), 2000)
    try {
      await runLimited(tasks, request.concurrency)
    } finally {
      clearInterval(ticker)
    }
    // Drops while connecting are already in `failed`; count only those during the load.
    this.dropped = 0
    this.firstDrop = null
    return { connected, failed, firstFailure }
  }

  /**
   * Writes `updatesPerSecond` tokens per document for `warmupSeconds` and then `seconds` more,
   * without a pause between, waits for the probes and compares. The warm-up's updates are reported
   * apart; the listeners' counts and the writers' lag cover the measured seconds only. Drops count
   * since the clients connected.
   */
  async run(request: RunRequest): Promise<RunResult> {
    const intervalMs = 1000 / request.updatesPerSecond
    const start = performance.now()
    const measuredFrom = start + request.warmupSeconds * 1000
    const end = measuredFrom + request.seconds * 1000
    const firstSeq = this.pairs.map((pair) => pair.sent)
    const seenBefore = this.seenByProbes()
    // Per document, the first update of the measured seconds; set as each writer crosses into them.
    const measuredSeq = [...firstSeq]
    let listenersAtMeasuredStart = this.listenerCounts()
    const measuredStart = setTimeout(() => (listenersAtMeasuredStart = this.listenerCounts()), measuredFrom - start)
    // A random phase per document, so that the writes of different documents do not come in bursts.
    const due = this.pairs.map(() => start + Math.random() * intervalMs)
    const lags: number[] = []
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const now = performance.now()
        let nextDue = Infinity
        this.pairs.forEach((pair, i) => {
          while (due[i]! <= now && due[i]! < end) {
            if (due[i]! < measuredFrom) measuredSeq[i] = pair.sent + 1
            else lags.push(now - due[i]!)
            pair.write()
            due[i]! += intervalMs
          }
          if (due[i]! < end) nextDue = Math.min(nextDue, due[i]!)
        })
        if (nextDue === Infinity) resolve()
        else setTimeout(tick, Math.max(0, nextDue - performance.now()))
      }
      tick()
    })
    clearTimeout(measuredStart)
    const sent = this.pairs.reduce((sum, pair, i) => sum + pair.sent - firstSeq[i]!, 0)
    const seen = (): number => this.seenByProbes() - seenBefore
    try {
      await waitFor(() => seen() === sent, 'every probe to see every update', request.drainTimeoutMs)
    } catch {
      // Reported below as updates not seen.
    }
    const phases = (from: readonly number[], to: (pair: DocumentPair, i: number) => number): PhaseLatencies =>
      mergePhases(this.pairs.map((pair, i) => pair.phase(from[i]!, to(pair, i))))
    const sortedLags = Float64Array.from(lags).sort()
    const listeners = this.listenerCounts()
    const frames = listeners.frames.map((count, i) => count - listenersAtMeasuredStart.frames[i]!)
    return {
      ...phases(measuredSeq, (pair) => pair.sent),
      warmUp: phases(firstSeq, (_, i) => measuredSeq[i]!),
      mismatchedDocuments: this.pairs.filter((pair) => !pair.identical()).map((pair) => pair.name),
      scheduleLagMs: {
        p99: sortedLags.length === 0 ? 0 : Math.round(percentile(sortedLags, 99) * 100) / 100,
        max: sortedLags.length === 0 ? 0 : Math.round(sortedLags[sortedLags.length - 1]! * 100) / 100
      },
      listenerUpdateFrames: {
        min: frames.length === 0 ? 0 : Math.min(...frames),
        max: frames.length === 0 ? 0 : Math.max(...frames),
        total: frames.reduce((sum, count) => sum + count, 0)
      },
      listenerAwarenessFrames: listeners.awareness - listenersAtMeasuredStart.awareness,
      listenerBytes: listeners.bytes - listenersAtMeasuredStart.bytes,
      droppedConnections: this.dropped,
      firstDrop: this.firstDrop
    }
  }

  /** Updates the probes have seen so far, over every run. */
  private seenByProbes(): number {
    return this.pairs.reduce((sum, pair) => sum + pair.seenCount, 0)
  }

  /** What the listeners have received so far: update frames each, awareness frames and bytes in all. */
  private listenerCounts(): { frames: number[]; awareness: number; bytes: number } {
    return {
      frames: this.listeners.map((listener) => listener.updateFrames),
      awareness: this.listeners.reduce((sum, listener) => sum + listener.awarenessFrames, 0),
      bytes: this.listeners.reduce((sum, listener) => sum + listener.bytesReceived, 0)
    }
  }

  /** Closes every connection and resolves once each socket is closed (or after `timeoutMs`). */
  async disconnect(timeoutMs: number): Promise<DisconnectResult> {
    this.leaving = true
    const closing: Promise<void>[] = this.listeners.map((listener) => listener.close())
    for (const pair of this.pairs) {
      for (const client of [pair.writer, pair.probe]) {
        const socket = client.provider.ws as unknown as import('ws').WebSocket | null
        if (socket !== null && socket.readyState !== socket.CLOSED) {
          closing.push(new Promise((resolve) => socket.once('close', () => resolve())))
        }
        client.destroy()
      }
    }
    await withTimeout(Promise.all(closing), timeoutMs, 'closing every connection').catch(() => {})
    return { closed: closing.length }
  }

  private track(client: TestClient, what: string): TestClient {
    client.provider.on('connection-close', (event) => {
      if (!this.leaving) this.recordDrop(`${what} closed${event === null ? ' by its own watchdog' : ` with ${event.code}`}`)
    })
    return client
  }

  private recordDrop(what: string): void {
    if (this.leaving) return
    this.dropped++
    this.firstDrop ??= what
  }
}
