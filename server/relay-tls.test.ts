import { get } from 'node:https'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Relay } from './relay'
import { attemptUpgrade, connectClient, startEnsembleRelay, waitFor, whenSynced } from './testing/harness'
import { createTestCertificate, type TestCertificate } from './testing/test-certificate'

let certificate: TestCertificate
let relay: Relay

beforeAll(async () => {
  certificate = await createTestCertificate()
  relay = await startEnsembleRelay({ host: '127.0.0.1', tls: { cert: certificate.cert, key: certificate.key } })
})
afterAll(async () => {
  await relay.close()
  await certificate.remove()
})

it('serves wss:// with the given certificate, and clients that trust it sync', async () => {
  expect(relay.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/)
  const socketOptions = { ca: certificate.cert }
  const a = connectClient(relay.url, 'secure', { socketOptions })
  const b = connectClient(relay.url, 'secure', { socketOptions })
  try {
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.text.insert(0, 'over TLS')
    await waitFor(() => b.text.toString() === 'over TLS', 'the edit to cross the TLS relay')
  } finally {
    a.destroy()
    b.destroy()
  }
})

it('serves HTTPS on the same port, and refuses clients that do not trust the certificate', async () => {
  const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(`${relay.url.replace(/^wss/, 'https')}/healthz`, { ca: certificate.cert }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    }).on('error', reject)
  })
  expect(health.status).toBe(200)
  expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' })
  await expect(attemptUpgrade(relay.url, 'secure')).rejects.toThrow(/self-signed certificate/)
})
