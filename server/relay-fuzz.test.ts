import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { createInterface } from 'node:readline'
import pino from 'pino'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Relay } from './relay'
import { MemoryStorage } from './storage/memory-storage'
import { FuzzFrameSource, type FuzzFrame } from './testing/fuzz-frames'
import { emptyLaneStats, FuzzLane, type LaneStats } from './testing/fuzz-lane'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from './testing/harness'

/**
 * The relay under hostile input. Fuzz lanes (in a child process, so that they and the relay use
 * different cores) send random bytes, truncated and bit-flipped frames, huge length prefixes and
 * garbage Yjs updates into the room where honest clients keep writing; then frames are sent one at
 * a time and each refused one must leave the relay's document byte-for-byte unchanged.
 *
 * Replay a run with ENSEMBLE_FUZZ_SEED=<the seed it printed>; ENSEMBLE_FUZZ_FRAMES sets the count,
 * ENSEMBLE_FUZZ_LOG=1 prints the relay's errors.
 */
const seed = Number(process.env['ENSEMBLE_FUZZ_SEED'] ?? randomInt(2 ** 31))
const totalFrames = Number(process.env['ENSEMBLE_FUZZ_FRAMES'] ?? 100_000)
/** Frames checked one at a time, alone on the relay, against the document before and after. */
const isolatedFrames = Math.min(1000, Math.floor(totalFrames / 10))
const laneCount = 4
const honestCount = 3
/** Honest clients write a round of tokens per this many fuzz frames. */
const framesPerHonestRound = 100
const maxFrameBytes = 64 * 1024
const room = 'fuzzed'

/** Tokens look like `[h1:17]`; honest text is nothing but tokens. */
const tokenPattern = /\[h\d+:\d+\]/g

const honestTokens = (text: string): string[] => {
  const tokens = text.match(tokenPattern) ?? []
  if (tokens.join('') !== text) throw new Error(`the honest text holds something that is not a token: ${JSON.stringify(text.slice(0, 200))}`)
  return tokens
}

const holdsExactly = (text: string, tokens: Set<string>): boolean => {
  const found = honestTokens(text)
  return found.length === tokens.size && found.every((token) => tokens.has(token))
}

/** '' when `a` and `b` hold the same structs and deletions; else what differs, for the failure message. */
const describeDifference = (a: Y.Doc, b: Y.Doc): string => {
  const [sa, sb] = [Y.snapshot(a), Y.snapshot(b)]
  if (Y.equalSnapshots(sa, sb)) return ''
  const clocks = [...new Set([...sa.sv.keys(), ...sb.sv.keys()])]
    .filter((client) => sa.sv.get(client) !== sb.sv.get(client))
    .map((client) => `client ${client} at ${sa.sv.get(client) ?? 0} vs ${sb.sv.get(client) ?? 0}`)
  if (clocks.length > 0) return clocks.slice(0, 5).join('; ')
  const ranges = (ds: Y.Snapshot['ds'], client: number): string =>
    (ds.clients.get(client) ?? []).map((range) => `${range.clock}+${range.len}`).join(',')
  const deletions = [...new Set([...sa.ds.clients.keys(), ...sb.ds.clients.keys()])]
    .filter((client) => ranges(sa.ds, client) !== ranges(sb.ds, client))
    .map((client) => `client ${client} deleted ${ranges(sa.ds, client)} vs ${ranges(sb.ds, client)}`)
  return deletions.slice(0, 3).join('; ')
}

const docOf = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

/** Runs the fuzz lanes in a child process; `onProgress` hears how many frames they have processed. */
const runLaneProcess = (
  url: string,
  frames: number,
  onProgress: (processed: number) => void
): Promise<LaneStats & { cpuSeconds: number }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/testing/fuzz-lanes-main.ts', url, room, String(seed), String(laneCount), String(frames), String(maxFrameBytes)],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let result: (LaneStats & { cpuSeconds: number }) | undefined
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('progress ')) onProgress(Number(line.slice('progress '.length)))
      else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length)) as LaneStats & { cpuSeconds: number }
    })
    child.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolve(result)
      else reject(new Error(`the fuzz lanes exited with ${code}: ${stderr}`))
    })
  })

it(`survives ${totalFrames} hostile frames while honest clients converge (seed ${seed})`, async () => {
  console.log(`relay fuzz: seed ${seed} (replay with ENSEMBLE_FUZZ_SEED=${seed}), ${totalFrames} frames`)
  const started = performance.now()
  const cpuAtStart = process.cpuUsage()
  const storage = new MemoryStorage()
  const relay = await startEnsembleRelay({
    storage,
    maxFrameBytes,
    // The lanes send as fast as the relay answers; the rate limit has tests of its own.
    limits: { messagesPerSecond: 1_000_000, messageBurst: 1_000_000 },
    // ENSEMBLE_FUZZ_LOG=1 shows the relay's errors when replaying a seed.
    ...(process.env['ENSEMBLE_FUZZ_LOG'] === '1' ? { logger: pino({ level: 'error' }) } : {})
  })
  const honest: TestClient[] = Array.from({ length: honestCount }, () => connectClient(relay.url, room))
  const closeCodes: number[] = []
  for (const client of honest) {
    client.provider.on('connection-close', (event) => closeCodes.push(event?.code ?? 0))
  }
  await Promise.all(honest.map(whenSynced))

  // Honest writers: every `framesPerHonestRound` fuzz frames, each client adds a token (or removes
  // one of its own), and the round ends when every honest client holds exactly the expected tokens.
  const expected = new Set<string>()
  let expectedLength = 0
  const written = honest.map(() => [] as string[])
  let lanesProcessed = 0
  let fuzzing = true
  let rounds = 0
  const honestLoop = (async () => {
    for (let round = 0; fuzzing; round++) {
      honest.forEach((client, i) => {
        const own = written[i]!
        if (round % 5 === 4 && own.length > 0) {
          const token = own.splice(round % own.length, 1)[0]!
          client.text.delete(client.text.toString().indexOf(token), token.length)
          expected.delete(token)
          expectedLength -= token.length
        } else {
          const token = `[h${i}:${round}]`
          client.text.insert(round % 2 === 0 ? 0 : client.text.length, token)
          own.push(token)
          expected.add(token)
          expectedLength += token.length
        }
      })
      await waitFor(
        () =>
          honest.every((client) => client.text.length === expectedLength) &&
          honest.every((client) => holdsExactly(client.text.toString(), expected)),
        `honest clients to converge in round ${round}`,
        60_000
      )
      rounds++
      const next = (round + 1) * framesPerHonestRound
      await waitFor(() => !fuzzing || lanesProcessed >= next, 'the lanes to send more frames', 120_000)
    }
  })()

  // The storm, in parallel with the honest writers.
  const stormStats = await runLaneProcess(relay.url, totalFrames - isolatedFrames, (processed) => (lanesProcessed = processed))
  fuzzing = false
  await honestLoop
  const stormSeconds = (performance.now() - started) / 1000
  const stormCpu = process.cpuUsage(cpuAtStart)

  // Frames alone on the relay, in a small room of their own so that comparing the whole document
  // after each frame stays cheap: a frame the relay refused must leave it byte-for-byte as it was.
  const quietRoom = `${room}-one-at-a-time`
  const quietWriter = connectClient(relay.url, quietRoom)
  await whenSynced(quietWriter)
  quietWriter.text.insert(0, '[h9:0][h9:1]')
  await waitFor(() => relay.documentState(quietRoom)?.length !== 2, 'the quiet room to hold honest text')
  const isolatedStats = emptyLaneStats()
  const changedByRefusedFrames: string[] = []
  let before = relay.documentState(quietRoom)!
  const isolated = new FuzzLane(relay.url, quietRoom, new FuzzFrameSource(seed + laneCount, laneCount, maxFrameBytes), isolatedStats)
  await isolated.run(
    () => isolatedStats.processed >= isolatedFrames,
    1,
    (frame: FuzzFrame, accepted: boolean) => {
      const after = relay.documentState(quietRoom)!
      if (!accepted && Buffer.compare(before, after) !== 0) changedByRefusedFrames.push(Buffer.from(frame.bytes).toString('hex'))
      before = after
    }
  )

  const quietText = docOf(relay.documentState(quietRoom)!).getText('text').toString()
  quietWriter.destroy()

  // Every replica agrees: the honest clients, a fresh client, the relay's memory, and its storage.
  const fresh = connectClient(relay.url, room)
  await whenSynced(fresh)
  await waitFor(
    () => honest.every((client) => describeDifference(client.doc, fresh.doc) === ''),
    'honest clients and a fresh client to hold the same structs'
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}: ${honest.map((client) => describeDifference(client.doc, fresh.doc)).join(' / ')}`)
  })
  const health = await fetch(`${relay.url.replace(/^ws/, 'http')}/healthz`)
  expect(health.status).toBe(200)
  const inMemory = docOf(relay.documentState(room)!)
  const internalErrors = relay.metrics.errorCount('internal')
  const integrationFailures = relay.metrics.errorCount('integration-failure')
  const honestCloses = [...closeCodes]
  await relay.close()
  const reopened: Relay = await startEnsembleRelay({ storage })
  const fromStorage = connectClient(reopened.url, room)
  await whenSynced(fromStorage)

  const processed = stormStats.processed + isolatedStats.processed
  console.log(
    `relay fuzz: ${processed} frames in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed}); ` +
      `${rounds} honest rounds, ${expected.size} tokens; lane closes ${JSON.stringify(stormStats.closes)}; ` +
      `room reloads ${integrationFailures}; honest disconnects ${JSON.stringify(honestCloses)}\n` +
      `  accepted ${JSON.stringify(stormStats.accepted)}\n  refused ${JSON.stringify(stormStats.rejected)}\n` +
      `  one at a time: ${isolatedStats.processed} frames, ${Object.values(isolatedStats.rejected).reduce((a, b) => a + b, 0)} refused\n` +
      `  storm ${stormSeconds.toFixed(1)} s: relay and honest clients ${((stormCpu.user + stormCpu.system) / 1e6).toFixed(1)} CPU s, lanes ${stormStats.cpuSeconds} CPU s`
  )
  try {
    expect(processed).toBeGreaterThanOrEqual(totalFrames)
    expect([...stormStats.unexpected, ...isolatedStats.unexpected].slice(0, 5)).toEqual([])
    expect(changedByRefusedFrames.slice(0, 5)).toEqual([])
    expect(quietText).toBe('[h9:0][h9:1]')
    expect(internalErrors).toBe(0)
    const text = fresh.text.toString()
    expect(new Set(honestTokens(text))).toEqual(expected)
    expect(honestTokens(text)).toHaveLength(expected.size)
    // Every replica holds the same structs and deletions, and exactly the honest text. (How Yjs
    // renders the fuzz types' forged histories may depend on the order a replica received them,
    // so their rendering is not compared.)
    const replicas: [string, Y.Doc][] = [
      ...honest.map((client, i): [string, Y.Doc] => [`honest client ${i}`, client.doc]),
      ['relay memory', inMemory],
      ['relay storage', fromStorage.doc]
    ]
    for (const [name, replica] of replicas) {
      expect(replica.getText('text').toString(), name).toBe(text)
      expect(describeDifference(replica, fresh.doc), name).toBe('')
    }
    // Honest clients were only ever closed by the relay reloading the room.
    expect(honestCloses.filter((code) => code !== 1011)).toEqual([])
  } finally {
    for (const client of [...honest, fresh, fromStorage]) client.destroy()
    await reopened.close()
  }
}, 600_000)
