import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  connectClient,
  startEnsembleRelay,
  startReferenceRelay,
  waitFor,
  waitForConvergence,
  whenSynced,
  type TestClient,
  type TestRelay
} from './testing/harness'

/**
 * The same scenarios, unchanged, against our relay and the reference `@y/websocket-server`:
 * passing on both shows that ours speaks the standard y-websocket protocol.
 */
describe.each([
  ['ensemble', startEnsembleRelay],
  ['reference', startReferenceRelay]
] as const)('y-websocket conformance: %s relay', (_kind, start) => {
  let relay: TestRelay
  const clients: TestClient[] = []
  const connect = (room: string): TestClient => {
    const client = connectClient(relay.url, room)
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    relay = await start()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await relay.close()
  })

  it('two clients editing at the same time converge', async () => {
    const room = `two-${Math.random()}`
    const [a, b] = [connect(room), connect(room)]
    await Promise.all([whenSynced(a), whenSynced(b)])
    for (let i = 0; i < 50; i++) {
      a.text.insert(0, `a${i} `)
      b.text.insert(b.text.length, `b${i} `)
    }
    await waitForConvergence([a, b])
    expect(a.text.toString()).toContain('a49 ')
    expect(a.text.toString()).toContain('b49 ')
    expect(a.text.length).toBe(b.text.length)
  })

  it('ten clients converge, including one that joins late', async () => {
    const room = `ten-${Math.random()}`
    const writers = Array.from({ length: 9 }, () => connect(room))
    await Promise.all(writers.map(whenSynced))
    writers.forEach((client, i) => {
      for (let k = 0; k < 20; k++) client.text.insert(0, `[${i}:${k}]`)
    })
    const late = connect(room)
    await waitForConvergence([...writers, late])
    for (let i = 0; i < 9; i++) expect(late.text.toString()).toContain(`[${i}:19]`)
    expect(late.text.length).toBe(9 * 20 * '[0:0]'.length + 9 * 10 * 1)
  })

  it('awareness reaches peers and is removed when its client disconnects', async () => {
    const room = `awareness-${Math.random()}`
    const [a, b] = [connect(room), connect(room)]
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'Ada', color: '#f80' })
    await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID)?.['user']?.name === 'Ada',
      "b to see Ada's awareness"
    )
    const c = connect(room)
    await waitFor(() => c.provider.awareness.getStates().has(a.doc.clientID), 'a late joiner to see Ada')
    a.provider.disconnect()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), "b to drop Ada's awareness")
    await waitFor(() => !c.provider.awareness.getStates().has(a.doc.clientID), "c to drop Ada's awareness")
  })
})
