import { afterEach, describe, expect, it } from 'vitest'
import {
  connectClient,
  startEnsembleRelay,
  startReferenceRelay,
  waitFor,
  whenSynced,
  type TestClient,
  type TestRelay
} from '../../server/testing/harness'
import { ListenerClient } from './listener-client'

const relays: [string, () => Promise<TestRelay>][] = [
  ['our relay', () => startEnsembleRelay()],
  ['the reference relay', startReferenceRelay]
]

describe.each(relays)('ListenerClient against %s', (_name, start) => {
  let relay: TestRelay | undefined
  const clients: TestClient[] = []
  const listeners: ListenerClient[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await Promise.all(listeners.splice(0).map((listener) => listener.close()))
    await relay?.close()
  })

  it('syncs, counts the updates a writer makes and shows up in the writer’s awareness', async () => {
    relay = await start()
    const writer = connectClient(relay.url, 'listened')
    clients.push(writer)
    await whenSynced(writer)
    const dropped: string[] = []
    const listener = new ListenerClient(relay.url, 'listened', {
      awarenessState: { user: { name: 'quiet listener' } },
      onUnexpectedClose: (code) => dropped.push(String(code))
    })
    listeners.push(listener)
    await listener.ready

    for (let i = 0; i < 5; i++) writer.text.insert(0, 'x')
    await waitFor(() => listener.updateFrames === 5, 'the listener to receive five updates')
    await waitFor(
      () => [...writer.provider.awareness.getStates().values()].some((state) => state.user?.name === 'quiet listener'),
      'the writer to see the listener’s awareness state'
    )
    expect(listener.bytesReceived).toBeGreaterThan(0)
    expect(dropped).toEqual([])
  })

  it('joins without an awareness state and still receives what a later writer sends', async () => {
    relay = await start()
    const listener = new ListenerClient(relay.url, 'late-writer', { awarenessState: null })
    listeners.push(listener)
    await listener.ready
    const writer = connectClient(relay.url, 'late-writer')
    clients.push(writer)
    await whenSynced(writer)
    writer.text.insert(0, 'hello')
    await waitFor(() => listener.updateFrames === 1, 'the listener to receive the update')
    expect(listener.otherFrames).toBe(0)
  })
})
