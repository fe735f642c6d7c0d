import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CloseCode, messageAuth, messageAwareness, messageSync } from '../app/protocol'
import { encodeUpdate } from './messages'
import {
  connectClient,
  openRawSocket,
  startEnsembleRelay,
  waitFor,
  waitForConvergence,
  whenSynced,
  type TestClient
} from './testing/harness'
import type { Relay } from './relay'

const maxFrameBytes = 64 * 1024
const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}
const validUpdate = (): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('text').insert(0, 'a perfectly valid update from an honest client')
  return Y.encodeStateAsUpdate(doc)
}
const truncatedUpdate = (): Uint8Array => {
  const update = validUpdate()
  return update.subarray(0, update.length - 12)
}

/** Each bad frame, what it is, and the close code that must answer it. */
const badFrames: [string, () => Uint8Array | string, number][] = [
  ['a text frame', () => 'hello relay', CloseCode.unsupportedData],
  ['an empty frame', () => new Uint8Array(0), CloseCode.protocolError],
  ['an unknown message type', () => frame((e) => encoding.writeVarUint(e, 42)), CloseCode.unsupportedData],
  ['an auth message from a client', () => frame((e) => encoding.writeVarUint(e, messageAuth)), CloseCode.unsupportedData],
  ['an unknown sync message type', () => frame((e) => [messageSync, 9, 0].forEach((n) => encoding.writeVarUint(e, n))), CloseCode.unsupportedData],
  ['a length prefix longer than the frame', () => new Uint8Array([messageSync, 2, 200, 1, 1, 2, 3]), CloseCode.protocolError],
  ['a huge length prefix', () => new Uint8Array([messageSync, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1]), CloseCode.protocolError],
  ['a varint that never ends', () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), CloseCode.protocolError],
  ['bytes after a valid message', () => new Uint8Array([...encodeUpdate(validUpdate()), 7, 7]), CloseCode.protocolError],
  ['a truncated Yjs update in valid framing', () => encodeUpdate(truncatedUpdate()), CloseCode.invalidPayload],
  ['garbage as a Yjs update', () => encodeUpdate(new Uint8Array([5, 200, 1, 7, 7, 7, 7, 7, 7])), CloseCode.invalidPayload],
  [
    'garbage as sync step 2',
    () => frame((e) => {
      encoding.writeVarUint(e, messageSync)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(e, truncatedUpdate())
    }),
    CloseCode.invalidPayload
  ],
  [
    'a malformed state vector',
    () => frame((e) => {
      encoding.writeVarUint(e, messageSync)
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint8Array(e, new Uint8Array([3, 1]))
    }),
    CloseCode.invalidPayload
  ],
  [
    'awareness with broken JSON',
    () => frame((e) => {
      encoding.writeVarUint(e, messageAwareness)
      encoding.writeVarUint8Array(
        e,
        frame((a) => {
          encoding.writeVarUint(a, 1)
          encoding.writeVarUint(a, 1234)
          encoding.writeVarUint(a, 1)
          encoding.writeVarString(a, '{"user": ')
        })
      )
    }),
    CloseCode.invalidPayload
  ],
  ['a frame over the size limit', () => encodeUpdate(new Uint8Array(maxFrameBytes + 10)), CloseCode.messageTooBig]
]

describe('malformed frames', () => {
  let relay: Relay
  let honest: TestClient[]
  const room = 'hostile/room'

  beforeAll(async () => {
    relay = await startEnsembleRelay({ maxFrameBytes })
    honest = [connectClient(relay.url, room), connectClient(relay.url, room)]
    await Promise.all(honest.map(whenSynced))
    honest[0]!.text.insert(0, 'honest text. ')
    await waitForConvergence(honest)
  })
  afterAll(async () => {
    honest.forEach((client) => client.destroy())
    await relay.close()
  })

  it('is detected by Yjs itself for the truncated update used below', () => {
    expect(() => Y.decodeUpdate(truncatedUpdate())).toThrow()
  })

  it.each(badFrames)('%s closes only its sender with the right code and leaves the document unchanged', async (_what, make, code) => {
    await waitFor(() => relay.documentState(room) !== null, 'the room to be loaded')
    const before = relay.documentState(room)!
    const attacker = await openRawSocket(relay.url, room)
    await waitFor(() => attacker.received.length > 0, 'sync step 1 for the attacker')
    attacker.socket.send(make())
    expect((await attacker.closed).code).toBe(code)

    expect(relay.documentState(room)).toEqual(before)
    // Everyone else is still connected and still converging.
    honest[1]!.text.insert(honest[1]!.text.length, `after ${code}. `)
    await waitForConvergence(honest)
    expect(honest.every((client) => client.provider.wsconnected)).toBe(true)
    expect(relay.health().connections).toBe(2)
  })

  it.each([
    ['an empty name', '/'],
    ['a parent-directory segment', '/..%2F..%2Fetc%2Fpasswd'],
    ['broken URL encoding', '/%E0%A4%A'],
    ['a control character', '/bad%00name']
  ])('refuses a document with %s before the upgrade (HTTP 400)', async (_what, path) => {
    const socket = new WebSocket(relay.url + path)
    const status = await new Promise<number>((resolve, reject) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      socket.on('open', () => reject(new Error('the upgrade was accepted')))
    })
    expect(status).toBe(400)
  })
})
