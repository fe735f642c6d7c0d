import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, waitFor, waitForConvergence, whenSynced, type TestClient } from '../testing/harness'
import { startRelayProcess, startTcpBalancer, type RelayProcess, type TcpBalancer } from '../testing/relay-process'
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from '../testing/services'

/**
 * Three relay processes (the real CLI) joined through a real Redis and storing in a real
 * PostgreSQL, both started here on loopback. The tests run in order and share the cluster.
 */
describe('relay cluster', () => {
  let redis: TestRedis
  let postgres: TestPostgres
  let postgresUrl: string
  const instances: RelayProcess[] = []
  const clients: TestClient[] = []
  let balancer: TcpBalancer | undefined
  /** Converged texts of the documents, to compare with what a later instance serves. */
  const finalTexts = new Map<string, string>()

  const startInstance = async (id: string): Promise<RelayProcess> => {
    const instance = await startRelayProcess([
      '--storage', 'postgres', '--postgres-url', postgresUrl,
      '--redis-url', redis.url, '--instance-id', id, '--linger-ms', '200', '--data', ':memory:'
    ])
    instances.push(instance)
    return instance
  }
  const client = (url: string, room: string): TestClient => {
    const c = connectClient(url, room)
    clients.push(c)
    return c
  }
  const destroyClients = (): void => {
    for (const c of clients.splice(0)) c.destroy()
  }
  /** Types `count` unique tokens, a few milliseconds apart, at alternating ends of the text. */
  const typeTokens = async (c: TestClient, label: string, count: number, onEach?: (i: number) => void): Promise<string[]> => {
    const tokens: string[] = []
    for (let i = 0; i < count; i++) {
      const token = `[${label}:${i}]`
      c.text.insert(i % 2 === 0 ? 0 : c.text.length, token)
      tokens.push(token)
      onEach?.(i)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    return tokens
  }
  const expectEveryToken = (text: string, tokens: string[]): void => {
    const missing = tokens.filter((token) => !text.includes(token))
    expect(missing).toEqual([])
  }

  beforeAll(async () => {
    ;[redis, postgres] = await Promise.all([startRedis(), startPostgres()])
    postgresUrl = await postgres.createDatabase('cluster')
    await Promise.all(['a', 'b', 'c'].map((id) => startInstance(id)))
  }, 60_000)
  afterAll(async () => {
    destroyClients()
    await balancer?.close()
    await Promise.all(instances.map((instance) => instance.kill('SIGKILL')))
    await Promise.all([redis?.stop(), postgres?.stop()])
  })

  it('reports Redis and PostgreSQL reachable on every instance', async () => {
    for (const instance of instances) {
      const health = await instance.health()
      expect(health.status).toBe('ok')
      expect(health.dependencies.redis?.ok).toBe(true)
      expect(health.dependencies.postgres?.ok).toBe(true)
    }
  })

  it('lets clients spread over three instances edit the same documents and converge', async () => {
    const documents = ['spread/one', 'spread/two']
    const everyone = documents.map((doc) => instances.flatMap((instance) => [client(instance.url, doc), client(instance.url, doc)]))
    await Promise.all(everyone.flat().map(whenSynced))
    const typed = await Promise.all(everyone.flatMap((group, d) => group.map((c, i) => typeTokens(c, `${d}.${i}`, 8))))
    for (const [d, group] of everyone.entries()) {
      await waitForConvergence(group)
      expectEveryToken(group[0]!.text.toString(), typed.slice(d * group.length, (d + 1) * group.length).flat())
      finalTexts.set(documents[d]!, group[0]!.text.toString())
    }
    const metrics = await (await fetch(`${instances[2]!.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/ensemble_cluster_messages_received_total\{kind="update"\} [1-9]/)
    destroyClients()
  })

  it('carries awareness across instances and removes it when its client leaves', async () => {
    const [a, b, c] = instances
    const ada = client(a!.url, 'presence')
    const onB = client(b!.url, 'presence')
    const onC = client(c!.url, 'presence')
    await Promise.all([ada, onB, onC].map(whenSynced))
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    for (const peer of [onB, onC]) {
      await waitFor(() => peer.provider.awareness.getStates().get(ada.doc.clientID)?.user?.name === 'Ada', 'Ada on another instance')
    }
    ada.provider.disconnect()
    await waitFor(() => !onC.provider.awareness.getStates().has(ada.doc.clientID), 'Ada to leave on instance c')
    destroyClients()
  })

  it('loses no update when an instance is killed, and its clients carry on through another instance', async () => {
    const [a, b, c] = instances
    // Like a load balancer: new connections go to the first instance that accepts them, a while it lives.
    balancer = await startTcpBalancer(() => [a!.url, b!.url, c!.url])
    const onA = [client(balancer.url, 'kill/doc'), client(balancer.url, 'kill/doc')]
    const onB = client(b!.url, 'kill/doc')
    const onC = client(c!.url, 'kill/doc')
    const writers = [...onA, onB, onC]
    await Promise.all(writers.map(whenSynced))
    await waitFor(async () => (await a!.health()).connections === 2, 'two clients on instance a')
    let killed: Promise<void> | undefined
    const typed = await Promise.all(
      writers.map((writer, i) =>
        typeTokens(writer, `w${i}`, 40, (n) => {
          if (i === 0 && n === 15) killed = a!.kill('SIGKILL')
        })
      )
    )
    await killed
    await waitFor(() => onA.every((writer) => writer.provider.wsconnected && writer.provider.synced), 'the clients of a to reconnect')
    await waitForConvergence(writers, 15_000)
    expectEveryToken(onB.text.toString(), typed.flat())
    expect((await b!.health()).connections).toBe(3)
    finalTexts.set('kill/doc', onB.text.toString())
    destroyClients()
    await balancer.close()
    balancer = undefined
  })

  it('serves the full documents from a new instance started later, from PostgreSQL alone', async () => {
    const [, b, c] = instances
    await waitFor(async () => (await b!.health()).rooms === 0 && (await c!.health()).rooms === 0, 'b and c to unload every document')
    // Without Redis's recent updates, only what PostgreSQL holds can be served.
    const admin = new Redis(redis.url)
    await admin.flushall()
    admin.disconnect()
    const late = await startInstance('d')
    for (const [doc, text] of finalTexts) {
      const reader = client(late.url, doc)
      await whenSynced(reader)
      expect(reader.text.toString()).toBe(text)
    }
    destroyClients()
  })

  it('keeps serving each instance\'s own clients while Redis is down, reports degraded, and converges when it returns', async () => {
    const [, b, c] = instances
    const first = client(b!.url, 'outage/doc')
    const second = client(b!.url, 'outage/doc')
    const elsewhere = client(c!.url, 'outage/doc')
    await Promise.all([first, second, elsewhere].map(whenSynced))
    first.text.insert(0, '(before)')
    await waitForConvergence([first, second, elsewhere])

    await redis.kill()
    for (const instance of [b!, c!]) {
      await waitFor(async () => (await instance.health()).status === 'degraded', 'health to report degraded')
      const health = await instance.health()
      expect(health.dependencies.redis?.ok).toBe(false)
      expect(health.dependencies.postgres?.ok).toBe(true)
    }
    first.text.insert(first.text.length, '(on b during the outage)')
    await waitFor(() => second.text.toString().includes('(on b during the outage)'), 'b to serve its own clients')
    elsewhere.text.insert(0, '(on c during the outage)')

    await redis.start()
    for (const instance of [b!, c!]) {
      await waitFor(async () => (await instance.health()).status === 'ok', 'health to report ok again')
    }
    await waitForConvergence([first, second, elsewhere])
    expectEveryToken(elsewhere.text.toString(), ['(before)', '(on b during the outage)', '(on c during the outage)'])
    destroyClients()
  })

  it('keeps documents in memory editable across instances while PostgreSQL is down, and stores them when it returns', async () => {
    const [, b, c, d] = instances
    const onB = client(b!.url, 'pg-outage/doc')
    const onC = client(c!.url, 'pg-outage/doc')
    await Promise.all([onB, onC].map(whenSynced))

    await postgres.kill()
    onB.text.insert(0, 'typed while PostgreSQL was down')
    await waitFor(() => onC.text.toString() === 'typed while PostgreSQL was down', 'the edit to cross instances')
    await waitFor(async () => (await b!.health()).dependencies.postgres?.ok === false, 'b to report PostgreSQL unreachable')
    expect((await b!.health()).status).toBe('degraded')

    await postgres.start()
    await waitFor(async () => (await b!.health()).status === 'ok', 'b to report PostgreSQL reachable again')
    destroyClients()
    await waitFor(async () => (await b!.health()).rooms === 0 && (await c!.health()).rooms === 0, 'b and c to unload the document')
    const admin = new Redis(redis.url)
    await admin.flushall()
    admin.disconnect()
    const reader = client(d!.url, 'pg-outage/doc')
    await whenSynced(reader)
    expect(reader.text.toString()).toBe('typed while PostgreSQL was down')
    destroyClients()
  })
})
