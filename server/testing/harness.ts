/**
 * Test support: start our relay or the reference `@y/websocket-server` on loopback, connect real
 * `y-websocket` clients to either, and await conditions with a bounded deadline.
 * Imported by tests and benchmarks only.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import WebSocket, { WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createRelay, type Relay, type RelayOptions } from '../relay'

// Every y-websocket provider adds a process 'exit' listener; tests open dozens at once.
process.setMaxListeners(200)

/** A relay under test, ours or the reference one, behind one shape. */
export interface TestRelay {
  readonly kind: 'ensemble' | 'reference'
  readonly url: string
  close(): Promise<void>
}

export const startEnsembleRelay = async (options: RelayOptions = {}): Promise<Relay & TestRelay> => {
  const relay = await createRelay({ port: 0, logger: pino({ level: 'silent' }), ...options })
  return Object.assign(relay, { kind: 'ensemble' as const })
}

/** The reference server (`@y/websocket-server` 0.1.1) on a free loopback port, without persistence. */
export const startReferenceRelay = async (): Promise<TestRelay> => {
  const { setupWSConnection } = await import('@y/websocket-server/utils')
  const wss = new WebSocketServer({ noServer: true })
  const server = createServer((_request, response) => response.end('reference relay'))
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    kind: 'reference',
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      for (const client of wss.clients) client.terminate()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

export interface TestClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly text: Y.Text
  destroy(): void
}

/** A stock `y-websocket` client in this process (no BroadcastChannel shortcut between clients). */
export const connectClient = (
  url: string,
  room: string,
  options: {
    doc?: Y.Doc
    params?: Record<string, string>
    connect?: boolean
    /** Options for every `ws` socket the provider opens, e.g. `ca` for a test certificate. */
    socketOptions?: WebSocket.ClientOptions
  } = {}
): TestClient => {
  const doc = options.doc ?? new Y.Doc()
  const socketOptions = options.socketOptions
  const WebSocketPolyfill =
    socketOptions === undefined
      ? WebSocket
      : class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, socketOptions)
          }
        }
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocketPolyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    params: options.params ?? {},
    maxBackoffTime: 300
  })
  return {
    doc,
    provider,
    text: doc.getText('text'),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    }
  }
}

/** Resolves when the client has completed a sync with the relay. */
export const whenSynced = (client: TestClient): Promise<void> =>
  client.provider.synced
    ? Promise.resolve()
    : new Promise((resolve) => {
        const onSync = (synced: boolean): void => {
          if (!synced) return
          client.provider.off('sync', onSync)
          resolve()
        }
        client.provider.on('sync', onSync)
      })

/**
 * Resolves once `condition()` holds, checking every few milliseconds; rejects with `description`
 * after `timeoutMs`. For state that no event announces.
 */
export const waitFor = async (
  condition: () => boolean | Promise<boolean>,
  description: string,
  timeoutMs = 10_000
): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Resolves once every client's document encodes to the same state as the first one's. */
export const waitForConvergence = (clients: readonly TestClient[], timeoutMs?: number): Promise<void> =>
  waitFor(
    () => {
      const reference = clients[0]!.text.toString()
      return clients.every((client) => client.text.toString() === reference)
    },
    `${clients.length} clients to converge`,
    timeoutMs
  )

/** A bare WebSocket for sending frames no honest client would. */
export interface RawSocket {
  readonly socket: WebSocket
  /** Resolves with the close code and reason, whoever closes. */
  readonly closed: Promise<{ code: number; reason: string }>
  /** Every binary frame received so far. */
  readonly received: Uint8Array[]
}

/** Where a raw socket connects and what it presents: query parameters (`token`) and headers (`origin`). */
export interface RawSocketOptions {
  params?: Record<string, string>
  headers?: Record<string, string>
  socketOptions?: WebSocket.ClientOptions
}

const roomUrl = (url: string, room: string, params: Record<string, string> = {}): string => {
  const query = new URLSearchParams(params).toString()
  return `${url}/${encodeURIComponent(room)}${query === '' ? '' : `?${query}`}`
}

export const openRawSocket = async (url: string, room: string, options: RawSocketOptions = {}): Promise<RawSocket> => {
  const socket = new WebSocket(roomUrl(url, room, options.params), {
    ...options.socketOptions,
    ...(options.headers === undefined ? {} : { headers: options.headers })
  })
  const received: Uint8Array[] = []
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return { socket, closed, received }
}

/**
 * Attempts a WebSocket upgrade and reports the HTTP answer: 101 when it was accepted (the socket is
 * then closed), else the refusal's status and body.
 */
export const attemptUpgrade = (
  url: string,
  room: string,
  options: RawSocketOptions = {}
): Promise<{ status: number; body: string }> => upgradeAnswer(roomUrl(url, room, options.params), options)

/** The HTTP status of a WebSocket upgrade to `url` exactly as written (path and query): 101 when it was accepted. */
export const upgradeStatus = async (url: string, socketOptions?: WebSocket.ClientOptions): Promise<number> =>
  (await upgradeAnswer(url, socketOptions === undefined ? {} : { socketOptions })).status

const upgradeAnswer = (url: string, options: RawSocketOptions): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url, {
      ...options.socketOptions,
      ...(options.headers === undefined ? {} : { headers: options.headers })
    })
    socket.on('open', () => {
      socket.close()
      resolve({ status: 101, body: '' })
    })
    socket.on('unexpected-response', (_request, response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: body.trim() }))
    })
    socket.on('error', (error) => {
      // 'unexpected-response' handles refusals; anything else is a failure of the test setup.
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
