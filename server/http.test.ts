import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Relay } from './relay'
import { connectClient, startEnsembleRelay, whenSynced } from './testing/harness'

describe('relay HTTP', () => {
  let webRoot: string
  let relay: Relay
  let bare: Relay
  const http = (relayUnderTest: Relay, path: string): Promise<Response> =>
    fetch(relayUnderTest.url.replace(/^ws/, 'http') + path)

  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'ensemble-web-'))
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Ensemble</title>')
    await mkdir(join(webRoot, 'assets'))
    await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log("app")')
    relay = await startEnsembleRelay({ webRoot })
    bare = await startEnsembleRelay({ webRoot: null })
  })
  afterAll(async () => {
    await relay.close()
    await bare.close()
    await rm(webRoot, { recursive: true, force: true })
  })

  it('reports health as JSON with rooms, connections and uptime', async () => {
    const client = connectClient(relay.url, 'health')
    await whenSynced(client)
    const response = await http(relay, '/healthz')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toMatchObject({ status: 'ok', rooms: 1, connections: 1, uptimeSeconds: expect.any(Number) })
    client.destroy()
  })

  it('exposes Prometheus metrics that count traffic by message type', async () => {
    const client = connectClient(relay.url, 'metrics')
    await whenSynced(client)
    client.text.insert(0, 'counted')
    const text = await (await http(relay, '/metrics')).text()
    expect(text).toMatch(/^ensemble_connections \d+$/m)
    expect(text).toMatch(/^ensemble_rooms \d+$/m)
    expect(text).toMatch(/^ensemble_messages_received_total\{type="sync"\} [1-9]\d*$/m)
    expect(text).toMatch(/^ensemble_bytes_sent_total\{type="sync"\} [1-9]\d*$/m)
    expect(text).toContain('ensemble_storage_write_seconds_bucket')
    client.destroy()
  })

  it('serves the web client, with the app for client-side routes', async () => {
    const index = await http(relay, '/')
    expect(index.headers.get('content-type')).toContain('text/html')
    expect(await index.text()).toContain('<title>Ensemble</title>')
    const script = await http(relay, '/assets/app.js')
    expect(script.headers.get('content-type')).toContain('text/javascript')
    expect(await (await http(relay, '/some/route')).text()).toContain('<title>Ensemble</title>')
    expect((await http(relay, '/missing.js')).status).toBe(404)
  })

  it('never serves files outside the web root', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json']) {
      const response = await http(relay, path)
      expect(await response.text()).not.toContain('"name": "ensemble"')
    }
  })

  it('says how to build the web client when there is none', async () => {
    const response = await http(bare, '/')
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('npm run build:web')
  })

  it('refuses methods other than GET', async () => {
    const response = await fetch(relay.url.replace(/^ws/, 'http') + '/healthz', { method: 'POST' })
    expect(response.status).toBe(405)
  })
})
