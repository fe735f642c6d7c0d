import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { messageAwareness, messageSync } from '../../app/protocol'
import { awarenessFrame, syncStep1Frame, syncStep2Frame } from './frames'

// Benchmarks send these frames in place of a stock provider's, so they must match its bytes.
describe('hand-built frames', () => {
  it('writes the awareness bytes y-protocols writes for one client', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'listener 1' } })
    const expected = encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, messageAwareness)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
    })
    const clock = awareness.meta.get(doc.clientID)!.clock
    expect(awarenessFrame(doc.clientID, clock, { user: { name: 'listener 1' } })).toEqual(expected)
    awareness.destroy()
  })

  it('writes the sync step 1 and step 2 bytes y-protocols writes', () => {
    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'some content')
    const expectedStep1 = encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, messageSync)
      syncProtocol.writeSyncStep1(encoder, doc)
    })
    const expectedStep2 = encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, messageSync)
      syncProtocol.writeSyncStep2(encoder, doc)
    })
    expect(syncStep1Frame(Y.encodeStateVector(doc))).toEqual(expectedStep1)
    expect(syncStep2Frame(Y.encodeStateAsUpdate(doc))).toEqual(expectedStep2)
  })
})
