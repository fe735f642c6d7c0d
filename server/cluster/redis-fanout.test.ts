import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Relay } from '../relay'
import { MemoryStorage } from '../storage/memory-storage'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from '../testing/harness'
import { startTcpBalancer } from '../testing/relay-process'
import { startRedis, type TestRedis } from '../testing/services'
import { encodeFanoutMessage } from './fanout-message'
import { RedisFanout } from './redis-fanout'

/** Shared storage whose appends from one instance can be held back, like an instance that dies before writing. */
class HeldStorage extends MemoryStorage {
  private held: (() => void)[] = []
  hold = false
  constructor(private readonly shared: MemoryStorage) {
    super()
  }
  override load(name: string): Promise<Uint8Array | null> {
    return this.shared.load(name)
  }
  override append(name: string, update: Uint8Array): Promise<void> {
    if (!this.hold) return this.shared.append(name, update)
    // Never written: resolves only when the test lets go, as if the process had died.
    return new Promise((resolve) => this.held.push(resolve))
  }
  override compact(name: string): Promise<void> {
    return this.shared.compact(name)
  }
  dropHeld(): void {
    for (const release of this.held.splice(0)) release()
  }
}

describe('RedisFanout', () => {
  let redis: TestRedis
  let admin: Redis
  let testNumber = 0
  const cleanup: (() => Promise<void> | void)[] = []
  beforeAll(async () => {
    redis = await startRedis()
    admin = new Redis(redis.url)
  })
  afterAll(async () => {
    admin?.disconnect()
    await redis?.stop()
  })
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  /** Two relay instances on one Redis (with a key prefix of their own) and one shared storage. */
  const cluster = async (options: { heldStorage?: boolean; firstRedisUrl?: string } = {}) => {
    const prefix = `test${++testNumber}:`
    const shared = new MemoryStorage()
    const firstStorage = new HeldStorage(shared)
    const start = async (id: string, storage: MemoryStorage, url = redis.url): Promise<Relay> => {
      const relay = await startEnsembleRelay({
        storage,
        lingerMs: 0,
        extensions: [new RedisFanout({ url, instanceId: id, keyPrefix: prefix })]
      })
      cleanup.push(() => relay.close())
      await waitFor(() => relay.health().status === 'ok', `instance ${id} to reach Redis`)
      return relay
    }
    const first = await start('one', options.heldStorage === true ? firstStorage : shared, options.firstRedisUrl)
    const second = await start('two', shared)
    return { prefix, shared, firstStorage, first, second }
  }
  const client = (relay: Relay, room: string): TestClient => {
    const c = connectClient(relay.url, room)
    cleanup.push(() => c.destroy())
    return c
  }
  const metric = async (relay: Relay, line: string): Promise<number> => {
    const text = await relay.metrics.registry.metrics()
    const found = text.split('\n').find((l) => l.startsWith(line + ' '))
    return found === undefined ? 0 : Number(found.slice(line.length + 1))
  }

  it('carries updates between instances, counts them, and never publishes a remote update again', async () => {
    const { prefix, first, second } = await cluster()
    const a = client(first, 'shared')
    const b = client(second, 'shared')
    await Promise.all([whenSynced(a), whenSynced(b)])
    let edits = 0
    for (let i = 0; i < 10; i++) {
      ;(i % 2 === 0 ? a : b).text.insert(0, `${i};`)
      edits++
    }
    await waitFor(() => a.text.length === b.text.length && a.text.toString() === b.text.toString() && a.text.length > 0, 'both to converge')
    await waitFor(() => a.text.toString().split(';').length === 11, 'every edit to arrive')
    // One stream entry per client edit: an instance that re-published what it received would add more.
    expect(await admin.xlen(`${prefix}log:shared`)).toBe(edits)
    expect(await metric(first, 'ensemble_cluster_messages_published_total{kind="update"}')).toBe(5)
    // Each instance receives only the other's edits: its own come back from Redis and are dropped.
    expect(await metric(second, 'ensemble_cluster_messages_received_total{kind="update"}')).toBe(5)
    expect(await metric(first, 'ensemble_cluster_messages_received_total{kind="update"}')).toBe(5)
    expect(await metric(first, 'ensemble_cluster_bytes_received_total{kind="update"}')).toBeGreaterThan(0)
  })

  it('carries awareness between instances and removes it when its client leaves', async () => {
    const { first, second } = await cluster()
    const a = client(first, 'presence')
    const b = client(second, 'presence')
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada', 'Ada to appear on the other instance')
    a.provider.disconnect()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'Ada to disappear on the other instance')
  })

  it('shows an instance that loads a document later the awareness of the other instances', async () => {
    const { first, second } = await cluster()
    const a = client(first, 'late-presence')
    await whenSynced(a)
    a.provider.awareness.setLocalStateField('user', { name: 'Grace' })
    const b = client(second, 'late-presence')
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Grace', 'Grace to appear for a late joiner')
  })

  it('catches up from the Redis stream an update that storage does not have yet', async () => {
    const { prefix, first, second, firstStorage, shared } = await cluster({ heldStorage: true })
    cleanup.push(() => firstStorage.dropHeld())
    firstStorage.hold = true
    const writer = client(first, 'only-in-redis')
    await whenSynced(writer)
    writer.text.insert(0, 'published, never stored')
    await waitFor(async () => (await admin.xlen(`${prefix}log:only-in-redis`)) === 1, 'the update to reach the stream')
    expect(await shared.load('only-in-redis')).toBeNull()
    // The second instance has never held the document: it loads storage, then the stream.
    const reader = client(second, 'only-in-redis')
    await whenSynced(reader)
    expect(reader.text.toString()).toBe('published, never stored')
  })

  it('stores what an instance that died before writing had published, when the surviving one unloads', async () => {
    const { first, second, firstStorage, shared } = await cluster({ heldStorage: true })
    cleanup.push(() => firstStorage.dropHeld())
    firstStorage.hold = true
    const writer = client(first, 'orphaned')
    const reader = client(second, 'orphaned')
    await Promise.all([whenSynced(writer), whenSynced(reader)])
    writer.text.insert(0, 'kept by the survivor')
    await waitFor(() => reader.text.toString() === 'kept by the survivor', 'the update to reach the other instance')
    reader.destroy()
    await waitFor(() => !second.roomNames().includes('orphaned'), 'the surviving instance to unload the document')
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await shared.load('orphaned'))!)
    expect(stored.getText('text').toString()).toBe('kept by the survivor')
  })

  it('drops malformed Redis messages without touching the document or its clients', async () => {
    const { prefix, first, second } = await cluster()
    const a = client(first, 'guarded')
    await whenSynced(a)
    a.text.insert(0, 'intact')
    const b = client(second, 'guarded')
    await waitFor(() => b.text.toString() === 'intact', 'the text to reach the other instance')
    const before = first.documentState('guarded')!
    const forged = (kind: 'update' | 'awareness', payload: number[]): Buffer =>
      Buffer.from(encodeFanoutMessage({ origin: 'forger/0', kind, payload: new Uint8Array(payload) }))
    const garbage = [
      Buffer.from([0xff, 0xfe, 0x01]), // not a fan-out message
      Buffer.from([9, 1, 0x61, 0, 0]), // a version nobody speaks
      forged('update', [5, 200, 3, 1, 2]), // framing fine, Yjs update broken
      forged('awareness', [1, 7, 1, 3, 0x7b]) // awareness update with a truncated JSON state
    ]
    for (const message of garbage) await admin.publish(`${prefix}doc:guarded`, message)
    await admin.xadd(`${prefix}log:guarded`, '*', 'm', forged('update', [1, 2, 3]))
    await waitFor(() => first.metrics.errorCount('cluster-malformed') === garbage.length, 'every malformed message to be dropped')
    expect(Buffer.from(first.documentState('guarded')!)).toEqual(Buffer.from(before))
    // A third client loading the document through the poisoned stream gets the same document.
    b.destroy()
    await waitFor(() => !second.roomNames().includes('guarded'), 'the second instance to unload the document')
    const c = client(second, 'guarded')
    await whenSynced(c)
    expect(c.text.toString()).toBe('intact')
    expect(second.metrics.errorCount('cluster-malformed')).toBeGreaterThanOrEqual(1)
    // And the clients of the first instance were never disconnected.
    a.text.insert(6, '!')
    await waitFor(() => c.text.toString() === 'intact!', 'editing to go on')
    expect(a.provider.wsconnected).toBe(true)
  })

  it('publishes, once back, what its clients changed while it alone was cut off from Redis', async () => {
    let reachable = true
    const proxy = await startTcpBalancer(() => (reachable ? [redis.url] : []))
    cleanup.push(() => proxy.close())
    const { first, second } = await cluster({ firstRedisUrl: proxy.url.replace(/^ws/, 'redis') })
    const kept = [client(first, 'cut/kept'), client(second, 'cut/kept')]
    const left = [client(first, 'cut/left'), client(second, 'cut/left')]
    await Promise.all([...kept, ...left].map(whenSynced))
    reachable = false
    proxy.dropConnections()
    await waitFor(() => first.health().status === 'degraded', 'the first instance to lose Redis')
    expect(second.health().status).toBe('ok')
    kept[0]!.text.insert(0, 'typed while cut off')
    left[0]!.text.insert(0, 'typed while cut off, then left')
    // The second document is unloaded from the cut-off instance before Redis returns.
    left[0]!.destroy()
    await waitFor(() => !first.roomNames().includes('cut/left'), 'the first instance to unload the document')
    reachable = true
    await waitFor(() => first.health().status === 'ok', 'the first instance to reach Redis again')
    await waitFor(() => kept[1]!.text.toString() === 'typed while cut off', 'the change to a loaded document to arrive')
    await waitFor(() => left[1]!.text.toString() === 'typed while cut off, then left', 'the change to an unloaded document to arrive')
  })

  it('counts a publish Redis refused and still delivers the update, then the whole document again', async () => {
    const { prefix, first, second } = await cluster()
    // A key of the wrong type makes XADD fail; PUBLISH in the same pipeline still goes out.
    await admin.set(`${prefix}log:refused`, 'not a stream')
    const a = client(first, 'refused')
    const b = client(second, 'refused')
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.text.insert(0, 'delivered anyway')
    await waitFor(() => b.text.toString() === 'delivered anyway', 'the update to arrive live')
    await waitFor(() => first.metrics.errorCount('cluster-publish') >= 1, 'the refused publish to be counted')
    // The whole document follows a second later (and is refused by the stream again, counted once more).
    await waitFor(() => first.metrics.errorCount('cluster-publish') >= 2, 'the whole document to be published again', 5000)
    expect(b.text.toString()).toBe('delivered anyway')
  })

  it('subscribes to a document only while it is in memory', async () => {
    const { prefix, first } = await cluster()
    const subscribers = async (): Promise<number> => {
      const [, count] = (await admin.pubsub('NUMSUB', `${prefix}doc:transient`)) as [string, number]
      return Number(count)
    }
    const a = client(first, 'transient')
    await whenSynced(a)
    expect(await subscribers()).toBe(1)
    a.destroy()
    await waitFor(() => first.roomNames().length === 0, 'the document to unload')
    await waitFor(async () => (await subscribers()) === 0, 'the subscription to end')
  })
})
