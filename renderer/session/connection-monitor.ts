import { ObservableV2 } from 'lib0/observable'
import type { AccessRefused } from '../../app/access-check'
import { isFinalCloseCode } from '../../app/protocol'
import { defaultReconnectPolicy, reconnectDelay, type ReconnectPolicy } from './reconnect-policy'

/** What the connection status shows; `data-state` of `[data-testid=connection-status]`. */
export type ConnectionState =
  | { readonly state: 'connecting' }
  /** Connected and in sync with the relay. */
  | { readonly state: 'connected' }
  /** Not connected; edits stay local. `nextRetryAt` is ms since the epoch, `null` while waiting for the network. */
  | { readonly state: 'offline'; readonly nextRetryAt: number | null; readonly closeCode: number | null }
  /** The relay refused this client (4401/4403); no retry until the user asks. */
  | { readonly state: 'denied'; readonly closeCode: number; readonly reason: string }

/** The part of y-websocket's `WebsocketProvider` the monitor drives (it is created with `connect: false`). */
export interface MonitoredProvider {
  on(name: 'status', handler: (event: { status: 'connected' | 'disconnected' | 'connecting' }) => void): void
  on(name: 'sync', handler: (synced: boolean) => void): void
  on(name: 'closed', handler: (event: { code: number; reason: string }) => void): void
  off(name: 'status' | 'sync' | 'closed', handler: (...args: never[]) => void): void
  connect(): void
  disconnect(): void
}

/** Where the monitor learns that the machine went on- or offline (`window` in a browser). */
export interface NetworkEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void
  removeEventListener(type: 'online' | 'offline', listener: () => void): void
}

/**
 * Asks the relay whether it would admit this client: resolves with its refusal, or `null` when it
 * would admit it; rejects when it cannot tell (no network, no answer, a relay without the check).
 */
export type AccessCheck = () => Promise<AccessRefused | null>

export interface ConnectionMonitorOptions {
  readonly policy?: ReconnectPolicy
  readonly network?: NetworkEvents
  readonly random?: () => number
  /**
   * Asked once after each attempt that closed before it opened: a browser reports a WebSocket
   * upgrade the relay refused (401/403) only as 1006, so without it a denial looks like a network
   * failure and is retried for ever. `relay-access-check.ts` asks the relay over HTTP.
   */
  readonly checkAccess?: AccessCheck
}

/**
 * Turns a provider's events into the truth about the connection and owns reconnection: the
 * provider is told never to reconnect on its own (`shouldReconnect: () => false`), so every server
 * or network close arrives here as `closed`, and the monitor schedules the retry with backoff and
 * jitter, or stops for good on 4401/4403 — also when `checkAccess` learns that a connection that
 * never opened was refused.
 */
export class ConnectionMonitor extends ObservableV2<{ change: (state: ConnectionState) => void }> {
  private current: ConnectionState = { state: 'connecting' }
  private failedAttempts = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  /** Whether the current attempt's WebSocket opened. */
  private attemptOpened = false
  /** Counts explicit `connect()` calls; an access check answers only for the one it was asked in. */
  private generation = 0
  /** The generation whose access check is under way, if any. */
  private checkingGeneration: number | undefined
  private destroyed = false
  private readonly policy: ReconnectPolicy
  private readonly random: () => number

  constructor(
    private readonly provider: MonitoredProvider,
    private readonly options: ConnectionMonitorOptions = {}
  ) {
    super()
    this.policy = options.policy ?? defaultReconnectPolicy
    this.random = options.random ?? Math.random
    provider.on('status', this.onStatus)
    provider.on('sync', this.onSync)
    provider.on('closed', this.onClosed)
    options.network?.addEventListener('online', this.onOnline)
    options.network?.addEventListener('offline', this.onOffline)
  }

  get state(): ConnectionState {
    return this.current
  }

  /** Connects now, cancelling a scheduled retry; after a denial it is the user's explicit retry. */
  connect(): void {
    this.generation++
    this.attempt()
  }

  override destroy(): void {
    this.destroyed = true
    clearTimeout(this.retryTimer)
    this.provider.off('status', this.onStatus)
    this.provider.off('sync', this.onSync)
    this.provider.off('closed', this.onClosed)
    this.options.network?.removeEventListener('online', this.onOnline)
    this.options.network?.removeEventListener('offline', this.onOffline)
    super.destroy()
  }

  private attempt(): void {
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.attemptOpened = false
    this.set({ state: 'connecting' })
    this.provider.connect()
  }

  private readonly onStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') this.attemptOpened = true
    if (status === 'connecting' && this.current.state !== 'denied') this.set({ state: 'connecting' })
  }

  private readonly onSync = (synced: boolean): void => {
    if (!synced) return
    this.failedAttempts = 0
    this.set({ state: 'connected' })
  }

  private readonly onClosed = ({ code, reason }: { code: number; reason: string }): void => {
    if (isFinalCloseCode(code)) return this.deny(code, reason || `the relay closed the connection with ${code}`)
    const neverOpened = !this.attemptOpened
    this.scheduleRetry(code)
    if (neverOpened) this.checkAccess()
  }

  /** Asks `checkAccess` why the attempt failed; a refusal ends the retries as 4401/4403 would. */
  private checkAccess(): void {
    const check = this.options.checkAccess
    const generation = this.generation
    if (check === undefined || this.checkingGeneration === generation) return
    this.checkingGeneration = generation
    const settle = (): void => {
      if (this.checkingGeneration === generation) this.checkingGeneration = undefined
    }
    check().then(
      (refusal) => {
        settle()
        // Stale when the user retried since, or a later attempt got in after all.
        if (refusal === null || this.destroyed || generation !== this.generation || this.attemptOpened) return
        if (this.current.state === 'denied') return
        // A retry may be under way; it would only be refused again.
        this.provider.disconnect()
        this.deny(refusal.closeCode, refusal.reason)
      },
      // The relay could not be asked: that is what the offline state and its retries already say.
      settle
    )
  }

  private deny(closeCode: number, reason: string): void {
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.set({ state: 'denied', closeCode, reason })
  }

  private readonly onOnline = (): void => {
    if (this.current.state === 'offline') this.connect()
  }

  // The browser knows before any socket times out; a socket that still looks open would only
  // notice after y-websocket's 30 s silence check.
  private readonly onOffline = (): void => {
    if (this.current.state === 'denied') return
    clearTimeout(this.retryTimer)
    this.provider.disconnect()
    this.set({ state: 'offline', nextRetryAt: null, closeCode: null })
  }

  private scheduleRetry(closeCode: number): void {
    clearTimeout(this.retryTimer)
    const delay = reconnectDelay(this.policy, this.failedAttempts++, this.random)
    this.set({ state: 'offline', nextRetryAt: Date.now() + delay, closeCode })
    this.retryTimer = setTimeout(() => this.attempt(), delay)
  }

  private set(state: ConnectionState): void {
    this.current = state
    this.emit('change', [state])
  }
}
