import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { cleanupAfterEach } from '../testing/cleanup'
import { connectClient, startEnsembleRelay, waitFor, waitForConvergence, whenSynced, type TestClient } from '../testing/harness'
import { startTcpBalancer } from '../testing/relay-process'
import { startTypists, tokensIn } from '../testing/typists'
import { readContinuation } from '../../app/session-continuation'
import { UpstreamSync } from './upstream-sync'

describe('relay-to-relay sync', () => {
  const cleanup = cleanupAfterEach()

  const folder = async (name: string): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), `ensemble-upstream-${name}-`))
    cleanup.push(() => rm(dir, { recursive: true, force: true }))
    return dir
  }
  const client = (url: string, room: string): TestClient => {
    const c = connectClient(url, room)
    cleanup.push(() => c.destroy())
    return c
  }

  it('keeps a document on two relays both ways, and loses nothing on either side across a partition', async () => {
    const [localDir, hostedDir] = [await folder('local'), await folder('hosted')]
    const hosted = await startEnsembleRelay({ dataDir: hostedDir })
    cleanup.push(() => hosted.close())
    // The link goes through a network the test can cut.
    let reachable = true
    const network = await startTcpBalancer(() => (reachable ? [hosted.url] : []))
    cleanup.push(() => network.close())
    const upstream = new UpstreamSync([['notes', { relayUrl: network.url, document: 'team/notes' }]])
    let local = await startEnsembleRelay({ dataDir: localDir, extensions: [upstream] })
    cleanup.push(() => local.close())

    // Nobody has it open here yet: the linked document syncs all the same.
    const there = client(hosted.url, 'team/notes')
    await whenSynced(there)
    there.text.insert(0, '[w9:0]')
    const textOnLocalRelay = (): string => {
      const state = local.documentState('notes')
      if (state === null) return ''
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      return doc.getText('text').toString()
    }
    await waitFor(() => textOnLocalRelay() === '[w9:0]', 'the edit made on the hosted relay to reach the local one, where nobody is connected')
    const here = client(local.url, 'notes')
    await whenSynced(here)
    await waitForConvergence([here, there])
    expect(here.text.toString()).toBe('[w9:0]')
    await waitFor(() => local.health().dependencies.upstream?.ok === true, '/healthz to report the link in sync')

    const typists = startTypists([here, there])
    cleanup.push(() => typists.stop())
    await typists.typeMore(40)
    await waitForConvergence([here, there])

    // The network between the relays fails; both sides keep typing.
    reachable = false
    network.dropConnections()
    await waitFor(() => local.health().dependencies.upstream?.ok === false, '/healthz to report the link down')
    expect(local.health().dependencies.upstream?.detail).toMatch(/^1 linked document is not in sync; notes → ws:\/\/.*\/team\/notes unreachable since /)
    await typists.typeMore(80)
    const whilePartitioned = typists.typed.length
    expect(here.text.toString()).not.toBe(there.text.toString())

    // Back: each relay gets what the other has.
    reachable = true
    await typists.typeMore(20)
    typists.stop()
    await waitForConvergence([here, there], 20_000)
    const expected = [...typists.typed, '[w9:0]'].sort()
    expect([...tokensIn(here.text.toString())].sort()).toEqual(expected)

    // And each stored it: the local relay restarted from its folder, a fresh client on each.
    await local.close()
    local = await startEnsembleRelay({ dataDir: localDir })
    const freshHere = client(local.url, 'notes')
    const freshThere = client(hosted.url, 'team/notes')
    await Promise.all([whenSynced(freshHere), whenSynced(freshThere)])
    expect([...tokensIn(freshHere.text.toString())].sort()).toEqual(expected)
    expect([...tokensIn(freshThere.text.toString())].sort()).toEqual(expected)
    console.log(`upstream sync: ${typists.typed.length + 1} tokens from two relays (${whilePartitioned} by the end of the partition), none lost on either`)
  }, 60_000)

  it('names the other relay in the document as where its session continues, on both relays, until unlinked', async () => {
    const hosted = await startEnsembleRelay({})
    cleanup.push(() => hosted.close())
    const upstream = new UpstreamSync([['notes', { relayUrl: hosted.url, document: 'team/notes' }]])
    const local = await startEnsembleRelay({ extensions: [upstream] })
    cleanup.push(() => local.close())
    const continuation = { relayUrl: hosted.url, documentName: 'team/notes' }

    const guest = client(local.url, 'notes')
    const there = client(hosted.url, 'team/notes')
    await Promise.all([whenSynced(guest), whenSynced(there)])
    await waitFor(() => readContinuation(guest.doc)?.documentName === 'team/notes', 'a guest of the local relay to learn the continuation')
    expect(readContinuation(guest.doc)).toEqual(continuation)
    await waitFor(() => readContinuation(there.doc) !== null, 'the hosted copy to name it too')

    // Linking again (a relay restart hands the same links over) writes nothing new.
    const before = Y.encodeStateVector(guest.doc)
    upstream.link('notes', { relayUrl: hosted.url, document: 'team/notes' })
    await waitFor(() => local.health().dependencies.upstream?.ok === true, 'the new link to sync')
    expect(Y.encodeStateVector(guest.doc)).toEqual(before)

    upstream.unlink('notes')
    await waitFor(() => readContinuation(guest.doc) === null, 'the continuation to be withdrawn once the link ends')
  })

  it('refuses a link that is not a WebSocket address', () => {
    expect(() => new UpstreamSync([['notes', { relayUrl: 'https://relay.example.org', document: 'notes' }]])).toThrow(
      'the upstream relay "https://relay.example.org" must be a ws:// or wss:// address, not https:'
    )
    expect(() => new UpstreamSync().link('notes', { relayUrl: 'relay', document: 'notes' })).toThrow(/is not a URL/)
  })
})
