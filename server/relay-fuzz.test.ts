import { randomInt } from 'node:crypto'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Relay } from './relay'
import { MemoryStorage } from './storage/memory-storage'
import { FuzzFrameSource, type FuzzFrame } from './testing/fuzz-frames'
import { emptyLaneStats, FuzzLane, type LaneStats } from './testing/fuzz-lane'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from './testing/harness'

/**
 * The relay under hostile input: fuzz lanes send random bytes, truncated and bit-flipped frames,
 * huge length prefixes and garbage Yjs updates into a room where honest clients keep writing.
 * Replay a failure with ENSEMBLE_FUZZ_SEED=<seed printed below>; ENSEMBLE_FUZZ_FRAMES sets the count.
 */
const seed = Number(process.env['ENSEMBLE_FUZZ_SEED'] ?? randomInt(2 ** 31))
const totalFrames = Number(process.env['ENSEMBLE_FUZZ_FRAMES'] ?? 100_000)
/** Frames checked one at a time, alone on the relay, against the document before and after. */
const isolatedFrames = Math.min(3000, Math.floor(totalFrames / 10))
const laneCount = 8
const honestCount = 3
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
  return clocks.length > 0 ? clocks.slice(0, 5).join('; ') : 'same clocks, different deletions'
}

const docOf = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

it(`survives ${totalFrames} hostile frames while honest clients converge (seed ${seed})`, async () => {
  console.log(`relay fuzz: seed ${seed} (replay with ENSEMBLE_FUZZ_SEED=${seed}), ${totalFrames} frames`)
  const started = performance.now()
  const storage = new MemoryStorage()
  const relay = await startEnsembleRelay({
    storage,
    maxFrameBytes,
    // The lanes send as fast as the relay answers; the rate limit has tests of its own.
    limits: { messagesPerSecond: 1_000_000, messageBurst: 1_000_000 },
    ...(process.env['FUZZ_LOG'] ? { logger: (await import('pino')).default({ level: 'error' }) } : {})
  })
  const honest: TestClient[] = Array.from({ length: honestCount }, () => connectClient(relay.url, room))
  const closeCodes: number[] = []
  for (const client of honest) {
    client.provider.on('connection-close', (event) => closeCodes.push(event?.code ?? 0))
  }
  await Promise.all(honest.map(whenSynced))

  // Honest writers: each round every client adds (or removes one of its own) tokens, and the round
  // ends when every honest client holds exactly the expected tokens.
  const expected = new Set<string>()
  const written = honest.map(() => [] as string[])
  let rounds = 0
  let fuzzing = true
  const honestLoop = (async () => {
    for (let round = 0; fuzzing; round++) {
      honest.forEach((client, i) => {
        const own = written[i]!
        if (round % 5 === 4 && own.length > 0) {
          const token = own.splice(round % own.length, 1)[0]!
          client.text.delete(client.text.toString().indexOf(token), token.length)
          expected.delete(token)
        } else {
          const token = `[h${i}:${round}]`
          client.text.insert(round % 2 === 0 ? 0 : client.text.length, token)
          own.push(token)
          expected.add(token)
        }
      })
      await waitFor(
        () => honest.every((client) => client.text.length === honest[0]!.text.length && holdsExactly(client.text.toString(), expected)),
        `honest clients to converge in round ${round}`,
        60_000
      )
      rounds++
    }
  })()

  // The storm: lanes in parallel with the honest writers.
  const stats: LaneStats = emptyLaneStats()
  const lanes = Array.from(
    { length: laneCount },
    (_, lane) => new FuzzLane(relay.url, room, new FuzzFrameSource(seed + lane, lane, maxFrameBytes), stats)
  )
  const stormFrames = totalFrames - isolatedFrames
  await Promise.all(lanes.map((lane) => lane.run(() => stats.processed >= stormFrames, 16)))
  fuzzing = false
  await honestLoop

  // Frames alone on the relay: a frame the relay refused must leave the document byte-for-byte as it was.
  const changedByRefusedFrames: string[] = []
  let before = relay.documentState(room)!
  const isolated = new FuzzLane(relay.url, room, new FuzzFrameSource(seed + laneCount, laneCount, maxFrameBytes), stats)
  await isolated.run(
    () => stats.processed >= totalFrames,
    1,
    (frame: FuzzFrame, accepted: boolean) => {
      const after = relay.documentState(room)!
      if (!accepted && Buffer.compare(before, after) !== 0) changedByRefusedFrames.push(Buffer.from(frame.bytes).toString('hex'))
      before = after
    }
  )

  // Every replica agrees: the honest clients, a fresh client, the relay's memory, and its storage.
  const fresh = connectClient(relay.url, room)
  await whenSynced(fresh)
  await waitFor(
    () => honest.every((client) => describeDifference(client.doc, fresh.doc) === ''),
    'honest clients and a fresh client to hold the same structs'
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}: ${honest.map((client) => describeDifference(client.doc, fresh.doc)).join(' / ')}`)
  })
  const inMemory = docOf(relay.documentState(room)!)
  const honestCloses = [...closeCodes]
  await relay.close()
  const reopened: Relay = await startEnsembleRelay({ storage })
  const fromStorage = connectClient(reopened.url, room)
  await whenSynced(fromStorage)

  const seconds = (performance.now() - started) / 1000
  console.log(
    `relay fuzz: ${stats.processed} frames in ${seconds.toFixed(1)} s (seed ${seed}); ` +
      `${rounds} honest rounds, ${expected.size} tokens; closes ${JSON.stringify(stats.closes)}; ` +
      `room reloads seen by lanes ${stats.roomReloads}, honest disconnects ${JSON.stringify(honestCloses)}\n` +
      `  accepted ${JSON.stringify(stats.accepted)}\n  rejected ${JSON.stringify(stats.rejected)}`
  )
  try {
    expect(stats.processed).toBeGreaterThanOrEqual(totalFrames)
    expect(stats.unexpected.slice(0, 5)).toEqual([])
    expect(changedByRefusedFrames.slice(0, 5)).toEqual([])
    expect(relay.metrics.errorCount('internal')).toBe(0)
    const text = fresh.text.toString()
    expect(new Set(honestTokens(text))).toEqual(expected)
    expect(honestTokens(text)).toHaveLength(expected.size)
    const replicas: [string, Y.Doc][] = [
      ...honest.map((client, i): [string, Y.Doc] => [`honest client ${i}`, client.doc]),
      ['relay memory', inMemory],
      ['relay storage', fromStorage.doc]
    ]
    // Every replica holds the same structs and deletions, and exactly the honest text. (How Yjs
    // renders the fuzz types' forged histories may depend on the order a replica received them,
    // so their rendering is not compared.)
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
}, 300_000)
