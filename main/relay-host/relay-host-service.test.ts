import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RelayStatus } from '../../app/ipc'
import { connectClient, waitFor, whenSynced, type TestClient } from '../../server/testing/harness'
import { nextEvent } from '../common/event'
import { createSessionSecret, mintSessionToken } from '../lan/session-token'
import { loadOrCreateTlsIdentity } from '../lan/tls-identity'
import { pinnedSocketOptions } from '../../server/testing/pinned-tls'
import type { RelayChildProcess, UtilityProcessLauncher } from './launcher'
import { NodeUtilityProcessLauncher } from './node-launcher'
import { RelayHostService } from './relay-host-service'

const entry = fileURLToPath(new URL('../relay-process/entry.ts', import.meta.url))
const logger = pino({ level: 'silent' })

/** The Node launcher, remembering each process it started so the test can kill one. */
class RecordingLauncher implements UtilityProcessLauncher {
  readonly children: RelayChildProcess[] = []
  private readonly inner = new NodeUtilityProcessLauncher({ entry, execArgv: ['--import', 'tsx'], stdio: 'ignore', logger })
  launch(): RelayChildProcess {
    const child = this.inner.launch()
    this.children.push(child)
    return child
  }
}

/**
 * The relay the way the desktop app runs it: `main/relay-process/entry.ts` in a separate process,
 * driven by `RelayHostService` through the message contract, with LevelDB in a data folder.
 */
describe('RelayHostService with the relay process under Node', () => {
  let dataDir: string
  let launcher: RecordingLauncher
  let service: RelayHostService
  const statuses: RelayStatus['state'][] = []
  const clients: TestClient[] = []

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ensemble-relay-host-'))
    launcher = new RecordingLauncher()
    service = new RelayHostService(launcher, logger, {
      config: { dataDir, webRoot: null, logLevel: 'silent' },
      restartDelayMs: 20,
      stopTimeoutMs: 10_000
    })
    service.onDidChangeStatus((status) => statuses.push(status.state))
  })

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await service.stop()
    service.dispose()
    await rm(dataDir, { recursive: true, force: true })
  })

  const client = (url: string, room: string, params?: Record<string, string>): TestClient => {
    const created = connectClient(url, room, params === undefined ? {} : { params })
    clients.push(created)
    return created
  }

  it('starts on 127.0.0.1 and reports starting, then listening', async () => {
    const url = await service.start()
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    expect(statuses).toEqual(['starting', 'listening'])
    expect(service.status).toMatchObject({ state: 'listening', url })
    const writer = client(url, 'notes')
    await whenSynced(writer)
    writer.text.insert(0, 'before the crash. ')
  })

  it('restarts on the same port after the process is killed, and clients reconnect by themselves', async () => {
    const before = service.status
    if (before.state !== 'listening') throw new Error('expected a listening relay')
    const [writer] = clients
    const relayed = client(before.url, 'notes')
    await waitFor(() => relayed.text.toString() === 'before the crash. ', 'the first edit to reach another client')

    statuses.length = 0
    const listeningAgain = nextEvent(service.onDidChangeStatus, (status) => status.state === 'listening')
    launcher.children.at(-1)!.kill()
    const after = await listeningAgain
    expect(statuses).toEqual(['crashed', 'restarting', 'starting', 'listening'])
    expect(after).toMatchObject({ state: 'listening', port: before.port, url: before.url })
    expect(launcher.children).toHaveLength(2)

    await waitFor(() => writer!.provider.wsconnected && writer!.provider.synced, 'the writer to reconnect')
    writer!.text.insert(writer!.text.length, 'after the crash.')
    const fresh = client(before.url, 'notes')
    await waitFor(() => fresh.text.toString() === 'before the crash. after the crash.', 'a fresh client to see both edits')
  })

  it('stops gracefully with nothing lost: what was written before stop is there after a restart', async () => {
    const status = service.status
    if (status.state !== 'listening') throw new Error('expected a listening relay')
    const [writer] = clients
    const observer = client(status.url, 'notes')
    writer!.text.insert(writer!.text.length, ' Last words.')
    await waitFor(() => observer.text.toString().endsWith('Last words.'), 'the last edit to reach the relay')
    for (const open of clients.splice(0)) open.destroy()

    statuses.length = 0
    await service.stop()
    expect(service.status).toEqual({ state: 'stopped' })
    expect(statuses).toEqual(['stopped'])

    const url = await service.start()
    const reader = client(url, 'notes')
    await whenSynced(reader)
    expect(reader.text.toString()).toBe('before the crash. after the crash. Last words.')
  })

  it('hosts on a second listener, keeps hosting across a crash, and stops hosting on request', async () => {
    const secret = createSessionSecret()
    const identityDir = await mkdtemp(join(tmpdir(), 'ensemble-host-tls-'))
    const identity = await loadOrCreateTlsIdentity(join(identityDir, 'lan-identity.json'), 'host')
    const port = await service.host('127.0.0.1', 0, { secret, access: 'link', networkRole: 'edit' }, identity)
    const { token } = await mintSessionToken(secret, { doc: 'notes', role: 'edit', ttlSeconds: 600 })
    const guest = connectClient(`wss://127.0.0.1:${port}`, 'notes', { params: { token }, socketOptions: pinnedSocketOptions(identity.fingerprint) })
    clients.push(guest)
    await whenSynced(guest)
    expect(guest.text.toString()).toBe('before the crash. after the crash. Last words.')

    // After a crash the relay comes back on its ports and the LAN listener is reopened on the port it had.
    const listening = nextEvent(service.onDidChangeStatus, (status) => status.state === 'listening')
    launcher.children.at(-1)!.kill()
    await listening
    await waitFor(() => guest.provider.wsconnected && guest.provider.synced, 'the LAN guest to reconnect after the restart', 15_000)

    await service.unhost()
    await waitFor(() => !guest.provider.wsconnected, 'the LAN guest to be cut off when hosting stops')
    await rm(identityDir, { recursive: true, force: true })
  })
})
