import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { InconsistentUpdate, UpdateIntegrator, WaitingLimitExceeded } from './update-integrator'

/** Records every update a document emits, in order. */
const recorder = (doc: Y.Doc): Uint8Array[] => {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

const text = (update: Uint8Array | null): string => {
  const doc = new Y.Doc()
  if (update !== null) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

const docOf = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

describe('UpdateIntegrator', () => {
  it('checks waiting structs together with their deletions when it retries them', () => {
    // Consecutive values of a map key merge into one entry once deleted; without garbage collection
    // the entry keeps its content, and only the update's delete set says it is deleted.
    const parent = new Y.Doc({ gc: false })
    parent.getArray<Y.Map<number>>('a').push([new Y.Map()])
    const editor = new Y.Doc({ gc: false })
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(parent))
    for (const value of [1, 2, 3]) editor.getArray<Y.Map<number>>('a').get(0).set('k', value)
    const values = Y.encodeStateAsUpdate(editor, Y.encodeStateVector(parent))

    const room = new Y.Doc()
    const integrator = new UpdateIntegrator<string>(room, 1024)
    // The values arrive before the map that holds them: they wait.
    expect(integrator.integrate('a', values)).toBeNull()
    expect(integrator.integrate('b', Y.encodeStateAsUpdate(parent))).not.toBeNull()
    const { integrated, refused } = integrator.retry()
    expect(refused).toEqual([])
    expect(integrated.map(({ sender }) => sender)).toEqual(['a'])
    expect(room.getArray<Y.Map<number>>('a').get(0).get('k')).toBe(3)
  })

  it('integrates an update and returns what became part of the document', () => {
    const room = new Y.Doc()
    const integrator = new UpdateIntegrator<string>(room, 1024)
    const client = new Y.Doc()
    const updates = recorder(client)
    client.getText('t').insert(0, 'hello')
    const integrated = integrator.integrate('a', updates[0]!)
    expect(text(integrated)).toBe('hello')
    expect(room.getText('t').toString()).toBe('hello')
    // The same update again adds nothing.
    expect(integrator.integrate('a', updates[0]!)).toBeNull()
  })

  it('keeps what depends on missing content out of the document until that content arrives', () => {
    const room = new Y.Doc()
    const integrator = new UpdateIntegrator<string>(room, 1024)
    const client = new Y.Doc()
    const updates = recorder(client)
    client.getText('t').insert(0, 'first ')
    client.getText('t').insert(6, 'second')
    client.getText('t').delete(0, 2)

    // The second and third edits arrive first: nothing of them can integrate yet.
    expect(integrator.integrate('a', updates[1]!)).toBeNull()
    expect(integrator.integrate('a', updates[2]!)).toBeNull()
    expect(room.store.pendingStructs).toBeNull()
    expect(room.store.pendingDs).toBeNull()
    expect(integrator.waitingBytes('a')).toBeGreaterThan(0)
    expect(integrator.retry()).toEqual({ integrated: [], refused: [] })

    // The first edit arrives (from another sender): the waiting ones follow on retry.
    expect(text(integrator.integrate('b', updates[0]!))).toBe('first ')
    const { integrated, refused } = integrator.retry()
    expect(refused).toEqual([])
    expect(integrated.map(({ sender }) => sender)).toEqual(['a'])
    expect(room.getText('t').toString()).toBe('rst second')
    expect(integrator.hasWaiting).toBe(false)
    // Everything that integrated, replayed elsewhere, gives the same document.
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(client, new Uint8Array([0])))
    expect(replica.getText('t').toString()).toBe(room.getText('t').toString())
  })

  it('refuses a sender whose waiting updates pass the limit, and forgets a sender that left', () => {
    const room = new Y.Doc()
    const integrator = new UpdateIntegrator<string>(room, 200)
    const client = new Y.Doc()
    const updates = recorder(client)
    client.getText('t').insert(0, 'x')
    for (let i = 0; i < 20; i++) client.getText('t').insert(0, `waiting ${i} `)
    integrator.integrate('a', updates[1]!)
    expect(() => {
      for (const update of updates.slice(2)) integrator.integrate('a', update)
    }).toThrow(WaitingLimitExceeded)
    expect(integrator.waitingBytes('a')).toBe(0)

    integrator.integrate('b', updates[1]!)
    expect(integrator.hasWaiting).toBe(true)
    integrator.forget('b')
    expect(integrator.hasWaiting).toBe(false)
  })

  it('returns with the waiting-limit refusal what of the update integrated before it', () => {
    const room = new Y.Doc()
    const integrator = new UpdateIntegrator<string>(room, 200)
    const writer = new Y.Doc()
    writer.getText('t').insert(0, 'integrates')
    const waiter = new Y.Doc()
    const waiting = recorder(waiter)
    waiter.getText('t').insert(0, 'x')
    for (let i = 0; i < 20; i++) waiter.getText('t').insert(0, `waiting ${i} `)
    // One update: content the room can integrate, and more than 200 bytes waiting for "x".
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(writer), ...waiting.slice(1)])
    let refusal: unknown
    try {
      integrator.integrate('a', update)
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(WaitingLimitExceeded)
    const { integrated } = refusal as WaitingLimitExceeded
    expect(text(integrated)).toBe('integrates')
    expect(Y.encodeStateAsUpdate(room)).toEqual(Y.encodeStateAsUpdate(docOf(integrated!)))
    expect(integrator.waitingBytes('a')).toBe(0)
  })

  it('refuses an inconsistent update without touching the document', () => {
    const room = new Y.Doc()
    room.getText('t').insert(0, 'kept')
    const before = Y.encodeStateAsUpdate(room)
    const integrator = new UpdateIntegrator<string>(room, 1024)
    // An item of client 7 at clock 0 whose left neighbour is its own clock 5, which Yjs would
    // look up while integrating and crash on.
    const encoder = new Y.UpdateEncoderV1()
    encoding.writeVarUint(encoder.restEncoder, 1) // clients
    encoding.writeVarUint(encoder.restEncoder, 1) // structs of the client
    encoder.writeClient(7)
    encoding.writeVarUint(encoder.restEncoder, 0) // first clock
    encoder.writeInfo(4 | 0x80) // string content, with a left neighbour
    encoder.writeLeftID(Y.createID(7, 5))
    encoder.writeString('x')
    encoding.writeVarUint(encoder.restEncoder, 0) // no deletions
    expect(() => integrator.integrate('a', encoder.toUint8Array())).toThrow(/refers to its own future/)
    expect(() => integrator.integrate('a', encoder.toUint8Array())).toThrow(InconsistentUpdate)
    expect(Y.encodeStateAsUpdate(room)).toEqual(before)
  })

  it('never refuses what real Yjs documents send each other, and every replica converges', () => {
    const gen = prng.create(42)
    const room = new Y.Doc()
    const integrator = new UpdateIntegrator<number>(room, 1024 * 1024)
    const clients = [1, 2, 3].map((id) => {
      const doc = new Y.Doc()
      doc.clientID = id
      return { doc, outbox: recorder(doc) }
    })
    for (let step = 0; step < 600; step++) {
      const sender = prng.int31(gen, 0, clients.length - 1)
      const { doc } = clients[sender]!
      const textType = doc.getText('text')
      const map = doc.getMap<unknown>('map')
      const array = doc.getArray<unknown>('array')
      const xml = doc.getXmlFragment('xml')
      switch (prng.int31(gen, 0, 6)) {
        case 0:
          textType.insert(prng.int31(gen, 0, textType.length), prng.word(gen, 1, 6))
          break
        case 1:
          if (textType.length > 0) textType.delete(prng.int31(gen, 0, textType.length - 1), 1)
          break
        case 2:
          textType.format(0, Math.min(3, textType.length), { bold: prng.bool(gen) })
          break
        case 3:
          map.set(prng.oneOf(gen, ['a', 'b', 'c']), prng.int31(gen, 0, 9))
          break
        case 4:
          array.insert(prng.int31(gen, 0, array.length), [new Y.Map(), prng.word(gen)])
          break
        case 5:
          if (array.length > 0) array.delete(prng.int31(gen, 0, array.length - 1), 1)
          break
        default:
          xml.insert(0, [new Y.XmlElement('p')])
      }
      // Deliver some outboxes to the room, in random order, and the room's output to everyone else.
      if (prng.int31(gen, 0, 3) === 0) {
        for (const [index, client] of clients.entries()) {
          for (const update of client.outbox.splice(0)) {
            const integrated = integrator.integrate(index, update)
            for (const { update: retried } of integrator.retry().integrated) deliver(clients, index, retried)
            if (integrated !== null) deliver(clients, index, integrated)
          }
        }
      }
    }
    for (const [index, client] of clients.entries()) {
      for (const update of client.outbox.splice(0)) {
        const integrated = integrator.integrate(index, update)
        if (integrated !== null) deliver(clients, index, integrated)
      }
    }
    expect(integrator.hasWaiting).toBe(false)
    for (const { doc } of clients) {
      expect(doc.getText('text').toDelta()).toEqual(room.getText('text').toDelta())
      expect(doc.getMap('map').toJSON()).toEqual(room.getMap('map').toJSON())
      expect(doc.getArray('array').toJSON()).toEqual(room.getArray('array').toJSON())
      expect(doc.getXmlFragment('xml').toString()).toBe(room.getXmlFragment('xml').toString())
    }
  })

})

/** Applies a room update to every client but its sender, without echoing it back to the room. */
const deliver = (clients: { doc: Y.Doc; outbox: Uint8Array[] }[], sender: number, update: Uint8Array): void => {
  clients.forEach((client, index) => {
    if (index === sender) return
    const before = client.outbox.length
    Y.applyUpdate(client.doc, update)
    client.outbox.splice(before)
  })
}
