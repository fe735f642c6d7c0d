import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from '../../server/testing/harness'
import { NodeUtilityProcessLauncher } from '../relay-host/node-launcher'
import { RelayHostService } from '../relay-host/relay-host-service'
import { upstreamLinksFileName, UpstreamLinkService } from './upstream-link-service'

const logger = pino({ level: 'silent' })
const entry = fileURLToPath(new URL('../relay-process/entry.ts', import.meta.url))

describe('keeping local documents on a hosted relay', () => {
  let dir: string
  const cleanup: Array<() => Promise<void> | void> = []
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-upstream-links-'))
  })
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
    await rm(dir, { recursive: true, force: true })
  })

  it('stores the links, readable by the user only, and refuses a bad one with the reason', async () => {
    const service = await UpstreamLinkService.load(dir, logger)
    await service.link({ document: 'notes', relayUrl: 'wss://relay.example.org', remoteDocument: 'team/notes', token: 'a.b.c' })
    await service.link({ document: 'plan', relayUrl: 'ws://10.0.0.5:4455', remoteDocument: 'plan' })
    await service.unlink('plan')
    const file = join(dir, upstreamLinksFileName)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const reloaded = await UpstreamLinkService.load(dir, logger)
    expect(reloaded.links).toEqual([{ document: 'notes', relayUrl: 'wss://relay.example.org', remoteDocument: 'team/notes', token: 'a.b.c' }])
    await expect(service.link({ document: 'notes', relayUrl: 'https://relay.example.org/x', remoteDocument: 'notes' })).rejects.toThrow(
      /the relay address is ws\(s\):\/\/host\[:port\], without a path/
    )
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveLength(1)
  })

  it('makes the desktop\'s relay process keep a document on the hosted relay, both ways, also after it restarts', async () => {
    const hosted = await startEnsembleRelay()
    cleanup.push(() => hosted.close())
    const service = new RelayHostService(new NodeUtilityProcessLauncher({ entry, execArgv: ['--import', 'tsx'], stdio: 'ignore', logger }), logger, {
      config: { dataDir: join(dir, 'documents'), webRoot: null, logLevel: 'silent' }
    })
    cleanup.push(async () => {
      await service.stop()
      service.dispose()
    })
    const links = await UpstreamLinkService.load(dir, logger)
    links.onDidChangeLinks((current) => service.setUpstreamLinks(current))
    const localUrl = await service.start()
    const clients: TestClient[] = []
    cleanup.push(() => clients.forEach((client) => client.destroy()))
    const open = (url: string, room: string): TestClient => {
      const client = connectClient(url, room)
      clients.push(client)
      return client
    }
    const here = open(localUrl, 'notes')
    await whenSynced(here)
    here.text.insert(0, 'written on the laptop. ')
    await links.link({ document: 'notes', relayUrl: hosted.url, remoteDocument: 'team/notes' })

    const there = open(hosted.url, 'team/notes')
    await whenSynced(there)
    await waitFor(() => there.text.toString() === 'written on the laptop. ', 'the local document to reach the hosted relay')
    there.text.insert(there.text.length, 'And from the office.')
    await waitFor(() => here.text.toString() === 'written on the laptop. And from the office.', 'the hosted edit to reach the laptop')

    // The relay process is restarted (as after a crash): the link is given to the new one.
    await service.stop()
    const restartedUrl = await service.start()
    service.setUpstreamLinks(links.links)
    there.text.insert(0, 'After the restart: ')
    const fresh = open(restartedUrl, 'notes')
    await whenSynced(fresh)
    await waitFor(() => fresh.text.toString().startsWith('After the restart: '), 'the hosted edit to reach the restarted local relay', 15_000)
  }, 60_000)
})
