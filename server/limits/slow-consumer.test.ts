import type { Socket } from 'node:net'
import pino from 'pino'
import { afterAll, expect, it } from 'vitest'
import { CloseCode } from '../../app/protocol'
import {
  connectClient,
  openRawSocket,
  startEnsembleRelay,
  waitFor,
  whenSynced,
  type RawSocket,
  type TestClient
} from '../testing/harness'

const limit = 1024 * 1024
const chunk = 'x'.repeat(128 * 1024)
/** Far more than the limit plus what kernel socket buffers absorb on loopback; the loop ends earlier. */
const maxWrittenBytes = 48 * 1024 * 1024

const cleanup: (() => unknown)[] = []
afterAll(async () => {
  for (const step of cleanup.reverse()) await step()
})

it('closes a client that stops reading with 1013 before its queue passes the limit; the others are unaffected', async () => {
  const warnings: { limit?: string; bufferedBytes?: number }[] = []
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line) as (typeof warnings)[number]) })
  const relay = await startEnsembleRelay({ limits: { maxBufferedBytes: limit }, logger })
  cleanup.push(() => relay.close())
  const track = <T extends TestClient | RawSocket>(client: T): T => {
    cleanup.push(() => ('destroy' in client ? client.destroy() : client.socket.terminate()))
    return client
  }
  const bufferedBytes = async (): Promise<number> =>
    (await relay.metrics.registry.getSingleMetric('ensemble_buffered_bytes')!.get()).values[0]!.value

  const room = 'firehose'
  const writer = track(connectClient(relay.url, room))
  const reader = track(connectClient(relay.url, room))
  await Promise.all([whenSynced(writer), whenSynced(reader)])
  const stalled = track(await openRawSocket(relay.url, room))
  await waitFor(() => stalled.received.length > 0, 'the relay to greet the stalled client')
  const closedByRelay = new Promise<number>((resolve) =>
    relay.on('connection-closed', (_context, code) => {
      if (code === CloseCode.tryAgainLater) resolve(code)
    })
  )
  let slowConsumerClosed = false
  void closedByRelay.then(() => (slowConsumerClosed = true))
  // The stalled client stops reading: its TCP window fills, then the relay's send queue would grow.
  ;(stalled.socket as unknown as { _socket: Socket })._socket.pause()

  let written = 0
  let maxBuffered = 0
  while (!slowConsumerClosed && written < maxWrittenBytes) {
    writer.text.insert(writer.text.length, chunk)
    written += chunk.length
    // Pace the writer by the honest reader, so that only the stalled client falls behind.
    await waitFor(() => reader.text.length === writer.text.length, 'the reader to keep up')
    maxBuffered = Math.max(maxBuffered, await bufferedBytes())
  }

  expect(slowConsumerClosed, `the stalled client is still open after ${written} bytes`).toBe(true)
  // Everything queued: at most the limit, plus the frame that crossed it and one in flight to the reader.
  expect(maxBuffered).toBeLessThanOrEqual(limit + 2 * (chunk.length + 64))
  expect(written).toBeGreaterThan(limit)
  expect(await relay.metrics.errorCount('socket')).toBe(0)
  expect(relay.metrics.limitHitCount('max-buffered-bytes', 'closed')).toBe(1)
  const logged = warnings.filter((entry) => entry.limit === 'max-buffered-bytes')
  expect(logged).toHaveLength(1)
  expect(logged[0]!.bufferedBytes).toBeGreaterThan(limit)

  // When it reads again it finds the close frame behind what was queued.
  ;(stalled.socket as unknown as { _socket: Socket })._socket.resume()
  expect(await stalled.closed).toEqual({ code: CloseCode.tryAgainLater, reason: expect.stringMatching(/not reading fast enough/) })

  // The others went on; a client that reconnects resyncs everything.
  writer.text.insert(0, 'after ')
  await waitFor(() => reader.text.toString().startsWith('after '), 'the reader to get the next write')
  const rejoined = track(connectClient(relay.url, room))
  await whenSynced(rejoined)
  expect(rejoined.text.length).toBe(writer.text.length)
  expect(reader.provider.wsconnected && writer.provider.wsconnected).toBe(true)
}, 120_000)
