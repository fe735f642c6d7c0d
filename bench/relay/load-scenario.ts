/**
 * A load scenario against one relay: documents with one writer, one latency
 * probe and many listeners each, writers firing at a fixed rate, then every client leaving and the
 * relay left idle to see how much memory it gives back.
 */
import { loadavg } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { RssWatcher, sampleProcess, startNoiseGauge } from './proc-stats'
import { loopFiguresBetween, scrapeMetrics, type RelayLoopFigures } from './relay-metrics'
import { startRelay, type RelayName, type RelayNodeArgs, type RelayProcess } from './relay-process'
import { mebibytes, mergePhases, round, summarizeLatency, type LatencySummary } from './stats'
import { WorkerPool } from './worker-pool'
import type { DocumentPlan, RunResult } from './worker-protocol'

export interface LoadSpec {
  readonly documents: number
  readonly listenersPerDocument: number
  readonly updatesPerSecondPerDocument: number
  readonly seconds: number
  /**
   * The same load for this long before the measured `seconds`, figures kept apart: a relay that
   * just started spends its first seconds compiling its hot paths, and the measured load is its
   * steady state. The warm-up's own latencies are reported as the cold start.
   */
  readonly warmupSeconds: number
  /** How long the relay idles after every client left before its RSS is read again (60 s in full runs). */
  readonly idleSeconds: number
}

export interface LoadRunOptions {
  readonly workers: number
  /** Pause after the relay starts, before its baseline RSS is read. */
  readonly settleMs: number
  /** Extra `node` flags for each relay process (profiling, tuning experiments). */
  readonly relayNodeArgs: RelayNodeArgs
  readonly log: (text: string) => void
}

export interface RelayLoadResult {
  readonly relay: RelayName
  readonly connections: {
    readonly planned: number
    readonly connected: number
    readonly failed: number
    readonly firstFailure: string | null
    readonly seconds: number
  }
  readonly latencyMs: LatencySummary
  /** The warm-up that ran just before the measured load (null without one): the relay's cold start. */
  readonly warmUp: { readonly seconds: number; readonly latencyMs: LatencySummary; readonly updatesSent: number; readonly updatesSeen: number } | null
  readonly updates: { readonly sent: number; readonly seenByProbes: number }
  readonly probesIdenticalToWriters: boolean
  readonly mismatchedDocuments: readonly string[]
  readonly droppedConnections: number
  readonly firstDrop: string | null
  /** `loadInKernel` is the system part of `load`: the socket writes every relay must make. */
  readonly cpuSeconds: { readonly connect: number; readonly warmUp: number; readonly load: number; readonly loadInKernel: number; readonly total: number }
  /**
   * write/writev calls during the load. Each one carries a socket send and, on loopback, the
   * receiver's TCP work too: this count is what `loadInKernel` is made of.
   */
  readonly writeSyscallsDuringLoad: number
  /** How long our relay's event loop was held up during the warm-up and the load, from its /metrics; null for the reference. */
  readonly eventLoopDuringLoad: RelayLoopFigures | null
  /** Seconds of the load the relay's event loop was ready to run but waited for a core. */
  readonly mainThreadRunQueueWaitSeconds: number
  readonly rssMiB: {
    readonly beforeLoad: number
    /** After every connection opened and the settle pause, before the warm-up: connections held, no update yet. */
    readonly allConnectedIdle: number
    readonly underLoadPeak: number
    readonly afterClientsLeft: number
    /** afterClientsLeft / beforeLoad. */
    readonly afterVsBefore: number
  }
  /** Rooms and connections our relay reports on /healthz after the idle time (the reference has no such endpoint). */
  readonly healthAfterIdle: { readonly rooms: number; readonly connections: number } | null
  /** (underLoadPeak − beforeLoad) / connections, in KiB. */
  readonly rssKiBPerConnection: number | null
  /** (allConnectedIdle − beforeLoad) / connections, in KiB: the memory a connection holds by being open. */
  readonly rssKiBPerIdleConnection: number | null
  readonly listeners: {
    readonly updateFramesPerListener: { readonly min: number; readonly max: number }
    readonly awarenessFramesTotal: number
    readonly bytesReceived: number
  }
  readonly loadWallSeconds: number
  readonly generator: {
    readonly workers: number
    readonly cpuSecondsDuringLoad: number
    readonly scheduleLagMs: { readonly p99: number; readonly max: number }
  }
  /** CPU seconds used during the load by processes other than the relay and the generators: a noise gauge. */
  readonly otherCpuSecondsDuringLoad: number
  /** That figure as a share of all the machine's CPU during the load: above ~0.1 the figures are disturbed. */
  readonly otherCpuShareDuringLoad: number
  readonly loadAverageAtStart: number
  /** What stopped the run early, if anything (a relay that crashed, connections refused). */
  readonly failure: string | null
}

/** Places the documents round-robin on the workers. */
export const planDocuments = (spec: LoadSpec, prefix: string, workers: number): DocumentPlan[][] => {
  const plans: DocumentPlan[][] = Array.from({ length: workers }, () => [])
  for (let i = 0; i < spec.documents; i++) {
    plans[i % workers]!.push({ name: `${prefix}-${i}`, listeners: spec.listenersPerDocument })
  }
  return plans.filter((plan) => plan.length > 0)
}

/** Runs `spec` against one relay started for it and stopped afterwards. */
export const runLoadOnRelay = async (
  spec: LoadSpec,
  relayName: RelayName,
  scenario: string,
  options: LoadRunOptions
): Promise<RelayLoadResult> => {
  const log = (text: string): void => options.log(`${scenario} ${relayName}: ${text}`)
  const relay = await startRelay(relayName, { nodeArgs: options.relayNodeArgs[relayName] })
  const plans = planDocuments(spec, `bench-${scenario}`, options.workers)
  const pool = await WorkerPool.start(plans.length, log)
  const watcher = new RssWatcher(relay.pid)
  const planned = spec.documents * (2 + spec.listenersPerDocument)
  const loadAverageAtStart = round(loadavg()[0]!)
  try {
    await sleep(options.settleMs) // let the relay finish starting up before its baseline is read
    const start = await sampleProcess(relay.pid)
    log(`relay pid ${relay.pid} at ${relay.url}; opening ${planned} connections`)
    const connectStarted = performance.now()
    const connects = await guard(relay, pool.all(plans.map((documents) => ({ op: 'connect' as const, url: relay.url, documents, concurrency: 50, timeoutMs: 30_000 }))))
    const connectSeconds = round((performance.now() - connectStarted) / 1000)
    const connected = connects.reduce((sum, result) => sum + result.connected, 0)
    const failed = connects.reduce((sum, result) => sum + result.failed, 0)
    log(`${connected} connected, ${failed} failed in ${connectSeconds} s`)
    // The connection burst leaves the relay collecting its garbage for a moment; the load measures
    // the relays' steady state, not the tail of that burst.
    await sleep(options.settleMs)
    const connectedIdle = await sampleProcess(relay.pid)

    // Read before the warm-up: a /metrics scrape holds our relay's event loop for a moment, which
    // must not fall in the measured seconds. So the loop figures cover the warm-up too.
    const metricsBefore = relayName === 'ours' ? await scrapeMetrics(relay) : null
    const beforeWarmUp = await sampleProcess(relay.pid)
    log(`writing for ${spec.warmupSeconds} s of warm-up, then ${spec.seconds} s measured`)
    const request = { op: 'run', warmupSeconds: spec.warmupSeconds, seconds: spec.seconds, updatesPerSecond: spec.updatesPerSecondPerDocument, drainTimeoutMs: 30_000 } as const
    const runs = guard(relay, pool.all(plans.map(() => request)))
    // The writers go on without a pause; the measured seconds start when the warm-up ends.
    await Promise.race([runs, sleep(spec.warmupSeconds * 1000)])
    const beforeRun = await sampleProcess(relay.pid)
    const generatorBefore = await pool.cpuSeconds()
    const noise = await startNoiseGauge([relay.pid, ...pool.pids])
    watcher.reset()
    const runStarted = performance.now()
    const run = mergeRuns(await runs)
    const loadWallSeconds = round((performance.now() - runStarted) / 1000)
    const afterRun = await sampleProcess(relay.pid)
    const eventLoop = metricsBefore === null ? null : loopFiguresBetween(metricsBefore, await scrapeMetrics(relay))
    const generatorCpu = (await pool.cpuSeconds()) - generatorBefore
    const { otherCpuSeconds, otherCpuShare } = await noise()
    const underLoadPeak = await watcher.peakBytes()
    const latencyMs = summarizeLatency(run.latenciesMs)
    const warmUp =
      spec.warmupSeconds === 0
        ? null
        : { seconds: spec.warmupSeconds, latencyMs: summarizeLatency(run.warmUp.latenciesMs), updatesSent: run.warmUp.updatesSent, updatesSeen: run.warmUp.updatesSeen }
    if (warmUp !== null) log(`warm-up p50 ${warmUp.latencyMs.p50} ms, p99 ${warmUp.latencyMs.p99} ms`)
    log(`p50 ${latencyMs.p50} ms, p99 ${latencyMs.p99} ms, ${run.updatesSeen}/${run.updatesSent} updates seen; clients leaving`)

    await guard(relay, pool.all(plans.map(() => ({ op: 'disconnect' as const, timeoutMs: 30_000 }))))
    await pool.stop()
    log(`every client left; idling ${spec.idleSeconds} s before reading RSS`)
    for (let waited = 0; waited < spec.idleSeconds; waited += 10) {
      await guard(relay, sleep(Math.min(10, spec.idleSeconds - waited) * 1000))
    }
    const end = await sampleProcess(relay.pid)
    const health = relayName === 'ours' ? await readHealth(relay) : null
    return {
      relay: relayName,
      connections: { planned, connected, failed, firstFailure: connects.find((result) => result.firstFailure !== null)?.firstFailure ?? null, seconds: connectSeconds },
      latencyMs,
      warmUp,
      updates: { sent: run.updatesSent, seenByProbes: run.updatesSeen },
      probesIdenticalToWriters: run.mismatchedDocuments.length === 0 && run.updatesSeen === run.updatesSent,
      mismatchedDocuments: run.mismatchedDocuments.slice(0, 10),
      droppedConnections: run.droppedConnections,
      firstDrop: run.firstDrop,
      cpuSeconds: {
        connect: round(beforeWarmUp.cpuSeconds - start.cpuSeconds),
        warmUp: round(beforeRun.cpuSeconds - beforeWarmUp.cpuSeconds),
        load: round(afterRun.cpuSeconds - beforeRun.cpuSeconds),
        loadInKernel: round(afterRun.systemCpuSeconds - beforeRun.systemCpuSeconds),
        total: round(end.cpuSeconds - start.cpuSeconds)
      },
      writeSyscallsDuringLoad: afterRun.writeSyscalls - beforeRun.writeSyscalls,
      eventLoopDuringLoad: eventLoop,
      mainThreadRunQueueWaitSeconds: round(afterRun.mainThreadRunQueueWaitSeconds - beforeRun.mainThreadRunQueueWaitSeconds),
      rssMiB: {
        beforeLoad: mebibytes(start.rssBytes),
        allConnectedIdle: mebibytes(connectedIdle.rssBytes),
        underLoadPeak: mebibytes(underLoadPeak),
        afterClientsLeft: mebibytes(end.rssBytes),
        afterVsBefore: round(end.rssBytes / start.rssBytes, 3)
      },
      healthAfterIdle: health,
      rssKiBPerConnection: kibibytesPerConnection(underLoadPeak - start.rssBytes, connected),
      rssKiBPerIdleConnection: kibibytesPerConnection(connectedIdle.rssBytes - start.rssBytes, connected),
      listeners: {
        updateFramesPerListener: { min: run.listenerUpdateFrames.min, max: run.listenerUpdateFrames.max },
        awarenessFramesTotal: run.listenerAwarenessFrames,
        bytesReceived: run.listenerBytes
      },
      loadWallSeconds,
      generator: { workers: plans.length, cpuSecondsDuringLoad: round(generatorCpu), scheduleLagMs: run.scheduleLagMs },
      otherCpuSecondsDuringLoad: otherCpuSeconds,
      otherCpuShareDuringLoad: otherCpuShare,
      loadAverageAtStart,
      failure: failed > 0 ? `${failed} of ${planned} connections failed to open` : relay.hasExited() ? 'the relay exited' : null
    }
  } finally {
    watcher.stop()
    await pool.stop().catch(() => {})
    await relay.stop()
  }
}

const kibibytesPerConnection = (bytes: number, connections: number): number | null => (connections === 0 ? null : round(bytes / 1024 / connections, 1))

const readHealth = async (relay: RelayProcess): Promise<{ rooms: number; connections: number }> => {
  const response = await fetch(`${relay.url.replace(/^ws/, 'http')}/healthz`)
  const { rooms, connections } = (await response.json()) as { rooms: number; connections: number }
  return { rooms, connections }
}

/** Waits for `work`, but fails at once, with the relay's last output, if the relay process dies. */
const guard = <T>(relay: RelayProcess, work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    relay.exited.then(({ code, signal }) => {
      throw new Error(`the ${relay.name} relay exited (code ${code}, signal ${signal}) under load; its last output:\n${relay.outputTail()}`)
    })
  ])

const mergeRuns = (runs: readonly RunResult[]): RunResult => ({
  ...mergePhases(runs),
  warmUp: mergePhases(runs.map((run) => run.warmUp)),
  mismatchedDocuments: runs.flatMap((run) => run.mismatchedDocuments),
  scheduleLagMs: { p99: Math.max(...runs.map((run) => run.scheduleLagMs.p99)), max: Math.max(...runs.map((run) => run.scheduleLagMs.max)) },
  listenerUpdateFrames: {
    min: Math.min(...runs.map((run) => run.listenerUpdateFrames.min)),
    max: Math.max(...runs.map((run) => run.listenerUpdateFrames.max)),
    total: sum(runs.map((run) => run.listenerUpdateFrames.total))
  },
  listenerAwarenessFrames: sum(runs.map((run) => run.listenerAwarenessFrames)),
  listenerBytes: sum(runs.map((run) => run.listenerBytes)),
  droppedConnections: sum(runs.map((run) => run.droppedConnections)),
  firstDrop: runs.find((run) => run.firstDrop !== null)?.firstDrop ?? null
})

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)
