import { Socket } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { Relay } from './relay'
import { updateFrame } from './testing/frames'
import { openRawSocket, startEnsembleRelay, waitFor, type RawSocket } from './testing/harness'

/** The TCP socket under a `ws` client. */
const tcpOf = (raw: RawSocket): Socket => (raw.socket as unknown as { _socket: Socket })._socket

/** Three updates from one author, each needing the one before it. */
const threeEdits = (): Uint8Array[] => {
  const author = new Y.Doc()
  const edits: Uint8Array[] = []
  author.on('update', (update: Uint8Array) => edits.push(update))
  for (const word of ['one ', 'two ', 'three']) author.getText('text').insert(author.getText('text').length, word)
  return edits
}

describe('socket writes per event-loop turn', () => {
  let relay: Relay | undefined
  afterEach(async () => {
    vi.restoreAllMocks()
    await relay?.close()
  })

  it("writes a connection's first frame of a turn at once and the rest of the turn's frames in one writev", async () => {
    relay = await startEnsembleRelay()
    const listener = await openRawSocket(relay.url, 'turns')
    const writer = await openRawSocket(relay.url, 'turns')
    // Each is sent the relay's sync step 1 when it joins; nothing else is sent to the listener after that.
    await waitFor(() => listener.received.length === 1 && writer.received.length === 1, 'both sockets to be greeted')

    // The relay's side of the listener's connection is the socket whose peer port is the listener's own.
    const listenerPort = tcpOf(listener).localPort
    const writes: number[] = []
    const towardsListener = (socket: Socket): boolean => socket.remotePort === listenerPort
    const write = Socket.prototype._write
    const writev = Socket.prototype._writev!
    vi.spyOn(Socket.prototype, '_write').mockImplementation(function (this: Socket, ...args) {
      if (towardsListener(this)) writes.push(1)
      return write.apply(this, args)
    })
    vi.spyOn(Socket.prototype, '_writev').mockImplementation(function (this: Socket, ...args) {
      if (towardsListener(this)) writes.push(args[0].length)
      return writev.apply(this, args)
    })

    // Three updates in one TCP segment: the relay reads and forwards them in one turn.
    const tcp = tcpOf(writer)
    tcp.cork()
    for (const edit of threeEdits()) writer.socket.send(updateFrame(edit))
    tcp.uncork()
    await waitFor(() => listener.received.length === 4, 'the listener to receive the three updates')

    // One write of one frame while the turn read its input, then one writev of two after it.
    expect(writes).toEqual([1, 2])
    listener.socket.close()
    writer.socket.close()
  })
})
