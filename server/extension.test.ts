import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RelayExtension, RoomHandle } from './extension'
import { ProtocolError } from './messages'
import { MemoryStorage } from './storage/memory-storage'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from './testing/harness'
import { cleanupAfterEach } from './testing/cleanup'

const cleanup = cleanupAfterEach()
const client = (url: string, room: string): TestClient => {
  const c = connectClient(url, room)
  cleanup.push(() => c.destroy())
  return c
}

/** An extension that records what its room hooks saw. */
const recorder = () => {
  const seen = { loaded: [] as string[], changes: 0, awareness: 0, unloaded: [] as string[] }
  let handle: RoomHandle | undefined
  const extension: RelayExtension = {
    name: 'recorder',
    onLoadDocument: (room) => {
      handle = room
      seen.loaded.push(room.name)
    },
    onChange: () => void seen.changes++,
    onAwarenessUpdate: () => void seen.awareness++,
    onUnloadDocument: (room) => void seen.unloaded.push(room.name)
  }
  return { extension, seen, handle: () => handle! }
}

/** An update that writes `text` into a fresh document of its own. */
const foreignUpdate = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('text').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe('relay extensions', () => {
  it('runs onLoadDocument with the stored state in place, before any client is attached', async () => {
    const storage = new MemoryStorage()
    await storage.append('preloaded', foreignUpdate('stored'))
    let textAtLoad = ''
    const relay = await startEnsembleRelay({
      storage,
      extensions: [{ name: 'peek', onLoadDocument: (room) => void (textAtLoad = textOf(room.encodeState())) }]
    })
    cleanup.push(() => relay.close())
    const reader = client(relay.url, 'preloaded')
    await whenSynced(reader)
    expect(textAtLoad).toBe('stored')
    expect(reader.text.toString()).toBe('stored')
  })

  it('refuses the document with 1011 when onLoadDocument throws, naming the extension', async () => {
    const relay = await startEnsembleRelay({
      extensions: [{ name: 'broken-loader', onLoadDocument: () => Promise.reject(new Error('no backend')) }]
    })
    cleanup.push(() => relay.close())
    const reader = client(relay.url, 'refused')
    const code = await new Promise<number>((resolve) => reader.provider.on('connection-close', (event) => resolve(event?.code ?? 0)))
    expect(code).toBe(1011)
    expect(relay.metrics.errorCount('extension')).toBeGreaterThanOrEqual(1)
  })

  it('reports client updates, awareness and unloading, but not updates applied through the room handle', async () => {
    const storage = new MemoryStorage()
    const { extension, seen, handle } = recorder()
    const relay = await startEnsembleRelay({ storage, lingerMs: 0, extensions: [extension] })
    cleanup.push(() => relay.close())
    const writer = client(relay.url, 'hooked')
    await whenSynced(writer)
    writer.text.insert(0, 'from a client')
    writer.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await waitFor(() => seen.changes === 1 && seen.awareness >= 1, 'the hooks to see the client')
    expect(seen.loaded).toEqual(['hooked'])

    handle().applyRemoteUpdate(foreignUpdate('remote: '))
    await waitFor(() => writer.text.toString().includes('remote: '), 'the remote update to reach the client')
    expect(seen.changes).toBe(1)
    await storage.flush()
    expect(storage.logLength('hooked')).toBe(1) // only the client's update was appended

    writer.destroy()
    await waitFor(() => seen.unloaded.length === 1, 'the document to unload')
    // On unload the relay stores what the remote instance might not have stored.
    expect(textOf(await storage.load('hooked'))).toContain('remote: ')
  })

  it('refuses a malformed remote update or awareness change and leaves the document as it was', async () => {
    const { extension, handle } = recorder()
    const relay = await startEnsembleRelay({ extensions: [extension] })
    cleanup.push(() => relay.close())
    const writer = client(relay.url, 'guarded')
    await whenSynced(writer)
    writer.text.insert(0, 'intact')
    await waitFor(() => relay.documentState('guarded') !== null && textOf(relay.documentState('guarded')!) === 'intact', 'the edit')
    const before = relay.documentState('guarded')!
    expect(() => handle().applyRemoteUpdate(new Uint8Array([5, 200, 3, 1, 2]))).toThrow(ProtocolError)
    expect(() => handle().applyRemoteAwareness(new Uint8Array([1, 7, 1, 3, 0x7b]))).toThrow(ProtocolError)
    expect(Buffer.from(relay.documentState('guarded')!)).toEqual(Buffer.from(before))
    expect(writer.provider.wsconnected).toBe(true)
  })

  it('closes extensions and storage when the relay cannot listen', async () => {
    const first = await startEnsembleRelay()
    cleanup.push(() => first.close())
    const storage = new MemoryStorage()
    let closedExtension = false
    let closedStorage = false
    storage.close = async () => void (closedStorage = true)
    const starting = startEnsembleRelay({
      port: first.port,
      storage,
      extensions: [{ name: 'holds-connections', onClose: () => void (closedExtension = true) }]
    })
    await expect(starting).rejects.toThrow(/EADDRINUSE/)
    expect(closedExtension).toBe(true)
    expect(closedStorage).toBe(true)
  })

  it('logs a throwing onChange and still forwards and stores the update', async () => {
    const storage = new MemoryStorage()
    const relay = await startEnsembleRelay({
      storage,
      extensions: [{ name: 'thrower', onChange: () => { throw new Error('publish failed') } }]
    })
    cleanup.push(() => relay.close())
    const writer = client(relay.url, 'robust')
    const reader = client(relay.url, 'robust')
    await Promise.all([whenSynced(writer), whenSynced(reader)])
    writer.text.insert(0, 'still delivered')
    await waitFor(() => reader.text.toString() === 'still delivered', 'the update to reach the other client')
    await waitFor(() => storage.logLength('robust') === 1, 'the update to be stored')
    expect(relay.metrics.errorCount('extension')).toBe(1)
  })
})

const textOf = (state: Uint8Array | null): string => {
  const doc = new Y.Doc()
  if (state !== null) Y.applyUpdate(doc, state)
  return doc.getText('text').toString()
}
