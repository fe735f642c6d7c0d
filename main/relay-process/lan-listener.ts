import type { AddressInfo } from 'node:net'
import { createServer, type Server, type TLSSocket } from 'node:tls'
import type { Relay } from '../../server/relay'
import { lanEntry } from './lan-access'
import type { LanTls } from './protocol'

/**
 * The relay's second door while hosting: a TLS listener on the LAN interfaces that hands each
 * decrypted connection to the relay, tagged `lan` so that the LAN policy applies to it. Nothing
 * of a LAN session (tokens, documents, presence) crosses the network in clear text; guests check
 * the certificate against the fingerprint of their invite (or mDNS advert). Closing the listener
 * also cuts every connection that came through it, which takes the session off the LAN at once.
 */
export class LanListener {
  private readonly sockets = new Set<TLSSocket>()
  private readonly server: Server

  private constructor(relay: Relay, tls: LanTls) {
    this.server = createServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' }, (socket) => {
      socket.setNoDelay(true)
      this.sockets.add(socket)
      socket.once('close', () => this.sockets.delete(socket))
      relay.acceptConnection(socket, lanEntry)
    })
    // A guest that gave up on the certificate (a browser before its user accepted it) or spoke plain
    // HTTP: its connection ends here, and nothing else does.
    this.server.on('tlsClientError', (_error, socket) => socket.destroy())
  }

  /** Listens on `host:port` (`0` = a free port); the error says what to do when the port is taken. */
  static async open(relay: Relay, host: string, port: number, tls: LanTls): Promise<LanListener> {
    const listener = new LanListener(relay, tls)
    await new Promise<void>((resolve, reject) => {
      listener.server.once('error', (error: NodeJS.ErrnoException) => {
        const reason =
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use on ${host}; choose another LAN port in Settings`
            : `cannot listen on ${host}:${port}: ${error.message}`
        reject(new Error(reason, { cause: error }))
      })
      listener.server.listen(port, host, resolve)
    })
    return listener
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  get connectionCount(): number {
    return this.sockets.size
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    for (const socket of this.sockets) socket.destroy()
    return closed
  }
}
