import { setupWSConnection } from '@y/websocket-server/utils'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../app/protocol'
import type { AccessRefused } from '../../app/access-check'
import { ConnectionMonitor, type AccessCheck, type ConnectionState } from './connection-monitor'

// renderer/ may not import server/ (nor Node built-ins), so these tests talk to the reference
// y-websocket server and to bare `ws` servers, both npm packages.

/** Resolves once `condition()` holds; rejects naming `what` after `timeoutMs`. */
const waitFor = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Starts a WebSocket server on loopback; `port` 0 picks a free one. */
type UpgradeRequest = Parameters<typeof setupWSConnection>[1]

const listen = async (port: number, onConnection: (socket: WebSocket, request: UpgradeRequest) => void) => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port })
  wss.on('connection', onConnection)
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  const address = wss.address() as { port: number }
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      for (const client of wss.clients) client.terminate()
      wss.close(() => resolve())
    })
  return { url: `ws://127.0.0.1:${address.port}`, port: address.port, close }
}

/** The reference y-websocket server. */
const startReferenceRelay = (port = 0) =>
  listen(port, (socket, request) => setupWSConnection(socket, request))

/** A real y-websocket provider, made as document-session.ts makes it, watched by a monitor. */
const monitorFor = (url: string, policy = { initialDelayMs: 50, maxDelayMs: 200 }, checkAccess?: AccessCheck) => {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(url, 'monitored', doc, {
    connect: false,
    disableBc: true,
    shouldReconnect: () => false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
  })
  const monitor = new ConnectionMonitor(provider, { policy, random: () => 0.5, ...(checkAccess === undefined ? {} : { checkAccess }) })
  const states: ConnectionState[] = []
  monitor.on('change', (state) => states.push(state))
  cleanups.push(() => {
    monitor.destroy()
    provider.destroy()
  })
  return { monitor, provider, states }
}

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A server that accepts every WebSocket and closes it at once with `code` and `reason`. */
const startClosingServer = async (code: number, reason: string): Promise<{ url: string; accepted: () => number }> => {
  let accepted = 0
  const server = await listen(0, (socket) => {
    accepted++
    socket.close(code, reason)
  })
  cleanups.push(server.close)
  return { url: server.url, accepted: () => accepted }
}

/**
 * A server that refuses WebSocket upgrades with HTTP 401 while `refusing` is set, as the relay's
 * token check does; the client sees only 1006. Counts the upgrade requests.
 */
const startRefusingServer = async (): Promise<{ url: string; attempts: () => number; admit: () => void }> => {
  let attempts = 0
  let refusing = true
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (_info, done) => {
      attempts++
      if (refusing) done(false, 401, 'Unauthorized')
      else done(true)
    }
  })
  wss.on('connection', (socket, request) => setupWSConnection(socket, request))
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      })
  )
  return { url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}`, attempts: () => attempts, admit: () => (refusing = false) }
}

/**
 * Proving that nothing happens takes time; instead of sleeping, this waits until a control monitor
 * with the same backoff policy has retried `retries` times against a relay that keeps closing. A
 * monitor that had not stopped would have retried in that time too.
 */
const whileAControlMonitorRetries = async (retries: number): Promise<void> => {
  const server = await startClosingServer(CloseCode.tryAgainLater, 'control')
  const control = monitorFor(server.url)
  control.monitor.connect()
  await waitFor(() => server.accepted() > retries, `the control monitor to retry ${retries} times`)
}

const expiredToken: AccessRefused = {
  error: 'not-authenticated',
  reason: 'the access token expired at 2020-01-01T00:00:00.000Z; ask for a new link',
  closeCode: CloseCode.notAuthenticated
}

describe('ConnectionMonitor', () => {
  it('reports connected once the provider has synced with a relay', async () => {
    const relay = await startReferenceRelay()
    cleanups.push(relay.close)
    const { monitor, states } = monitorFor(relay.url)
    monitor.connect()
    expect(monitor.state.state).toBe('connecting')
    await waitFor(() => monitor.state.state === 'connected', 'the monitor to report connected')
    expect(states.map((state) => state.state)).toEqual(expect.arrayContaining(['connecting', 'connected']))
  })

  it('stops for good on 4403 and shows the reason the relay gave', async () => {
    const server = await startClosingServer(CloseCode.forbidden, 'this token does not grant team/secret')
    const { monitor, provider } = monitorFor(server.url)
    monitor.connect()
    await waitFor(() => monitor.state.state === 'denied', 'the monitor to report denied')
    expect(monitor.state).toEqual({ state: 'denied', closeCode: 4403, reason: 'this token does not grant team/secret' })
    const acceptedAfterDenial = server.accepted()
    expect(provider.shouldConnect).toBe(false)
    await whileAControlMonitorRetries(3)
    expect(server.accepted()).toBe(acceptedAfterDenial)
    expect(monitor.state.state).toBe('denied')
  })

  it('goes offline with the next retry time on an ordinary close, backing off further each time', async () => {
    const server = await startClosingServer(CloseCode.tryAgainLater, 'overloaded')
    const { monitor } = monitorFor(server.url)
    // The scheduled delay of each retry: nextRetryAt minus the moment the state was announced
    // (both read in the same synchronous call).
    const delays: number[] = []
    const closeCodes = new Set<number | null>()
    monitor.on('change', (state) => {
      if (state.state !== 'offline') return
      closeCodes.add(state.closeCode)
      delays.push(state.nextRetryAt! - Date.now())
    })
    monitor.connect()
    await waitFor(() => delays.length >= 4, 'four failed attempts')
    // Policy 50 ms doubling up to 200 ms, random() = 0.5: three quarters of 50, 100, 200, 200.
    expect([...closeCodes]).toEqual([CloseCode.tryAgainLater])
    const expected = [38, 75, 150, 150]
    delays.slice(0, 4).forEach((delay, index) => expect(Math.abs(delay - expected[index]!)).toBeLessThanOrEqual(2))
  })

  it('reconnects when the relay comes back after a stop', async () => {
    const relay = await startReferenceRelay()
    const { monitor } = monitorFor(relay.url)
    monitor.connect()
    await waitFor(() => monitor.state.state === 'connected', 'the first connection')
    await relay.close()
    await waitFor(() => monitor.state.state === 'offline', 'the monitor to notice the relay is gone')
    const restarted = await startReferenceRelay(relay.port)
    cleanups.push(restarted.close)
    await waitFor(() => monitor.state.state === 'connected', 'the monitor to reconnect')
  })

  it('turns a refused upgrade (1006) into denied with the access check’s reason and code, until the user retries', async () => {
    const server = await startRefusingServer()
    let checks = 0
    const { monitor, states } = monitorFor(server.url, undefined, async () => {
      checks++
      return expiredToken
    })
    monitor.connect()
    await waitFor(() => monitor.state.state === 'denied', 'the monitor to report denied')
    expect(monitor.state).toEqual({ state: 'denied', closeCode: 4401, reason: expiredToken.reason })
    // What the provider reported before the check answered: an abnormal close, nothing more.
    expect(states).toContainEqual(expect.objectContaining({ state: 'offline', closeCode: 1006 }))
    expect(checks).toBe(1)
    const attemptsAfterDenial = server.attempts()
    await whileAControlMonitorRetries(3)
    expect(server.attempts()).toBe(attemptsAfterDenial)

    monitor.connect()
    await waitFor(() => checks === 2 && monitor.state.state === 'denied', 'the explicit retry to be checked and denied again')
    expect(server.attempts()).toBe(attemptsAfterDenial + 1)
  })

  it.each([
    ['cannot reach the check', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['is told the token would be admitted', () => Promise.resolve(null)]
  ])('keeps retrying a refused upgrade as a network failure when it %s', async (_case, answer: AccessCheck) => {
    const server = await startRefusingServer()
    let checks = 0
    const { monitor, states } = monitorFor(server.url, undefined, () => {
      checks++
      return answer()
    })
    monitor.connect()
    await waitFor(() => server.attempts() >= 4 && checks >= 3, 'four refused attempts, each checked')
    expect(states.map((state) => state.state)).not.toContain('denied')
    expect(states.filter((state) => state.state === 'offline').map((state) => state.state === 'offline' && state.closeCode)).toEqual(
      expect.arrayContaining([1006])
    )
  })

  it('does not check access after a connection that opened, and ignores a refusal that a later attempt proved wrong', async () => {
    const opened = await startClosingServer(CloseCode.tryAgainLater, 'overloaded')
    let checks = 0
    const first = monitorFor(opened.url, undefined, async () => {
      checks++
      return expiredToken
    })
    first.monitor.connect()
    await waitFor(() => first.states.filter((state) => state.state === 'offline').length >= 3, 'three closes after opening')
    expect(checks).toBe(0)

    const refusing = await startRefusingServer()
    let answer: (refusal: AccessRefused) => void = () => {}
    const pending = new Promise<AccessRefused>((resolve) => (answer = resolve))
    const second = monitorFor(refusing.url, undefined, () => pending)
    second.monitor.connect()
    await waitFor(() => refusing.attempts() === 1 && second.monitor.state.state === 'offline', 'the first refusal')
    refusing.admit()
    await waitFor(() => second.monitor.state.state === 'connected', 'a retry to get in')
    answer(expiredToken)
    await pending
    expect(second.monitor.state.state).toBe('connected')
  })
})
