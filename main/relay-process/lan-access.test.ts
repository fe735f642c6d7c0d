import { jwtVerify, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attemptUpgrade, connectClient, startEnsembleRelay, upgradeStatus, waitFor, whenSynced, type TestClient } from '../../server/testing/harness'
import type { Relay } from '../../server/relay'
import { createSessionSecret, mintSessionToken } from '../lan/session-token'
import { appOrigin } from '../security/app-origin'
import { LanAccessExtension } from './lan-access'
import { LanListener } from './lan-listener'
import { pinnedSocketOptions } from '../../server/testing/pinned-tls'
import { loadOrCreateTlsIdentity, type TlsIdentity } from '../lan/tls-identity'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

describe('LAN access to the embedded relay', () => {
  const secret = createSessionSecret()
  const access = new LanAccessExtension()
  const clients: TestClient[] = []
  let relay: Relay
  let lan: LanListener
  let lanUrl: string
  let identity: TlsIdentity
  let identityDir: string
  /** How a LAN guest connects: TLS, accepting the host's certificate by its fingerprint. */
  const guestTls = () => pinnedSocketOptions(identity.fingerprint)

  beforeAll(async () => {
    identityDir = await mkdtemp(join(tmpdir(), 'ensemble-lan-access-'))
    identity = await loadOrCreateTlsIdentity(join(identityDir, 'lan-identity.json'), 'host')
    relay = await startEnsembleRelay({ extensions: [access] })
    // Loopback stands in for a LAN interface: the policy applies to the listener, not the address.
    lan = await LanListener.open(relay, '127.0.0.1', 0, identity)
    lanUrl = `wss://127.0.0.1:${lan.port}`
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await lan.close()
    await relay.close()
    await rm(identityDir, { recursive: true, force: true })
  })
  const client = (url: string, room: string, params: Record<string, string> = {}): TestClient => {
    const created = connectClient(url, room, { params, ...(url.startsWith('wss:') ? { socketOptions: guestTls() } : {}) })
    clients.push(created)
    return created
  }
  const token = async (doc: string, role: 'edit' | 'view'): Promise<string> =>
    (await mintSessionToken(secret, { doc, role, ttlSeconds: 600 })).token

  /** A token that expired an hour ago: minted two hours ago for one hour. */
  const expiredToken = async (doc: string): Promise<string> =>
    (await mintSessionToken(secret, { doc, role: 'edit', ttlSeconds: 3600 }, () => Date.now() - 7_200_000)).token

  it('mints HS256 tokens with the relay auth claims that jose verifies', async () => {
    const minted = await mintSessionToken(secret, { doc: 'team/*', role: 'view', ttlSeconds: 3600, name: 'Guest' }, () => 1_700_000_000_000)
    const { payload, protectedHeader } = await jwtVerify(minted.token, new TextEncoder().encode(secret), {
      currentDate: new Date(1_700_000_000_000)
    })
    expect(protectedHeader.alg).toBe('HS256')
    expect(payload).toMatchObject({ doc: 'team/*', role: 'view', name: 'Guest', exp: 1_700_003_600 })
    expect(minted.expiresAt).toBe(1_700_003_600_000)
  })

  it('refuses the LAN while not hosting, but never the loopback port', async () => {
    access.setPolicy(null)
    expect(await upgradeStatus(`${lanUrl}/notes`, guestTls())).toBe(403)
    expect(await upgradeStatus(`${relay.url}/notes`)).toBe(101)
  })

  it('in "only people with the link" mode, refuses missing, forged, expired and other-document tokens', async () => {
    access.setPolicy({ secret, access: 'link', networkRole: 'edit' })
    const forged = await new SignJWT({ doc: 'notes', role: 'edit' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(createSessionSecret()))
    expect(await upgradeStatus(`${lanUrl}/notes`, guestTls())).toBe(401)
    expect(await upgradeStatus(`${lanUrl}/notes?token=${forged}`, guestTls())).toBe(401)
    expect(await upgradeStatus(`${lanUrl}/notes?token=${await expiredToken('notes')}`, guestTls())).toBe(401)
    expect(await upgradeStatus(`${lanUrl}/notes?token=${await token('other', 'edit')}`, guestTls())).toBe(403)
    expect(await upgradeStatus(`${lanUrl}/notes?token=${await token('notes', 'edit')}`, guestTls())).toBe(101)
    expect(await upgradeStatus(`${lanUrl}/team/plan?token=${await token('team/*', 'view')}`, guestTls())).toBe(101)
  })

  it('lets an edit token write and keeps a view token from changing the document', async () => {
    access.setPolicy({ secret, access: 'link', networkRole: 'edit' })
    const host = client(relay.url, 'shared')
    const editor = client(lanUrl, 'shared', { token: await token('shared', 'edit') })
    const viewer = client(lanUrl, 'shared', { token: await token('shared', 'view') })
    await Promise.all([whenSynced(host), whenSynced(editor), whenSynced(viewer)])
    viewer.text.insert(0, 'VIEWER ')
    editor.text.insert(0, 'editor')
    await waitFor(() => host.text.toString() === 'editor', 'the editor\'s edit to reach the host')
    await waitFor(() => viewer.text.toString().includes('editor'), 'the viewer to receive the edit')
    const fresh = client(relay.url, 'shared')
    await whenSynced(fresh)
    expect(fresh.text.toString()).toBe('editor')
  })

  it('in "anyone on this network" mode, lets people in without a token with the network role', async () => {
    access.setPolicy({ secret, access: 'network', networkRole: 'view' })
    const host = client(relay.url, 'open')
    const guest = client(lanUrl, 'open')
    await Promise.all([whenSynced(host), whenSynced(guest)])
    guest.text.insert(0, 'guest')
    host.text.insert(0, 'host')
    await waitFor(() => guest.text.toString().includes('host'), 'the host\'s edit to reach the guest')
    const fresh = client(relay.url, 'open')
    await whenSynced(fresh)
    expect(fresh.text.toString()).toBe('host')
  })

  it('on the loopback port, refuses pages other than the app\'s and its own, and DNS-rebinding hosts', async () => {
    access.setPolicy(null)
    const port = new URL(relay.url).port
    const withHeaders = (headers: Record<string, string>) => attemptUpgrade(relay.url, 'private', { headers })
    expect((await withHeaders({ origin: appOrigin })).status).toBe(101)
    expect((await withHeaders({ origin: `http://127.0.0.1:${port}` })).status).toBe(101)
    const visited = await withHeaders({ origin: 'https://some-site.example' })
    expect(visited).toEqual({ status: 403, body: expect.stringContaining('"https://some-site.example" may not use') as string })
    // A page of evil.example whose name now resolves to 127.0.0.1: same origin as far as the browser knows.
    const rebound = await withHeaders({ origin: `http://evil.example:${port}`, host: `evil.example:${port}` })
    expect(rebound).toEqual({ status: 403, body: expect.stringContaining('not to "evil.example') as string })
    // The document API answers through the same check.
    const api = await fetch(`http://127.0.0.1:${port}/api/docs/private/access`, { headers: { origin: 'https://some-site.example' } })
    expect(api.status).toBe(403)
  })

  it('lets LAN pages of any origin follow the hosting policy', async () => {
    access.setPolicy({ secret, access: 'network', networkRole: 'view' })
    const answer = await attemptUpgrade(lanUrl, 'open', { headers: { origin: 'http://192.168.1.20:5000', host: '192.168.1.20:5000' }, socketOptions: guestTls() })
    expect(answer.status).toBe(101)
  })
})
