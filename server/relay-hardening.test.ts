import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../app/protocol'
import type { Relay } from './relay'
import { updateFrame } from './testing/frames'
import { connectClient, openRawSocket, startEnsembleRelay, waitFor, whenSynced, type TestClient } from './testing/harness'

/** Updates a document emits, in order. */
const editsOf = (doc: Y.Doc): Uint8Array[] => {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

/** One author's two edits, 'one ' and then 'two' after it: the second depends on the first. */
const dependentEdits = (): Uint8Array[] => {
  const author = new Y.Doc()
  const edits = editsOf(author)
  author.getText('text').insert(0, 'one ')
  author.getText('text').insert(4, 'two')
  return edits
}

describe('updates that depend on content the relay lacks', () => {
  let relay: Relay
  const clients: TestClient[] = []
  const connect = (room: string): TestClient => {
    const client = connectClient(relay.url, room)
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    relay = await startEnsembleRelay()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await relay.close()
  })

  it('are held back, and passed on once what they depend on arrives', async () => {
    const room = 'out-of-order'
    const reader = connect(room)
    await whenSynced(reader)
    const edits = dependentEdits()
    const raw = await openRawSocket(relay.url, room)
    raw.socket.send(updateFrame(edits[1]!))
    // Held back: the room neither holds nor forwards it.
    const other = await openRawSocket(relay.url, room)
    other.socket.send(updateFrame(edits[0]!))
    await waitFor(() => reader.text.toString() === 'one two', 'both edits to reach the reader')
    expect(relay.metrics.errorCount('inconsistent-update')).toBe(0)
    raw.socket.close()
    other.socket.close()
  })

  it('past the waiting limit close their sender with 1008, and what of the update integrated still reaches the others', async () => {
    const room = 'over-the-limit'
    const reader = connect(room)
    await whenSynced(reader)
    const writer = new Y.Doc()
    writer.getText('text').insert(0, 'kept')
    const [first, waiting] = dependentEdits()
    const author = new Y.Doc()
    Y.applyUpdate(author, first!)
    const large = editsOf(author)
    author.getText('text').insert(4, 'x'.repeat(1100 * 1024))
    // One update: 'kept', which integrates, and more than the 1 MiB limit waiting for 'one '.
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(writer), waiting!, large[0]!])
    const raw = await openRawSocket(relay.url, room)
    raw.socket.send(updateFrame(update))
    expect((await raw.closed).code).toBe(CloseCode.policyViolation)
    await waitFor(() => reader.text.toString() === 'kept', 'what integrated to reach the reader')
    const witness = connect(room)
    await whenSynced(witness)
    expect(witness.text.toString()).toBe('kept')
  })

  it('are dropped when their sender leaves before the content arrives', async () => {
    const room = 'dropped'
    const reader = connect(room)
    await whenSynced(reader)
    const edits = dependentEdits()
    const raw = await openRawSocket(relay.url, room)
    raw.socket.send(updateFrame(edits[1]!))
    raw.socket.close()
    await raw.closed
    const other = await openRawSocket(relay.url, room)
    other.socket.send(updateFrame(edits[0]!))
    await waitFor(() => reader.text.toString() === 'one ', 'the first edit to reach the reader')
    // Had the held-back edit been kept, it would have followed the first one in.
    const witness = connect(room)
    await whenSynced(witness)
    expect(witness.text.toString()).toBe('one ')
    other.socket.close()
  })

  it('an update no Yjs document could have produced closes its sender with 1007 and changes nothing', async () => {
    const room = 'inconsistent'
    const writer = connect(room)
    await whenSynced(writer)
    writer.text.insert(0, 'ab')
    writer.doc.getText('other').insert(0, 'c')
    await waitFor(() => (relay.documentState(room)?.length ?? 0) > 10, 'the relay to hold the text')
    const before = relay.documentState(room)!
    // A copy of the document forges an insert between 'a' (in text) and 'c' (in other).
    const forger = new Y.Doc()
    Y.applyUpdate(forger, before)
    const edits = editsOf(forger)
    forger.getText('text').insert(1, 'X')
    const decoded = Y.decodeUpdate(edits[0]!)
    const item = decoded.structs[0] as Y.Item
    item.rightOrigin = writer.doc.getText('other')._start!.id
    // Re-encode the one forged item: one client, one struct, no deletions.
    const encoder = new Y.UpdateEncoderV1()
    encoding.writeVarUint(encoder.restEncoder, 1)
    encoding.writeVarUint(encoder.restEncoder, 1)
    encoder.writeClient(item.id.client)
    encoding.writeVarUint(encoder.restEncoder, item.id.clock)
    item.write(encoder, 0)
    encoding.writeVarUint(encoder.restEncoder, 0)
    const raw = await openRawSocket(relay.url, room)
    raw.socket.send(updateFrame(encoder.toUint8Array()))
    const { code, reason } = await raw.closed
    expect(code).toBe(CloseCode.invalidPayload)
    expect(reason).toMatch(/inconsistent Yjs update/)
    expect(relay.documentState(room)).toEqual(before)
    expect(writer.text.toString()).toBe('ab')
  })

  it('a live map entry spanning several clocks is refused, so that later deletions cannot split it', async () => {
    const room = 'map-entry-run'
    const writer = connect(room)
    await whenSynced(writer)
    // Client 7 sets map key `k` to one string item four clocks long (Yjs never merges live map
    // entries), then deletes its middle two clocks.
    const entry = new Y.UpdateEncoderV1()
    encoding.writeVarUint(entry.restEncoder, 1)
    encoding.writeVarUint(entry.restEncoder, 1)
    entry.writeClient(7)
    encoding.writeVarUint(entry.restEncoder, 0)
    entry.writeInfo(4 | 0x20) // string content, with parent and key
    entry.writeParentInfo(true)
    entry.writeString('map')
    entry.writeString('k')
    entry.writeString('abcd')
    encoding.writeVarUint(entry.restEncoder, 0)
    const deletion = new Y.UpdateEncoderV1()
    encoding.writeVarUint(deletion.restEncoder, 0)
    encoding.writeVarUint(deletion.restEncoder, 1)
    deletion.resetDsCurVal()
    encoding.writeVarUint(deletion.restEncoder, 7)
    encoding.writeVarUint(deletion.restEncoder, 1)
    deletion.writeDsClock(1)
    deletion.writeDsLen(2)
    const raw = await openRawSocket(relay.url, room)
    raw.socket.send(updateFrame(entry.toUint8Array()))
    raw.socket.send(updateFrame(deletion.toUint8Array()))
    const deleted = (): boolean => Y.snapshot(writer.doc).ds.clients.has(7)
    const refused = await Promise.race([raw.closed, waitFor(deleted, 'the writer to receive the deletion').then(() => null)])
    // Split by the deletion, the relay and the writer would keep clock 0 as a live entry that is not
    // the key's last; a fresh replica, receiving the pieces one by one, deletes it.
    const fresh = connect(room)
    await whenSynced(fresh)
    expect(Y.equalSnapshots(Y.snapshot(fresh.doc), Y.snapshot(writer.doc))).toBe(true)
    expect(refused?.code).toBe(CloseCode.invalidPayload)
    expect(refused?.reason).toMatch(/map entry of client 7 at clock 0 spans 4 clocks/)
  })
})
