import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { binaryFrameHeader, underlyingSocket, WireFrame } from './wire-frame'

describe('WireFrame', () => {
  it.each([
    [0, [0x82, 0]],
    [125, [0x82, 125]],
    [126, [0x82, 126, 0, 126]],
    [65535, [0x82, 126, 0xff, 0xff]],
    [65536, [0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]]
  ])('frames %i bytes with the RFC 6455 length encoding', (length, header) => {
    expect([...binaryFrameHeader(length)]).toEqual(header)
  })

  describe('written beside ws', () => {
    let server: WebSocketServer
    let http: ReturnType<typeof createServer>
    let serverSide: Promise<WebSocket>
    beforeAll(async () => {
      http = createServer()
      server = new WebSocketServer({ server: http, perMessageDeflate: false })
      serverSide = new Promise((resolve) => server.once('connection', resolve))
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    })
    afterAll(async () => {
      server.close()
      http.closeAllConnections()
      await new Promise((resolve) => http.close(resolve))
    })

    it('reaches a ws client intact and in order with ws frames, for every length encoding', async () => {
      const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`)
      const received: Buffer[] = []
      const sizes = [3, 200, 70_000]
      const all = new Promise<void>((resolve) =>
        client.on('message', (data: Buffer) => {
          received.push(data)
          if (received.length === sizes.length * 2) resolve()
        })
      )
      const socket = await serverSide
      const raw = underlyingSocket(socket)
      // The fast path must exist in the ws version we ship; otherwise every broadcast pays for framing per connection.
      expect(raw).not.toBeNull()
      for (const size of sizes) {
        raw!.write(new WireFrame(new Uint8Array(size).fill(size % 251)).bytes)
        socket.send(new Uint8Array(size).fill((size + 1) % 251))
      }
      await all
      expect(received.map((frame) => [frame.length, frame[0]])).toEqual(
        sizes.flatMap((size) => [
          [size, size % 251],
          [size, (size + 1) % 251]
        ])
      )
      client.close()
    })
  })
})
