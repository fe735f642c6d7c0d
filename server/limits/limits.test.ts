import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../app/protocol'
import type { Relay, RelayOptions } from '../relay'
import { queryAwarenessFrame } from '../testing/frames'
import {
  attemptUpgrade,
  connectClient,
  openRawSocket,
  startEnsembleRelay,
  waitFor,
  whenSynced,
  type RawSocket,
  type TestClient
} from '../testing/harness'

describe('relay limits', () => {
  let relay: Relay
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []
  /** Log lines of the relay under test, parsed. */
  let logs: { level: number; msg: string; limit?: string; action?: string }[] = []
  const start = async (options: RelayOptions): Promise<Relay> => {
    logs = []
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as (typeof logs)[number]) })
    return (relay = await startEnsembleRelay({ logger, ...options }))
  }
  /** The warnings logged for `limit`. */
  const warnings = (limit: string): string[] =>
    logs.filter((entry) => entry.level === 40 && entry.limit === limit).map((entry) => `${entry.action}: ${entry.msg}`)
  const open = async (room: string, localAddress?: string): Promise<RawSocket> => {
    const socket = await openRawSocket(relay.url, room, localAddress === undefined ? {} : { socketOptions: { localAddress } })
    sockets.push(socket)
    return socket
  }
  const connect = (room: string): TestClient => {
    const client = connectClient(relay.url, room)
    clients.push(client)
    return client
  }
  const metric = async (name: string, labels: string): Promise<number> => {
    const text = await relay.metrics.registry.metrics()
    const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`))
    return line === undefined ? 0 : Number(line.split(' ').pop())
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const { socket } of sockets.splice(0)) socket.terminate()
    await relay.close()
  })

  it('refuses connections beyond the total limit with 503 until one closes', async () => {
    await start({ limits: { maxConnections: 3 } })
    const first = await open('a')
    await open('b')
    await open('c')
    const refused = await attemptUpgrade(relay.url, 'd')
    expect(refused).toEqual({ status: 503, body: expect.stringMatching(/too many connections; try again later/) })
    first.socket.close()
    await waitFor(() => relay.health().connections === 2, 'the closed connection to be released')
    expect((await attemptUpgrade(relay.url, 'd')).status).toBe(101)
    expect(await metric('ensemble_limit_hits_total', 'limit="max-connections",action="refused"')).toBe(1)
    expect(await metric('ensemble_limit', 'limit="max-connections"')).toBe(3)
    expect(warnings('max-connections')).toEqual(['refused: limit max-connections (3) reached: refused a connection'])
  })

  it('refuses connections beyond the per-address limit with 429, counting each address apart', async () => {
    await start({ limits: { maxConnectionsPerAddress: 2 } })
    await open('a')
    await open('a')
    const refused = await attemptUpgrade(relay.url, 'a')
    expect(refused).toEqual({ status: 429, body: expect.stringMatching(/too many connections from your address/) })
    // Another loopback address is another client.
    await open('a', '127.0.0.2')
    expect(relay.health().connections).toBe(3)
    expect(await metric('ensemble_limit_hits_total', 'limit="max-connections-per-address",action="refused"')).toBe(1)
    expect(warnings('max-connections-per-address')).toHaveLength(1)
  })

  it('closes a connection that sends faster than its message budget with 1008, and only that one', async () => {
    await start({ limits: { messagesPerSecond: 5, messageBurst: 20 } })
    const honest = connect('busy')
    await whenSynced(honest)
    const flooder = await open('busy')
    for (let i = 0; i < 200; i++) flooder.socket.send(queryAwarenessFrame())
    expect((await flooder.closed).code).toBe(CloseCode.policyViolation)
    expect((await flooder.closed).reason).toMatch(/too many messages/)
    // The flood answered at most the burst of queries before the cut.
    expect(flooder.received.length).toBeLessThanOrEqual(21)
    honest.text.insert(0, 'still here')
    const other = connect('busy')
    await waitFor(() => other.text.toString() === 'still here', 'the honest client to keep working')
    expect(await metric('ensemble_limit_hits_total', 'limit="message-rate",action="closed"')).toBe(1)
    expect(warnings('message-rate')).toEqual(['closed: limit message-rate (5) reached: closed a connection'])
  })

  it('drops the least recently used empty document for a new one, and refuses when all are in use', async () => {
    await start({ limits: { maxRooms: 2 }, lingerMs: 60_000 })
    const unloaded: string[] = []
    relay.on('room-unloaded', (name) => unloaded.push(name))
    const older = connect('older')
    await whenSynced(older)
    older.text.insert(0, 'kept in storage')
    const newer = connect('newer')
    await whenSynced(newer)
    older.destroy()
    await waitFor(() => relay.health().connections === 1, "'older' to be empty first")
    newer.destroy()
    await waitFor(() => relay.health().connections === 0, "then 'newer'")
    expect(relay.roomNames().sort()).toEqual(['newer', 'older'])

    // A third document: the least recently used empty one ('older') makes way.
    const third = connect('third')
    await whenSynced(third)
    await waitFor(() => unloaded.includes('older'), "'older' to be written and dropped")
    expect(relay.roomNames().sort()).toEqual(['newer', 'third'])
    const back = connect('older')
    await whenSynced(back)
    expect(back.text.toString()).toBe('kept in storage')
    expect(relay.roomNames().sort()).toEqual(['older', 'third'])

    // Both documents in memory now have a client: a third one cannot be made room for.
    const refused = await attemptUpgrade(relay.url, 'fourth')
    expect(refused).toEqual({ status: 503, body: expect.stringMatching(/as many documents as it may/) })
    expect(await metric('ensemble_limit_hits_total', 'limit="max-rooms",action="evicted"')).toBe(2)
    expect(await metric('ensemble_limit_hits_total', 'limit="max-rooms",action="refused"')).toBe(1)
    expect(warnings('max-rooms')).toEqual([
      'evicted: limit max-rooms (2) reached: dropped an empty document early',
      'evicted: limit max-rooms (2) reached: dropped an empty document early',
      'refused: limit max-rooms (2) reached: refused a connection: every document in memory is in use'
    ])
  })

  it('reports every limit in /metrics', async () => {
    await start({ limits: { maxBufferedBytes: 1234 } })
    const text = await relay.metrics.registry.metrics()
    for (const limit of ['max-connections', 'max-connections-per-address', 'message-rate', 'message-burst', 'max-rooms']) {
      expect(text).toMatch(new RegExp(`^ensemble_limit\\{limit="${limit}"\\} \\d+$`, 'm'))
    }
    expect(text).toMatch(/^ensemble_limit\{limit="max-buffered-bytes"\} 1234$/m)
  })

  it('refuses nonsensical limits with the name of the limit', async () => {
    await expect(startEnsembleRelay({ limits: { maxRooms: 0 } })).rejects.toThrow(/maxRooms must be a whole number of at least 1; got 0/)
    relay = await startEnsembleRelay()
  })
})
