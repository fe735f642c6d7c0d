/**
 * Test support: runs fuzz lanes in a process of their own, so that the relay under test (in the
 * test's process) and its attackers use separate cores. Started by `relay-fuzz.test.ts` as
 * `node --import tsx server/testing/fuzz-lanes-main.ts URL ROOM SEED LANES FRAMES MAX_FRAME_BYTES`;
 * prints `progress N` lines while it runs and one `result {…}` line with the lane statistics.
 */
import { FuzzFrameSource } from './fuzz-frames'
import { emptyLaneStats, FuzzLane } from './fuzz-lane'

const [url, room, seedText, laneText, frameText, maxFrameText] = process.argv.slice(2)
if (url === undefined || room === undefined || maxFrameText === undefined) {
  process.stderr.write('usage: fuzz-lanes-main.ts URL ROOM SEED LANES FRAMES MAX_FRAME_BYTES\n')
  process.exit(2)
}
const [seed, laneCount, frames, maxFrameBytes] = [seedText, laneText, frameText, maxFrameText].map(Number) as [
  number,
  number,
  number,
  number
]

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage()
  return Math.round((user + system) / 1e4) / 100
}

const stats = emptyLaneStats()
let reported = 0
const report = setInterval(() => {
  if (stats.processed - reported >= 500) {
    reported = stats.processed
    process.stdout.write(`progress ${stats.processed}\n`)
  }
}, 50)
const lanes = Array.from(
  { length: laneCount },
  (_, lane) => new FuzzLane(url, room, new FuzzFrameSource(seed + lane, lane, maxFrameBytes), stats)
)
Promise.all(lanes.map((lane) => lane.run(() => stats.processed >= frames, 16))).then(
  () => {
    clearInterval(report)
    process.stdout.write(`result ${JSON.stringify({ ...stats, cpuSeconds: cpuSeconds() })}\n`)
  },
  (error: unknown) => {
    clearInterval(report)
    process.stderr.write(`fuzz lanes failed: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  }
)
