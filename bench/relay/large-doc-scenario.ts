/**
 * The large-document scenario: one client uploads a document of several megabytes, then fresh
 * clients join it one after another and the time until each holds the whole document is measured.
 * For our relay a last join comes after the room was written and dropped from memory (a cold join
 * from LevelDB). The reference keeps every document in memory, so it has no cold join; with LevelDB
 * it drops a document as soon as its last client leaves, but says nothing a cold join could wait for.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { connectClient, waitFor, whenSynced, type TestClient } from '../../server/testing/harness'
import { withTimeout } from './async-tools'
import { buildLargeDocument } from './large-document'
import { RssWatcher, sampleProcess, startNoiseGauge } from './proc-stats'
import { startRelay, type RelayName, type RelayNodeArgs, type RelayProcess } from './relay-process'
import { mebibytes, percentile, ratio, round } from './stats'

export interface LargeDocSpec {
  readonly megabytes: number
  /** Warm joins measured after the upload. */
  readonly joins: number
  /** Measure a join after our relay dropped the room (waits for its 30 s linger). */
  readonly coldJoin: boolean
}

export interface JoinTiming {
  /** From creating the provider until its `sync` event. */
  readonly syncedMs: number
  /** Until the joiner's document equals the uploaded one (state vector and length). */
  readonly completeMs: number
  /** Connections the joiner lost while syncing, such as a provider timeout. */
  readonly connectionsLost: number
}

export interface LargeDocRelayResult {
  readonly relay: RelayName
  readonly uploadMs: number
  readonly joins: readonly JoinTiming[]
  readonly worstJoinMs: number
  readonly medianJoinMs: number
  readonly coldJoin: JoinTiming | null
  readonly relayCpuSeconds: number
  readonly relayRssPeakMiB: number
  /** CPU the rest of the machine used during the joins; above ~0.1 of the machine the figures are disturbed. */
  readonly otherCpuShare: number
}

export interface LargeDocScenarioReport {
  readonly encodedBytes: number
  readonly textLength: number
  readonly relays: Partial<Record<RelayName, LargeDocRelayResult>>
  /** ours / reference. */
  readonly ratios: JoinRatios
  /** ours / reference-leveldb. */
  readonly ratiosVsLeveldbReference: JoinRatios
}

export interface JoinRatios {
  readonly medianJoinMs: number | null
  readonly worstJoinMs: number | null
}

const joinTimeoutMs = 120_000

export const runLargeDocScenario = async (
  spec: LargeDocSpec,
  relays: readonly RelayName[],
  options: { relayNodeArgs: RelayNodeArgs; log: (text: string) => void }
): Promise<LargeDocScenarioReport> => {
  options.log(`large-doc: building a ${spec.megabytes} MB document`)
  const source = buildLargeDocument(spec.megabytes * 1024 * 1024)
  const encodedBytes = Y.encodeStateAsUpdate(source).length
  const results: Partial<Record<RelayName, LargeDocRelayResult>> = {}
  for (const name of relays) results[name] = await measureOnRelay(name, source, spec, options)
  return {
    encodedBytes,
    textLength: source.getText('text').length,
    relays: results,
    ratios: joinRatios(results.ours, results.reference),
    ratiosVsLeveldbReference: joinRatios(results.ours, results['reference-leveldb'])
  }
}

const joinRatios = (ours: LargeDocRelayResult | undefined, other: LargeDocRelayResult | undefined): JoinRatios => ({
  medianJoinMs: ratio(ours?.medianJoinMs, other?.medianJoinMs),
  worstJoinMs: ratio(ours?.worstJoinMs, other?.worstJoinMs)
})

const measureOnRelay = async (
  name: RelayName,
  source: Y.Doc,
  spec: LargeDocSpec,
  options: { relayNodeArgs: RelayNodeArgs; log: (text: string) => void }
): Promise<LargeDocRelayResult> => {
  const log = (text: string): void => options.log(`large-doc ${name}: ${text}`)
  const relay = await startRelay(name, { nodeArgs: options.relayNodeArgs[name] })
  const watcher = new RssWatcher(relay.pid)
  const room = 'bench-large-doc'
  const before = await sampleProcess(relay.pid)
  try {
    // The uploader's copy: the same content under its own client, as if it was typed there.
    const uploaderDoc = new Y.Doc()
    Y.applyUpdate(uploaderDoc, Y.encodeStateAsUpdate(source))
    const uploadStarted = performance.now()
    const uploader = connectClient(relay.url, room, { doc: uploaderDoc })
    await whenSynced(uploader)
    // The upload is done when a fresh client receives all of it; that first join is not counted.
    await join(relay, room, uploaderDoc)
    const uploadMs = round(performance.now() - uploadStarted)
    log(`uploaded ${mebibytes(Y.encodeStateAsUpdate(uploaderDoc).length)} MiB in ${uploadMs} ms`)
    const noise = await startNoiseGauge([relay.pid])
    const joins: JoinTiming[] = []
    for (let i = 0; i < spec.joins; i++) joins.push(await join(relay, room, uploaderDoc))
    log(`joins took ${joins.map((timing) => timing.completeMs).join(', ')} ms`)
    uploader.destroy()
    let coldJoin: JoinTiming | null = null
    if (spec.coldJoin && name === 'ours') {
      log('waiting for the relay to drop the room (30 s linger)')
      await waitForNoRooms(relay)
      coldJoin = await join(relay, room, uploaderDoc)
      log(`cold join took ${coldJoin.completeMs} ms`)
    }
    const after = await sampleProcess(relay.pid)
    const { otherCpuShare } = await noise()
    const joinTimes = joins.map((timing) => timing.completeMs).sort((a, b) => a - b)
    return {
      relay: name,
      uploadMs,
      joins,
      worstJoinMs: joinTimes[joinTimes.length - 1]!,
      medianJoinMs: percentile(joinTimes, 50),
      coldJoin,
      relayCpuSeconds: round(after.cpuSeconds - before.cpuSeconds),
      relayRssPeakMiB: mebibytes(await watcher.peakBytes()),
      otherCpuShare
    }
  } finally {
    watcher.stop()
    await relay.stop()
  }
}

/** Connects a fresh client and times it until it holds everything `expected` holds. */
const join = async (relay: RelayProcess, room: string, expected: Y.Doc): Promise<JoinTiming> => {
  const expectedVector = Buffer.from(Y.encodeStateVector(expected))
  const expectedLength = expected.getText('text').length
  const started = performance.now()
  let connectionsLost = 0
  const client: TestClient = connectClient(relay.url, room)
  client.provider.on('connection-close', () => connectionsLost++)
  try {
    await withTimeout(whenSynced(client), joinTimeoutMs, `a client joining ${room} on the ${relay.name} relay`)
    const syncedMs = performance.now() - started
    await waitFor(
      () => client.text.length === expectedLength && expectedVector.equals(Y.encodeStateVector(client.doc)),
      `the joiner of ${room} to hold the whole document`,
      joinTimeoutMs
    )
    return { syncedMs: round(syncedMs), completeMs: round(performance.now() - started), connectionsLost }
  } finally {
    client.destroy()
  }
}

/** Polls our relay's /healthz until no room is in memory. */
const waitForNoRooms = async (relay: RelayProcess): Promise<void> => {
  const healthUrl = `${relay.url.replace(/^ws/, 'http')}/healthz`
  const deadline = Date.now() + 90_000
  for (;;) {
    const health = (await (await fetch(healthUrl)).json()) as { rooms: number }
    if (health.rooms === 0) return
    if (Date.now() > deadline) throw new Error(`the ${relay.name} relay still holds ${health.rooms} room(s) 90 s after the last client left`)
    await sleep(500)
  }
}
