import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import type { Relay } from '../../server/relay'
import { lanEntry } from './lan-access'

/**
 * The relay's second door while hosting: a TCP listener on the LAN interfaces that hands each
 * connection to the relay, tagged `lan` so that the LAN policy applies to it. Closing it also cuts
 * every connection that came through it, which takes the session off the LAN at once.
 */
export class LanListener {
  private readonly sockets = new Set<Socket>()
  private readonly server: Server

  private constructor(relay: Relay) {
    this.server = createServer({ noDelay: true }, (socket) => {
      this.sockets.add(socket)
      socket.once('close', () => this.sockets.delete(socket))
      relay.acceptConnection(socket, lanEntry)
    })
  }

  /** Listens on `host:port` (`0` = a free port); the error says what to do when the port is taken. */
  static async open(relay: Relay, host: string, port: number): Promise<LanListener> {
    const listener = new LanListener(relay)
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
