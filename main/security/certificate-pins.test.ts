import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOrCreateTlsIdentity, type TlsIdentity } from '../lan/tls-identity'
import { CertificatePins, checkRelayCertificate, verdicts } from './certificate-pins'

const fingerprint = (letter: string): string => `sha256/${letter.repeat(43)}=`

describe('CertificatePins', () => {
  it('accepts a pinned host only with its fingerprint, whatever Chromium thinks, and leaves other hosts to Chromium', () => {
    const pins = new CertificatePins()
    pins.pin('192.168.1.20', fingerprint('A'))
    expect(pins.verify('192.168.1.20', fingerprint('A'), -202)).toBe(verdicts.accept)
    expect(pins.verify('192.168.1.20', fingerprint('B'), -202)).toBe(verdicts.refuse)
    // Even a certificate Chromium trusts is refused from a pinned host when it is not the pinned one.
    expect(pins.verify('192.168.1.20', fingerprint('B'), 0)).toBe(verdicts.refuse)
    expect(pins.verify('relay.example.org', fingerprint('C'), 0)).toBe(verdicts.accept)
    expect(pins.verify('relay.example.org', fingerprint('C'), -202)).toBe(verdicts.useChromium)
    pins.pin('[FE80::1]', fingerprint('D'))
    expect(pins.verify('fe80::1', fingerprint('D'), -202)).toBe(verdicts.accept)
  })
})

describe('checkRelayCertificate', () => {
  let dir: string
  let identity: TlsIdentity
  let server: Server
  let relay: string
  let requests = 0

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-pins-'))
    identity = await loadOrCreateTlsIdentity(join(dir, 'lan-identity.json'), 'host')
    server = createServer({ key: identity.key, cert: identity.cert }, (socket) => {
      socket.on('data', () => requests++)
      socket.on('error', () => {})
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    relay = `wss://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await rm(dir, { recursive: true, force: true })
  })

  it('accepts the host that presents the invite\'s certificate', async () => {
    expect(await checkRelayCertificate(relay, identity.fingerprint)).toBeNull()
  })

  it('refuses another certificate, says what was presented and what to do, and sends nothing', async () => {
    const problem = await checkRelayCertificate(relay, fingerprint('B'))
    expect(problem).toBe(
      `the host at ${relay.slice('wss://'.length)} presented a certificate (${identity.fingerprint}) that is not the one in your invite (${fingerprint('B')}). ` +
        'Someone else may be answering in its place; ask the host for a new invite, or check that you are on the right network.'
    )
    expect(requests).toBe(0)
  })

  it('says when nobody answers', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    expect(await checkRelayCertificate(`wss://127.0.0.1:${port}`, identity.fingerprint)).toMatch(
      new RegExp(`^cannot reach 127\\.0\\.0\\.1:${port} over TLS: .*ECONNREFUSED.*; check that the host is still hosting and on your network$`)
    )
  })
})
