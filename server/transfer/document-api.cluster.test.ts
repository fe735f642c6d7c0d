import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentFragmentName } from '../../app/document'
import { documentToMarkdown } from '../../app/convert/markdown-export'
import { readDocument } from '../../app/convert/yjs-content'
import { RedisFanout } from '../cluster/redis-fanout'
import type { Relay } from '../relay'
import { MemoryStorage } from '../storage/memory-storage'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from '../testing/harness'
import { startRedis, type TestRedis } from '../testing/services'

/** An import on one instance reaches a client of another through the Redis fan-out, like any edit. */
describe('document API across instances', () => {
  let redis: TestRedis
  const relays: Relay[] = []
  const clients: TestClient[] = []
  beforeAll(async () => {
    redis = await startRedis()
    const storage = new MemoryStorage()
    for (const id of ['one', 'two']) {
      const relay = await startEnsembleRelay({ storage, extensions: [new RedisFanout({ url: redis.url, instanceId: id, keyPrefix: 'import-test:' })] })
      relays.push(relay)
      await waitFor(() => relay.health().status === 'ok', `instance ${id} to reach Redis`)
    }
  }, 60_000)
  afterAll(async () => {
    for (const c of clients) c.destroy()
    for (const relay of relays) await relay.close()
    await redis?.stop()
  })

  it('shows an import made on the first instance to a client of the second', async () => {
    const [first, second] = relays as [Relay, Relay]
    const reader = connectClient(second.url, 'shared-plan')
    clients.push(reader)
    await whenSynced(reader)
    const response = await fetch(`${first.url.replace(/^ws/, 'http')}/api/docs/shared-plan/import?format=md`, {
      method: 'POST',
      body: '# From a script\n\n- [ ] review\n'
    })
    expect(response.status).toBe(200)
    await waitFor(
      () => documentToMarkdown(readDocument(reader.doc.getXmlFragment(documentFragmentName))) === '# From a script\n\n- [ ] review\n',
      'the client on the second instance to show the import'
    )
  })
})
