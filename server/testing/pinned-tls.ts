/**
 * Test support: `ws` client options that accept a self-signed certificate only when its SHA-256
 * fingerprint is the expected one, as the desktop app pins a LAN host's certificate. The check
 * runs when the TLS handshake completes, before the WebSocket upgrade request is sent.
 * Imported by tests only.
 */
import { createHash } from 'node:crypto'
import { connect, type TLSSocket } from 'node:tls'
import type WebSocket from 'ws'

export const pinnedSocketOptions = (fingerprint: string): WebSocket.ClientOptions => ({
  createConnection: (options) => {
    const socket: TLSSocket = connect({ ...(options as object), rejectUnauthorized: false })
    socket.once('secureConnect', () => {
      const presented = `sha256/${createHash('sha256').update(socket.getPeerCertificate(false).raw).digest('base64')}`
      if (presented !== fingerprint) socket.destroy(new Error(`certificate ${presented} is not the pinned ${fingerprint}`))
    })
    return socket
  }
})
