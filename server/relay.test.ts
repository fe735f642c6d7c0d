import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { messageAwareness, messageSync } from '../app/protocol'
import { encodeAwarenessFrame, encodeUpdate } from './messages'
import { MemoryStorage } from './storage/memory-storage'
import {
  connectClient,
  openRawSocket,
  startEnsembleRelay,
  waitFor,
  whenSynced,
  type TestClient
} from './testing/harness'
import { cleanupAfterEach } from './testing/cleanup'
import { queryAwarenessFrame } from './testing/frames'

const cleanup = cleanupAfterEach()
const track = (client: TestClient): TestClient => {
  cleanup.push(() => client.destroy())
  return client
}
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'ensemble-relay-'))
  cleanup.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

describe('relay', () => {
  it('keeps a document across a restart from its data directory', async () => {
    const dataDir = await tempDir()
    const first = await startEnsembleRelay({ dataDir })
    const writer = track(connectClient(first.url, 'notes/restart'))
    await whenSynced(writer)
    writer.text.insert(0, 'survives a restart')
    await waitFor(() => first.documentState('notes/restart') !== null && docText(first.documentState('notes/restart')!) === 'survives a restart', 'the relay to apply the edit')
    writer.destroy()
    await first.close()

    const second = await startEnsembleRelay({ dataDir })
    cleanup.push(() => second.close())
    const reader = track(connectClient(second.url, 'notes/restart'))
    await whenSynced(reader)
    expect(reader.text.toString()).toBe('survives a restart')
  })

  it('drops a room from memory once its last client left and the linger passed, then reloads it', async () => {
    const storage = new MemoryStorage()
    const relay = await startEnsembleRelay({ storage, lingerMs: 50 })
    cleanup.push(() => relay.close())
    const client = connectClient(relay.url, 'linger')
    await whenSynced(client)
    client.text.insert(0, 'kept')
    await waitFor(() => storage.logLength('linger') > 0, 'the edit to reach storage')
    expect(relay.roomNames()).toEqual(['linger'])

    const unloaded = new Promise<string>((resolve) => relay.once('room-unloaded', resolve))
    client.destroy()
    expect(await unloaded).toBe('linger')
    expect(relay.roomNames()).toEqual([])
    expect(relay.health().rooms).toBe(0)

    const again = track(connectClient(relay.url, 'linger'))
    await whenSynced(again)
    expect(again.text.toString()).toBe('kept')
  })

  it('keeps a room while a client rejoins within the linger', async () => {
    const relay = await startEnsembleRelay({ lingerMs: 60_000 })
    cleanup.push(() => relay.close())
    const first = connectClient(relay.url, 'rejoin')
    await whenSynced(first)
    first.destroy()
    await waitFor(() => relay.health().connections === 0, 'the first client to leave')
    const second = track(connectClient(relay.url, 'rejoin'))
    await whenSynced(second)
    expect(relay.roomNames()).toEqual(['rejoin'])
  })

  it('loads the stored state completely before the first sync step goes out', async () => {
    const stored = new Y.Doc()
    stored.getText('text').insert(0, 'stored long ago')
    let releaseLoad: () => void = () => undefined
    const storage = new (class extends MemoryStorage {
      override async load(name: string): Promise<Uint8Array | null> {
        await new Promise<void>((resolve) => (releaseLoad = resolve))
        return name === 'slow' ? Y.encodeStateAsUpdate(stored) : null
      }
    })()
    const relay = await startEnsembleRelay({ storage })
    cleanup.push(() => relay.close())
    const raw = await openRawSocket(relay.url, 'slow')
    cleanup.push(() => raw.socket.terminate())
    const client = track(connectClient(relay.url, 'slow'))
    await waitFor(() => client.provider.wsconnected, 'the client to connect')
    // The client has sent its sync step 1, but no byte may come back before the load finishes.
    expect(raw.received).toHaveLength(0)
    expect(client.provider.synced).toBe(false)
    releaseLoad()
    await whenSynced(client)
    expect(client.text.toString()).toBe('stored long ago')
  })

  it('forwards an update to the other connections of the room but not back to its sender', async () => {
    const relay = await startEnsembleRelay()
    cleanup.push(() => relay.close())
    const sender = await openRawSocket(relay.url, 'echo')
    const receiver = await openRawSocket(relay.url, 'echo')
    const other = await openRawSocket(relay.url, 'elsewhere')
    cleanup.push(() => [sender, receiver, other].forEach((raw) => raw.socket.terminate()))
    await waitFor(() => [sender, receiver, other].every((raw) => raw.received.length >= 1), 'sync step 1 for everyone')
    const before = { sender: sender.received.length, other: other.received.length }

    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'hello')
    const frame = encodeUpdate(Y.encodeStateAsUpdate(doc))
    sender.socket.send(frame)
    await waitFor(() => receiver.received.some((f) => equalBytes(f, frame)), 'the receiver to get the update')
    // One more round trip on the sender proves the relay had the chance to echo and did not.
    sender.socket.send(queryAwarenessFrame())
    await waitFor(() => sender.received.length > before.sender, 'the awareness answer')
    expect(sender.received.slice(before.sender).some((f) => f[0] === messageSync)).toBe(false)
    expect(other.received.length).toBe(before.other)
    expect(docText(relay.documentState('echo')!)).toBe('hello')
  })

  it('forwards only the awareness news: stale echoes of known states are dropped', async () => {
    const relay = await startEnsembleRelay()
    cleanup.push(() => relay.close())
    const sender = await openRawSocket(relay.url, 'echoes')
    const echoer = await openRawSocket(relay.url, 'echoes')
    cleanup.push(() => [sender, echoer].forEach((raw) => raw.socket.terminate()))
    await waitFor(() => sender.received.length >= 1 && echoer.received.length >= 1, 'sync step 1 for both')
    const ada = new Awareness(new Y.Doc())
    const bob = new Awareness(new Y.Doc())
    ada.setLocalState({ user: 'Ada' })
    bob.setLocalState({ user: 'Bob' })
    const adaFrame = encodeAwarenessFrame(encodeAwarenessUpdate(ada, [ada.clientID]))
    sender.socket.send(adaFrame)
    await waitFor(() => echoer.received.some((f) => equalBytes(f, adaFrame)), 'Ada’s state at the other client')
    const awarenessSeenBySender = (): number[][] =>
      sender.received.filter((f) => f[0] === messageAwareness).map((f) => awarenessClients(f))

    // What the stock y-websocket client does: send back every state it received, here with Bob's news.
    echoer.socket.send(adaFrame)
    const adaWithBob = new Awareness(new Y.Doc())
    applyAwarenessUpdate(adaWithBob, encodeAwarenessUpdate(ada, [ada.clientID]), 'test')
    applyAwarenessUpdate(adaWithBob, encodeAwarenessUpdate(bob, [bob.clientID]), 'test')
    echoer.socket.send(encodeAwarenessFrame(encodeAwarenessUpdate(adaWithBob, [ada.clientID, bob.clientID])))
    await waitFor(() => awarenessSeenBySender().length > 0, 'Bob’s state at the sender')
    // Frames leave in order: had the pure echo been forwarded, it would have arrived first.
    expect(awarenessSeenBySender()).toEqual([[bob.clientID]])
  })

  it('answers queryAwareness with every awareness state of the room', async () => {
    const relay = await startEnsembleRelay()
    cleanup.push(() => relay.close())
    const client = track(connectClient(relay.url, 'query'))
    client.provider.awareness.setLocalStateField('user', { name: 'Grace' })
    await whenSynced(client)
    await waitFor(() => relay.health().connections === 1, 'the client to be accepted')
    const raw = await openRawSocket(relay.url, 'query')
    cleanup.push(() => raw.socket.terminate())
    await waitFor(() => raw.received.length >= 2, 'sync step 1 and the awareness states')
    const count = raw.received.length
    raw.socket.send(queryAwarenessFrame())
    await waitFor(() => raw.received.length > count, 'the answer')
    const answer = decoding.createDecoder(raw.received[count]!)
    expect(decoding.readVarUint(answer)).toBe(messageAwareness)
    const update = decoding.createDecoder(decoding.readVarUint8Array(answer))
    expect(decoding.readVarUint(update)).toBe(1)
    expect(decoding.readVarUint(update)).toBe(client.doc.clientID)
    decoding.readVarUint(update)
    expect(JSON.parse(decoding.readVarString(update))).toEqual({ user: { name: 'Grace' } })
  })

  it('closes every connection with 1001 and flushes storage on close', async () => {
    const dataDir = await tempDir()
    const relay = await startEnsembleRelay({ dataDir })
    const raw = await openRawSocket(relay.url, 'shutdown')
    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'flushed on close')
    raw.socket.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    await waitFor(() => relay.documentState('shutdown') !== null && docText(relay.documentState('shutdown')!) !== '', 'the update to apply')
    await relay.close()
    expect((await raw.closed).code).toBe(1001)

    const reopened = await startEnsembleRelay({ dataDir })
    cleanup.push(() => reopened.close())
    const reader = track(connectClient(reopened.url, 'shutdown'))
    await whenSynced(reader)
    expect(reader.text.toString()).toBe('flushed on close')
  })
})

const docText = (state: Uint8Array): string => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc.getText('text').toString()
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i])

/** The client ids an awareness frame carries, in order. */
const awarenessClients = (frame: Uint8Array): number[] => {
  const outer = decoding.createDecoder(frame)
  decoding.readVarUint(outer)
  const update = decoding.createDecoder(decoding.readVarUint8Array(outer))
  return Array.from({ length: decoding.readVarUint(update) }, () => {
    const client = decoding.readVarUint(update)
    decoding.readVarUint(update)
    decoding.readVarString(update)
    return client
  })
}
