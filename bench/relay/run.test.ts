/**
 * Runs `npm run bench:relay -- --quick` end to end so that the benchmark cannot rot unnoticed.
 * Only the report's shape and correctness are asserted, never a timing.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RelayLoadResult } from './load-scenario'
import { relayNames } from './relay-process'
import type { BenchReport } from './run'
import type { RelayStartup } from './startup'

const runScript = fileURLToPath(new URL('./run.ts', import.meta.url))
let outDir: string
let traceFile: string

/**
 * A small trace in the format of ../shared/data/paper-trace.json.gz (which lives outside the
 * repository): typing with corrections, so the test runs wherever the repository is cloned.
 */
const syntheticTrace = (): { source: string; edits: [number, number, string?][]; finalText: string } => {
  const edits: [number, number, string?][] = []
  let text = ''
  for (let i = 0; i < 400; i++) {
    const position = (i * 7) % (text.length + 1)
    if (i % 5 === 4 && text.length > 0) {
      edits.push([Math.min(position, text.length - 1), 1])
      text = text.slice(0, Math.min(position, text.length - 1)) + text.slice(Math.min(position, text.length - 1) + 1)
    } else {
      const char = String.fromCharCode(97 + (i % 26))
      edits.push([position, 0, char])
      text = text.slice(0, position) + char + text.slice(position)
    }
  }
  return { source: 'synthetic test trace', edits, finalText: text }
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'bench-test-'))
  traceFile = path.join(outDir, 'trace.json.gz')
  await writeFile(traceFile, gzipSync(JSON.stringify(syntheticTrace())))
})
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true })
})

const loadRatioFields = [
  'latencyP50',
  'latencyP99',
  'warmUpLatencyP99',
  'cpuSecondsLoad',
  'cpuSecondsLoadInUserSpace',
  'writeSyscallsLoad',
  'cpuSecondsTotal',
  'rssUnderLoad',
  'rssAfterClientsLeft',
  'rssPerIdleConnection'
]

/** A quick run takes 10–40 s on an idle machine (the first one also bundles the relay); CI machines are not idle. */
const benchTimeoutMs = 150_000

/** Runs the benchmark with `args` and returns the report it wrote, checking that stdout held the same JSON. */
const runBench = async (args: string[]): Promise<BenchReport> => {
  const outFile = path.join(outDir, `${args.join('_').replace(/[^a-z]/gi, '')}.json`)
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', runScript, ...args, '--out', outFile], {
    timeout: benchTimeoutMs,
    maxBuffer: 16 * 1024 * 1024
  })
  const report = JSON.parse(await readFile(outFile, 'utf8')) as BenchReport
  expect(JSON.parse(stdout)).toEqual(report)
  return report
}

const finiteNumber = expect.any(Number)

describe('npm run bench:relay -- --quick', () => {
  it('measures the startup of every relay, puts the default load on all three and reports every figure and ratio', async () => {
    const report = await runBench(['--quick', '--idle-seconds', '0'])
    expect(Object.keys(report.relays)).toEqual(relayNames)
    expect(report.relays['reference-leveldb']).toMatch(/YPERSISTENCE=<fresh temporary folder> node node_modules\/@y\/websocket-server\/src\/server\.js/)

    const { startup } = report
    expect(Object.keys(startup.relays)).toEqual(relayNames)
    for (const relay of relayNames) {
      const figures = startup.relays[relay] as RelayStartup
      expect(figures.starts).toHaveLength(startup.starts)
      for (const start of figures.starts) {
        expect(start.listeningMs).toBeGreaterThan(0)
        expect(start.idleRssMiB).toBeGreaterThan(0)
      }
      expect(figures).toMatchObject({ medianListeningMs: finiteNumber, medianIdleRssMiB: finiteNumber })
    }
    expect(startup.ratios).toEqual({ listeningMs: finiteNumber, idleRss: finiteNumber })
    expect(startup.ratiosVsLeveldbReference).toEqual({ listeningMs: finiteNumber, idleRss: finiteNumber })
    expect(startup.targets).toEqual([{ issue: 15, target: expect.stringContaining('1.2×'), value: startup.ratios!.idleRss, met: expect.any(Boolean) }])

    const scenario = report.scenarios.default!
    expect(Object.keys(report.scenarios)).toEqual(['default'])
    for (const relay of relayNames) {
      expect(scenario[relay]).toMatchObject({ failure: null })
      const result = scenario[relay] as RelayLoadResult
      expect(result.connections.connected).toBe(scenario.load.connections)
      // Each writer fires on a fixed schedule, so each run sends exactly rate × seconds per document.
      const { documents, updatesPerSecondPerDocument, seconds, warmupSeconds } = scenario.load
      expect(result.updates.sent).toBe(documents * updatesPerSecondPerDocument * seconds)
      expect(result.updates.seenByProbes).toBe(result.updates.sent)
      expect(result.latencyMs.samples).toBe(result.updates.sent)
      // The warm-up is counted apart: its writes are neither in the measured figures nor lost.
      expect(result.warmUp).toMatchObject({ seconds: warmupSeconds, latencyMs: { p99: finiteNumber } })
      expect(result.warmUp!.updatesSent).toBe(documents * updatesPerSecondPerDocument * warmupSeconds)
      expect(result.warmUp!.updatesSeen).toBe(result.warmUp!.updatesSent)
      expect(result.warmUp!.latencyMs.samples).toBe(result.warmUp!.updatesSent)
      expect(result.probesIdenticalToWriters).toBe(true)
      expect(result.droppedConnections).toBe(0)
      // Every listener saw every update, whether or not a relay merges them into fewer frames.
      expect(result.listeners.updateFramesPerListener.min).toBeGreaterThan(0)
      expect(result.latencyMs).toMatchObject({ p50: finiteNumber, p99: finiteNumber })
      expect(result.cpuSeconds).toMatchObject({ connect: finiteNumber, warmUp: finiteNumber, load: finiteNumber, loadInKernel: finiteNumber, total: finiteNumber })
      // Each update reached its listeners through socket writes.
      expect(result.writeSyscallsDuringLoad).toBeGreaterThan(0)
      // Only our relay has /metrics to tell how its event loop fared.
      if (result.relay === 'ours') expect(result.eventLoopDuringLoad).toMatchObject({ delayP99Ms: finiteNumber, gcPauses: finiteNumber, majorGcs: finiteNumber })
      else expect(result.eventLoopDuringLoad).toBeNull()
      expect(result.rssMiB.beforeLoad).toBeGreaterThan(0)
      expect(result.rssMiB.underLoadPeak).toBeGreaterThan(0)
      expect(result.rssMiB.afterClientsLeft).toBeGreaterThan(0)
      expect(result.rssMiB.allConnectedIdle).toBeGreaterThan(0)
      expect(result.rssKiBPerConnection).toEqual(finiteNumber)
      expect(result.rssKiBPerIdleConnection).toEqual(finiteNumber)
    }
    for (const ratios of [scenario.ratios!, scenario.ratiosVsLeveldbReference!]) {
      expect(Object.keys(ratios)).toEqual(loadRatioFields)
      expect(ratios.latencyP99).toEqual(finiteNumber)
      expect(ratios.rssPerIdleConnection).toEqual(finiteNumber)
    }
    expect(scenario.targets!.length).toBeGreaterThan(0)
    for (const target of scenario.targets!) {
      expect([6, 15]).toContain(target.issue)
      expect(typeof target.met).toBe('boolean')
    }
  }, benchTimeoutMs)

  it('replays the editing trace and joins a large document through our relay and reference-leveldb only', async () => {
    const report = await runBench(['--quick', '--trace', '--large-doc', '--relays', 'ours,reference-leveldb', '--trace-file', traceFile])
    expect(Object.keys(report.relays)).toEqual(['ours', 'reference-leveldb'])
    expect(Object.keys(report.startup.relays)).toEqual(['ours', 'reference-leveldb'])
    expect(report.startup.ratios).toBeNull()
    expect(report.startup.targets[0]!.met).toBeNull()
    const trace = report.scenarios.trace!
    expect(trace.edits).toBeGreaterThan(0)
    for (const relay of ['ours', 'reference-leveldb'] as const) {
      expect(trace.relays[relay]!.receiverComplete).toBe(true)
      expect(trace.relays[relay]!.totalMs).toEqual(finiteNumber)
    }
    expect(trace.relays.reference).toBeUndefined()
    expect(trace.ratios).toEqual({ totalMs: null, relayCpuSeconds: null })
    expect(trace.ratiosVsLeveldbReference.totalMs).toEqual(finiteNumber)
    const largeDoc = report.scenarios.largeDoc!
    expect(largeDoc.encodedBytes).toBeGreaterThan(0.5 * 1024 * 1024)
    for (const relay of ['ours', 'reference-leveldb'] as const) {
      expect(largeDoc.relays[relay]!.joins.length).toBeGreaterThan(0)
      for (const join of largeDoc.relays[relay]!.joins) expect(join.connectionsLost).toBe(0)
    }
    expect(largeDoc.ratiosVsLeveldbReference.medianJoinMs).toEqual(finiteNumber)
  }, benchTimeoutMs)
})
