import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { messageStoredAck, storedAcksParam } from '../app/protocol'
import { readStoredAck } from '../app/storage-status'
import { MemoryStorage } from './storage/memory-storage'
import { cleanupAfterEach } from './testing/cleanup'
import { syncStep2Frame, updateFrame } from './testing/frames'
import { openRawSocket, startEnsembleRelay, waitFor, type RawSocket } from './testing/harness'

/** A MemoryStorage whose appends wait until the test lets them through, and can be made to fail. */
class GatedStorage extends MemoryStorage {
  open = true
  failing = false
  private waiters: Array<() => void> = []
  override async append(name: string, update: Uint8Array): Promise<void> {
    if (!this.open) await new Promise<void>((resolve) => this.waiters.push(resolve))
    if (this.failing) throw new Error('disk full')
    return super.append(name, update)
  }
  release(): void {
    this.open = true
    for (const resolve of this.waiters.splice(0)) resolve()
  }
}

/** The counts of every stored-ack frame a raw socket received. */
const acksOf = (socket: RawSocket): number[] =>
  socket.received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame)
    return decoding.readVarUint(decoder) === messageStoredAck ? [readStoredAck(decoder)] : []
  })

/** Three updates of one Yjs client, each depending on the one before. */
const threeEdits = (): Uint8Array[] => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const word of ['one ', 'two ', 'three']) doc.getText('text').insert(doc.getText('text').length, word)
  return updates
}

describe('stored acks', () => {
  const cleanup = cleanupAfterEach()

  const start = async (storage: GatedStorage) => {
    const relay = await startEnsembleRelay({ storage })
    cleanup.push(() => relay.close())
    const open = async (params: Record<string, string> = { [storedAcksParam]: '1' }) => {
      const socket = await openRawSocket(relay.url, 'acked', { params })
      cleanup.push(() => socket.socket.terminate())
      return socket
    }
    return { relay, open }
  }

  it('tells a client that asked how many of its document messages are stored, only once they are', async () => {
    const storage = new GatedStorage()
    const { open } = await start(storage)
    const asked = await open()
    const plain = await open({})
    const [first, second, third] = threeEdits()
    storage.open = false
    asked.socket.send(syncStep2Frame(new Uint8Array([0, 0])))
    asked.socket.send(updateFrame(first!))
    asked.socket.send(updateFrame(second!))
    // Forwarded at once, but not stored: nothing is acknowledged.
    await waitFor(() => plain.received.length >= 3, 'the updates to reach the other client')
    expect(acksOf(asked)).toEqual([])
    storage.release()
    await waitFor(() => acksOf(asked).at(-1) === 3, 'the three messages to be acknowledged')
    asked.socket.send(updateFrame(third!))
    await waitFor(() => acksOf(asked).at(-1) === 4, 'the fourth to be acknowledged')
    expect(await storage.load('acked')).not.toBeNull()
    // A client that did not ask, like every stock y-websocket client, is never sent one.
    expect(acksOf(plain)).toEqual([])
  })

  it('acknowledges nothing past a message whose content waits, until what it waits for arrives', async () => {
    const storage = new GatedStorage()
    const { open } = await start(storage)
    const asked = await open()
    const [first, second, third] = threeEdits()
    asked.socket.send(updateFrame(first!))
    await waitFor(() => acksOf(asked).at(-1) === 1, 'the first to be acknowledged')
    // The third depends on the second, which has not arrived: it waits, and so does its ack, and
    // the ack of an independent edit sent after it, although that one is stored.
    asked.socket.send(updateFrame(third!))
    const witness = new Y.Doc()
    witness.getText('text').insert(0, 'independent ')
    asked.socket.send(updateFrame(Y.encodeStateAsUpdate(witness)))
    await waitFor(async () => {
      const stored = new Y.Doc()
      Y.applyUpdate(stored, (await storage.load('acked'))!)
      return stored.getText('text').toString().includes('independent')
    }, 'the independent edit to be stored')
    // A pong comes after every frame the relay wrote before it, an ack among them if there was one.
    await new Promise<void>((resolve) => {
      asked.socket.once('pong', () => resolve())
      asked.socket.ping()
    })
    expect(acksOf(asked)).toEqual([1])
    asked.socket.send(updateFrame(second!))
    await waitFor(() => acksOf(asked).at(-1) === 4, 'all four to be acknowledged once the gap filled')
    expect(acksOf(asked)).toEqual([1, 4])
  })

  it('acknowledges again once a sync step 2 brings what a waiting update lacked together with its own content', async () => {
    // A client typing just after its socket opened sends updates before its sync step 2 (y-websocket
    // does), e.g. right after moving to another relay; the step 2 then carries everything, the
    // waiting update's content included, so the waiting update has nothing left to add.
    const storage = new GatedStorage()
    const { open } = await start(storage)
    const asked = await open()
    const [first, second, third] = threeEdits()
    asked.socket.send(updateFrame(third!))
    asked.socket.send(syncStep2Frame(Y.mergeUpdates([first!, second!, third!])))
    await waitFor(() => acksOf(asked).at(-1) === 2, 'both messages to be acknowledged')
    asked.socket.send(updateFrame(new Uint8Array([0, 0])))
    await waitFor(() => acksOf(asked).at(-1) === 3, 'the next one too')
  })

  it('acknowledges nothing while storage refuses writes, and everything once it takes them again', async () => {
    const storage = new GatedStorage()
    const { open } = await start(storage)
    const asked = await open()
    const [first, second] = threeEdits()
    storage.failing = true
    asked.socket.send(updateFrame(first!))
    asked.socket.send(updateFrame(second!))
    await waitFor(() => asked.received.some((frame) => frame[0] === 101), 'the not-stored status')
    expect(acksOf(asked)).toEqual([])
    storage.failing = false
    await waitFor(() => acksOf(asked).at(-1) === 2, 'both to be acknowledged after the re-save', 5000)
  })
})
