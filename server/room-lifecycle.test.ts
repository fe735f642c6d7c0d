import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { messageStorageStatus } from '../app/protocol'
import { readStorageStatus, type StorageStatus } from '../app/storage-status'
import { MemoryStorage } from './storage/memory-storage'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from './testing/harness'
import { cleanupAfterEach } from './testing/cleanup'

const cleanup = cleanupAfterEach()
const client = (url: string, room: string): TestClient => {
  const c = connectClient(url, room)
  cleanup.push(() => c.destroy())
  return c
}

/** A MemoryStorage whose next `failures` calls of one method throw. */
class FlakyStorage extends MemoryStorage {
  failAppends = 0
  failLoads = 0
  override async append(name: string, update: Uint8Array): Promise<void> {
    if (this.failAppends > 0) {
      this.failAppends--
      throw new Error('disk full')
    }
    return super.append(name, update)
  }
  override async load(name: string): Promise<Uint8Array | null> {
    if (this.failLoads > 0) {
      this.failLoads--
      throw new Error('disk unreadable')
    }
    return super.load(name)
  }
}

describe('room lifecycle', () => {
  it('retries a storage write that failed, so the update is not lost', async () => {
    const storage = new FlakyStorage()
    storage.failAppends = 1
    const relay = await startEnsembleRelay({ storage })
    cleanup.push(() => relay.close())
    const writer = client(relay.url, 'flaky-write')
    await whenSynced(writer)
    writer.text.insert(0, 'must be stored')
    await waitFor(() => storage.logLength('flaky-write') === 1, 'the retried write', 5000)
    expect(relay.metrics.errorCount('storage-write')).toBe(1)
  })

  it('tells editors their edits are not stored, keeps the document in memory until they are, then stores all of it', async () => {
    const storage = new FlakyStorage()
    const relay = await startEnsembleRelay({ storage, lingerMs: 20 })
    cleanup.push(() => relay.close())
    const writer = client(relay.url, 'refused')
    const statuses: StorageStatus[] = []
    writer.provider.messageHandlers[messageStorageStatus] = (_encoder, decoder) => void statuses.push(readStorageStatus(decoder))
    await whenSynced(writer)
    storage.failAppends = Number.MAX_SAFE_INTEGER
    writer.text.insert(0, 'typed while the disk is full')
    await waitFor(() => statuses.length === 1, 'the editor to be told')
    expect(statuses).toEqual([{ stored: false, reason: 'disk full' }])
    expect(relay.health().dependencies.saving).toMatchObject({ ok: false, detail: expect.stringMatching(/^1 document has edits not yet stored \("refused"\)/) })

    // A latecomer is told at once; the editors leave, and the document stays in memory all the same.
    const latecomer = client(relay.url, 'refused')
    const latecomerStatuses: StorageStatus[] = []
    latecomer.provider.messageHandlers[messageStorageStatus] = (_encoder, decoder) => void latecomerStatuses.push(readStorageStatus(decoder))
    await whenSynced(latecomer)
    await waitFor(() => latecomerStatuses.length === 1, 'the latecomer to be told')
    latecomer.text.insert(0, 'and more. ')
    await waitFor(() => writer.text.toString() === 'and more. typed while the disk is full', 'the edit to reach the writer')
    writer.provider.disconnect()
    latecomer.provider.disconnect()
    await waitFor(() => relay.health().connections === 0, 'both to leave')
    const failuresWhileEmpty = relay.metrics.errorCount('storage-write')
    await waitFor(() => relay.metrics.errorCount('storage-write') >= failuresWhileEmpty + 2, 'two more attempts while nobody is connected', 5000)
    expect(relay.roomNames()).toEqual(['refused'])

    storage.failAppends = 0
    await waitFor(() => relay.roomNames().length === 0, 'the room to be stored and unloaded', 5000)
    expect(relay.health().dependencies.saving?.ok).toBe(true)
    const reader = client(relay.url, 'refused')
    await whenSynced(reader)
    expect(reader.text.toString()).toBe('and more. typed while the disk is full')
  })

  it('closes clients with 1011 when a document cannot be loaded, and loads it on the next attempt', async () => {
    const storage = new FlakyStorage()
    const relay = await startEnsembleRelay({ storage })
    cleanup.push(() => relay.close())
    storage.failLoads = 1
    const codes: number[] = []
    const reader = client(relay.url, 'flaky-load')
    reader.provider.on('connection-close', (event) => codes.push(event?.code ?? 0))
    await whenSynced(reader) // the provider reconnects by itself; the second load succeeds
    expect(codes[0]).toBe(1011)
    expect(relay.metrics.errorCount('storage-read')).toBe(1)
  })

  it('compacts the stored log of a long-edited document when its room unloads', async () => {
    const storage = new MemoryStorage()
    const relay = await startEnsembleRelay({ storage, lingerMs: 10 })
    cleanup.push(() => relay.close())
    const writer = connectClient(relay.url, 'long-edited')
    await whenSynced(writer)
    for (let i = 0; i < 150; i++) {
      writer.text.insert(writer.text.length, `${i} `)
      // One append per event-loop turn of the relay: wait until this edit is stored.
      await waitFor(() => storage.logLength('long-edited') === i + 1, `append ${i}`)
    }
    const unloaded = new Promise((resolve) => relay.once('room-unloaded', resolve))
    writer.destroy()
    await unloaded
    expect(storage.logLength('long-edited')).toBe(1)
    const reader = client(relay.url, 'long-edited')
    await whenSynced(reader)
    expect(reader.text.toString()).toBe(Array.from({ length: 150 }, (_, i) => `${i} `).join(''))
  })

  it('batches the updates that arrive in one event-loop turn into one storage append', async () => {
    const storage = new MemoryStorage()
    const relay = await startEnsembleRelay({ storage })
    cleanup.push(() => relay.close())
    const writer = client(relay.url, 'batched')
    await whenSynced(writer)
    // Separate transactions, sent as separate frames in one burst.
    for (let i = 0; i < 20; i++) writer.text.insert(writer.text.length, 'x')
    const reader = client(relay.url, 'batched')
    await waitFor(() => reader.text.length === 20, 'the reader to see all edits')
    await waitFor(() => storage.logLength('batched') > 0, 'an append')
    expect(storage.logLength('batched')).toBeLessThan(20)
  })

  it('drops a peer that stops answering pings', async () => {
    const relay = await startEnsembleRelay({ pingIntervalMs: 50 })
    cleanup.push(() => relay.close())
    const silent = new WebSocket(`${relay.url}/liveness`, { autoPong: false })
    const answering = new WebSocket(`${relay.url}/liveness`)
    cleanup.push(() => {
      silent.terminate()
      answering.terminate()
    })
    const silentClosed = new Promise<number>((resolve) => silent.on('close', resolve))
    await waitFor(() => relay.health().connections === 2, 'both peers to connect')
    await silentClosed
    expect(answering.readyState).toBe(WebSocket.OPEN)
    expect(relay.health().connections).toBe(1)
  })
})
