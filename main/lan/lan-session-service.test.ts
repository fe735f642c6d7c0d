import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseInviteLink, parseWebUrl } from '../../app/invite-link'
import type { Relay } from '../../server/relay'
import { connectClient, startEnsembleRelay, upgradeStatus, waitFor, whenSynced, type TestClient } from '../../server/testing/harness'
import { Emitter } from '../common/event'
import { LanAccessExtension } from '../relay-process/lan-access'
import { LanListener } from '../relay-process/lan-listener'
import type { LanPolicy, LanTls } from '../relay-process/protocol'
import { pinnedSocketOptions } from '../../server/testing/pinned-tls'
import { LanSessionService } from './lan-session-service'
import { loadOrCreateTlsIdentity, type TlsIdentity } from './tls-identity'

/**
 * The relay process's hosting commands, run in this process on a real relay: the same
 * `LanAccessExtension` and `LanListener` that `serve.ts` uses (the process path itself is covered by
 * `relay-host-service.test.ts`).
 */
class InProcessRelayHost {
  readonly access = new LanAccessExtension()
  readonly documents = new Emitter<number>()
  readonly onDidChangeDocumentCount = this.documents.event
  lan: LanListener | null = null
  constructor(readonly relay: Relay) {}
  async host(host: string, port: number, policy: LanPolicy, tls: LanTls): Promise<number> {
    await this.unhost()
    this.access.setPolicy(policy)
    this.lan = await LanListener.open(this.relay, host, port, tls)
    return this.lan.port
  }
  async unhost(): Promise<void> {
    this.access.setPolicy(null)
    await this.lan?.close()
    this.lan = null
  }
}

describe('LanSessionService', () => {
  let relayHost: InProcessRelayHost
  let service: LanSessionService
  const advertised: unknown[] = []
  const clients: TestClient[] = []
  let identity: TlsIdentity
  let identityDir: string
  /** A guest of the LAN session: it accepts the host's certificate only with the fingerprint of its invite. */
  const client = (url: string, room: string, params: Record<string, string> = {}): TestClient => {
    const created = connectClient(url, room, { params, ...(url.startsWith('wss:') ? { socketOptions: pinnedSocketOptions(identity.fingerprint) } : {}) })
    clients.push(created)
    return created
  }

  beforeEach(async () => {
    identityDir = await mkdtemp(join(tmpdir(), 'ensemble-lan-tls-'))
    identity = await loadOrCreateTlsIdentity(join(identityDir, 'lan-identity.json'), 'ana-laptop')
    const access = new LanAccessExtension()
    const relay = await startEnsembleRelay({ extensions: [access] })
    relayHost = Object.assign(new InProcessRelayHost(relay), { access })
    advertised.length = 0
    service = new LanSessionService({
      relay: relayHost,
      discovery: {
        advertise: (ad) => advertised.push({ ...ad }),
        withdraw: async () => void advertised.push('withdrawn'),
        updateDocumentCount: (count) => advertised.push(count)
      },
      lanPort: () => 0,
      addresses: () => ['127.0.0.1'],
      hostName: 'ana-laptop',
      bindHost: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      tlsIdentity: async () => identity
    })
  })
  afterEach(async () => {
    for (const open of clients.splice(0)) open.destroy()
    await service.stop()
    await relayHost.relay.close()
    await rm(identityDir, { recursive: true, force: true })
  })

  it('hosts "only people with the link": invites carry working edit and view tokens, and nothing is advertised', async () => {
    const state = await service.host({ sessionName: 'Review', access: 'link', networkRole: 'edit' })
    expect(state).toMatchObject({ state: 'hosting', sessionName: 'Review', access: 'link' })
    if (state.state !== 'hosting') throw new Error('not hosting')
    expect(state.relays).toEqual([`wss://127.0.0.1:${state.port}`])
    expect(state.fingerprint).toBe(identity.fingerprint)

    const editInvite = await service.createInvite({ documentName: 'plan', role: 'edit', ttlSeconds: 600 })
    const viewInvite = await service.createInvite({ documentName: 'plan', role: 'view', ttlSeconds: 600 })
    const edit = parseInviteLink(editInvite.link)
    expect(parseWebUrl(editInvite.webUrl)).toEqual(edit)
    expect(edit).toMatchObject({ relay: state.relays[0], doc: 'plan', fingerprint: identity.fingerprint })

    const host = client(relayHost.relay.url, 'plan')
    const editor = client(edit.relay, edit.doc, { token: edit.token! })
    const viewerInvite = parseWebUrl(viewInvite.webUrl)
    const viewer = client(viewerInvite.relay, viewerInvite.doc, { token: viewerInvite.token! })
    await Promise.all([whenSynced(host), whenSynced(editor), whenSynced(viewer)])
    viewer.text.insert(0, 'viewer was here ')
    editor.text.insert(0, 'from the guest')
    await waitFor(() => host.text.toString() === 'from the guest', 'the guest edit to reach the host')
    await waitFor(() => viewer.text.toString().includes('from the guest'), 'the viewer to see it')
    const fresh = client(relayHost.relay.url, 'plan')
    await whenSynced(fresh)
    expect(fresh.text.toString()).toBe('from the guest')

    expect(await upgradeStatus(`${edit.relay}/plan`, pinnedSocketOptions(identity.fingerprint))).toBe(401)
    expect(advertised).toEqual([])
  })

  it('advertises "anyone on this network" sessions with the document count, and withdraws them on stop', async () => {
    relayHost.documents.fire(2)
    const state = await service.host({ sessionName: 'Open house', access: 'network', networkRole: 'view' })
    if (state.state !== 'hosting') throw new Error('not hosting')
    expect(advertised).toEqual([{ sessionName: 'Open house', hostName: 'ana-laptop', documentCount: 2, port: state.port, fingerprint: identity.fingerprint }])
    relayHost.documents.fire(3)
    expect(await upgradeStatus(`wss://127.0.0.1:${state.port}/any`, pinnedSocketOptions(identity.fingerprint))).toBe(101)
    await service.stop()
    expect(advertised.slice(1)).toEqual([3, 'withdrawn'])
    expect(service.state).toEqual({ state: 'off' })
  })

  it('puts where guests continue, and its token, into the invite only when asked to', async () => {
    await service.host({ sessionName: 'One', access: 'link', networkRole: 'edit' })
    const plain = parseInviteLink((await service.createInvite({ documentName: 'plan', role: 'edit', ttlSeconds: 600 })).link)
    expect(plain).not.toHaveProperty('also')
    const created = await service.createInvite({ documentName: 'plan', role: 'edit', ttlSeconds: 600, also: 'wss://relay.example.com', alsoToken: 'hosted.relay.token' })
    expect(parseInviteLink(created.link)).toMatchObject({ also: 'wss://relay.example.com', alsoToken: 'hosted.relay.token' })
    expect(parseWebUrl(created.webUrl)).toMatchObject({ also: 'wss://relay.example.com', alsoToken: 'hosted.relay.token' })
    await service.stop()
  })

  it('cuts guests off on stop, and links of an earlier session do not open a later one', async () => {
    const first = await service.host({ sessionName: 'One', access: 'link', networkRole: 'edit' })
    if (first.state !== 'hosting') throw new Error('not hosting')
    const invite = parseInviteLink((await service.createInvite({ documentName: 'plan', role: 'edit', ttlSeconds: 600 })).link)
    const guest = client(invite.relay, invite.doc, { token: invite.token! })
    await whenSynced(guest)
    await service.stop()
    await waitFor(() => !guest.provider.wsconnected, 'the guest to be cut off')
    await expect(service.createInvite({ documentName: 'plan', role: 'edit', ttlSeconds: 600 })).rejects.toThrow(/no LAN session is running/)

    const second = await service.host({ sessionName: 'Two', access: 'link', networkRole: 'edit' })
    if (second.state !== 'hosting') throw new Error('not hosting')
    expect(await upgradeStatus(`wss://127.0.0.1:${second.port}/plan?token=${invite.token}`, pinnedSocketOptions(identity.fingerprint))).toBe(401)
  })

  it('reports a port that is taken as a failed session that says what to do', async () => {
    const blocker = await service.host({ sessionName: 'One', access: 'link', networkRole: 'edit' })
    if (blocker.state !== 'hosting') throw new Error('not hosting')
    const other = await LanListener.open(relayHost.relay, '127.0.0.1', 0, identity)
    const busy = other.port
    const failing = new LanSessionService({
      relay: relayHost,
      discovery: { advertise: () => {}, withdraw: async () => {}, updateDocumentCount: () => {} },
      lanPort: () => busy,
      addresses: () => ['127.0.0.1'],
      hostName: 'h',
      bindHost: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      tlsIdentity: async () => identity
    })
    const state = await failing.host({ sessionName: 'Two', access: 'link', networkRole: 'edit' })
    expect(state).toEqual({
      state: 'failed',
      reason: `could not host on the LAN: port ${busy} is already in use on 127.0.0.1; choose another LAN port in Settings`
    })
    await other.close()
  })
})
