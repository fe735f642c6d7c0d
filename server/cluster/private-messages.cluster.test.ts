import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Relay } from '../relay'
import { MemoryStorage } from '../storage/memory-storage'
import { startEnsembleRelay, waitFor } from '../testing/harness'
import { everyoneSeen, joinAsPerson, texts, type Person } from '../testing/people'
import { startRedis, type TestRedis } from '../testing/services'
import { RedisFanout } from './redis-fanout'

/** Private messages between people connected to different instances, through a real Redis. */
describe('private messages across instances', () => {
  let redis: TestRedis
  const relays: Relay[] = []
  const people: Person[] = []
  beforeAll(async () => {
    redis = await startRedis()
    const storage = new MemoryStorage()
    for (const id of ['one', 'two']) {
      const relay = await startEnsembleRelay({ storage, extensions: [new RedisFanout({ url: redis.url, instanceId: id, keyPrefix: 'pm-test:' })] })
      relays.push(relay)
      await waitFor(() => relay.health().status === 'ok', `instance ${id} to reach Redis`)
    }
  }, 60_000)
  afterAll(async () => {
    for (const person of people) person.client.destroy()
    for (const relay of relays) await relay.close()
    await redis?.stop()
  })

  it('reach a recipient on the other instance and nobody else there', async () => {
    const [one, two] = relays as [Relay, Relay]
    const ada = await joinAsPerson(one.url, 'doc')
    const bob = await joinAsPerson(two.url, 'doc')
    const cyd = await joinAsPerson(two.url, 'doc')
    people.push(ada, bob, cyd)
    await everyoneSeen(people)
    ada.send(bob.id, 'across instances')
    ada.send(cyd.id, 'marker for Cyd')
    await waitFor(() => texts(bob).length === 1 && texts(cyd).length === 1, 'Bob and Cyd to get their messages')
    expect(texts(bob)).toEqual(['across instances'])
    expect(texts(cyd)).toEqual(['marker for Cyd'])
    expect(ada.inbox).toEqual([])
    // Replies go back the same way.
    bob.send(ada.id, 'got it')
    await waitFor(() => texts(ada).length === 1, 'Ada to get the reply')
    expect(ada.inbox[0]).toMatchObject({ kind: 'send', message: { from: bob.id, to: ada.id, text: 'got it' } })
  })
})
