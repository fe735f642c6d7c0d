import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { messageSync } from '../../app/protocol'
import { RemoteUpdateGate } from './remote-update-gate'

const providers: WebsocketProvider[] = []
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy()
})

/** A provider that never connects; the test hands it frames as its WebSocket would. */
const unconnectedProvider = (doc: Y.Doc): WebsocketProvider => {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'gate', doc, { connect: false, WebSocketPolyfill: WebSocket as never })
  providers.push(provider)
  return provider
}

/** Feeds one frame to the provider's handlers; returns the answer it would send. */
const receive = (provider: WebsocketProvider, frame: Uint8Array): Uint8Array => {
  const decoder = decoding.createDecoder(frame)
  const encoder = encoding.createEncoder()
  const type = decoding.readVarUint(decoder)
  provider.messageHandlers[type]!(encoder, decoder, provider, true, type)
  return encoding.toUint8Array(encoder)
}

const updateFrame = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A remote doc whose edits are sent as update frames, one per edit. */
const remoteEdits = (texts: string[]): Uint8Array[] => {
  const remote = new Y.Doc()
  const frames: Uint8Array[] = []
  remote.on('update', (update: Uint8Array) => frames.push(updateFrame(update)))
  for (const text of texts) remote.getText('t').insert(remote.getText('t').length, text)
  return frames
}

describe('RemoteUpdateGate', () => {
  it('applies updates at once while not held', () => {
    const doc = new Y.Doc()
    const provider = unconnectedProvider(doc)
    new RemoteUpdateGate(provider)
    for (const frame of remoteEdits(['a', 'b'])) receive(provider, frame)
    expect(doc.getText('t').toString()).toBe('ab')
  })

  it('keeps updates while held and applies them in order on release', () => {
    const doc = new Y.Doc()
    const provider = unconnectedProvider(doc)
    const gate = new RemoteUpdateGate(provider)
    gate.hold()
    const answers = remoteEdits(['a', 'b', 'c']).map((frame) => receive(provider, frame))
    expect(answers.every((answer) => answer.length === 0)).toBe(true)
    expect(doc.getText('t').toString()).toBe('')
    expect(gate.waiting).toBe(3)
    gate.release()
    expect(doc.getText('t').toString()).toBe('abc')
    expect(gate.waiting).toBe(0)
  })

  it('answers sync step 1 while held: it only reads the document', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'local')
    const provider = unconnectedProvider(doc)
    const gate = new RemoteUpdateGate(provider)
    gate.hold()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    syncProtocol.writeSyncStep1(encoder, new Y.Doc())
    const answer = receive(provider, encoding.toUint8Array(encoder))
    // The answer is sync step 2 with what the asker lacks: the local text.
    const other = new Y.Doc()
    const decoder = decoding.createDecoder(answer)
    expect(decoding.readVarUint(decoder)).toBe(messageSync)
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), other, null)
    expect(other.getText('t').toString()).toBe('local')
  })

  it('gives the provider its own handler back, with what it held applied, when destroyed', () => {
    const doc = new Y.Doc()
    const provider = unconnectedProvider(doc)
    const gate = new RemoteUpdateGate(provider)
    gate.hold()
    const [first, second] = remoteEdits(['a', 'b'])
    receive(provider, first!)
    gate.destroy()
    expect(doc.getText('t').toString()).toBe('a')
    receive(provider, second!)
    expect(doc.getText('t').toString()).toBe('ab')
  })
})
