import type { Logger } from 'pino'
import type { RelayStatus, UpstreamLink } from '../../app/ipc'
import { Emitter, type Disposable, type Event } from '../common/event'
import {
  exitCodeStartFailed,
  RelayProcessMessageSchema,
  type LanPolicy,
  type LanTls,
  type RelayLaunchConfig,
  type RelayProcessMessage
} from '../relay-process/protocol'
import type { RelayChildProcess, UtilityProcessLauncher } from './launcher'

/** Runs the embedded relay in its own process and keeps it running. */
export interface IRelayHostService extends Disposable {
  readonly status: RelayStatus
  readonly onDidChangeStatus: Event<RelayStatus>
  /** Number of documents in the relay's memory (for the mDNS TXT record). */
  readonly onDidChangeDocumentCount: Event<number>
  /** Starts the relay; resolves with its `ws://127.0.0.1:PORT` URL once it listens. */
  start(): Promise<string>
  /** Keeps exactly `links` (local documents) also on their hosted relays, now and after restarts. */
  setUpstreamLinks(links: readonly UpstreamLink[]): void
  /** Opens the LAN listener on `host:port` under `policy`, over TLS with `tls`; resolves with the port. Survives restarts. */
  host(host: string, port: number, policy: LanPolicy, tls: LanTls): Promise<number>
  unhost(): Promise<void>
  /** Stops gracefully (storage flushed) within the stop deadline, else kills the process. */
  stop(): Promise<void>
}

export interface RelayHostOptions {
  readonly config: Omit<RelayLaunchConfig, 'port'>
  /** Preferred loopback port; `0` (default) picks a free one at first start. */
  readonly port?: number
  /** First restart delay; doubles with each consecutive crash up to `maxRestartDelayMs`. */
  readonly restartDelayMs?: number
  readonly maxRestartDelayMs?: number
  /** Consecutive crashes after which the service gives up. */
  readonly maxRestarts?: number
  /** A relay that stays up this long is healthy again: the crash count starts over. */
  readonly stableAfterMs?: number
  /** How long a graceful stop may take before the process is killed. */
  readonly stopTimeoutMs?: number
}

export const relayHostDefaults = {
  restartDelayMs: 250,
  maxRestartDelayMs: 10_000,
  maxRestarts: 6,
  stableAfterMs: 30_000,
  stopTimeoutMs: 5_000
} as const

interface PendingReply {
  readonly expects: 'hosting' | 'unhosted'
  readonly during: 'host' | 'unhost'
  resolve(message: RelayProcessMessage): void
  reject(error: Error): void
}

/**
 * `RelayHostService`: the relay of `server/` in a utility process on 127.0.0.1, storing in the
 * user-data folder. Reports `starting → listening`, `crashed → restarting → listening` after a
 * crash (restarting on the same port with exponential backoff, so windows reconnect by
 * themselves, and re-opening the LAN listener if it was hosting), and `stopped`.
 */
export class RelayHostService implements IRelayHostService {
  private readonly statusEmitter = new Emitter<RelayStatus>()
  private readonly documentsEmitter = new Emitter<number>()
  readonly onDidChangeStatus = this.statusEmitter.event
  readonly onDidChangeDocumentCount = this.documentsEmitter.event

  private currentStatus: RelayStatus = { state: 'stopped' }
  private child: RelayChildProcess | null = null
  private port: number
  private crashes = 0
  /** What the relay process said when it could not start, for the status of its exit. */
  private startError: string | null = null
  private stopping: Promise<void> | null = null
  private restartTimer: NodeJS.Timeout | undefined
  private stableTimer: NodeJS.Timeout | undefined
  private hosting: { host: string; port: number; policy: LanPolicy; tls: LanTls } | null = null
  /** Local documents the relay also keeps on hosted relays; sent again to every new relay process. */
  private upstreamLinks: readonly UpstreamLink[] = []
  private pending: PendingReply[] = []
  private listeningWaiters: Array<{ resolve(url: string): void; reject(error: Error): void }> = []
  private readonly settings: Required<Omit<RelayHostOptions, 'config' | 'port'>>

  constructor(
    private readonly launcher: UtilityProcessLauncher,
    private readonly logger: Logger,
    private readonly options: RelayHostOptions
  ) {
    this.port = options.port ?? 0
    this.settings = { ...relayHostDefaults, ...stripUndefined(options) }
  }

  get status(): RelayStatus {
    return this.currentStatus
  }

  start(): Promise<string> {
    if (this.currentStatus.state === 'listening') return Promise.resolve(this.currentStatus.url)
    const listening = new Promise<string>((resolve, reject) => this.listeningWaiters.push({ resolve, reject }))
    if (this.child === null && this.restartTimer === undefined) {
      this.stopping = null
      this.crashes = 0
      this.launch(1)
    }
    return listening
  }

  async host(host: string, port: number, policy: LanPolicy, tls: LanTls): Promise<number> {
    if (this.child === null || this.currentStatus.state !== 'listening') {
      throw new Error(`cannot host: the relay is ${this.currentStatus.state}, not listening`)
    }
    const reply = this.request('hosting', 'host', () => this.child?.postMessage({ type: 'host', host, port, policy, tls }))
    const message = await reply
    const actualPort = message.type === 'hosting' ? message.port : port
    // Reopen on the port guests already have in their links, even if `port` was 0.
    this.hosting = { host, port: actualPort, policy, tls }
    return actualPort
  }

  /** Keeps exactly `links` (local documents) also on their hosted relays, now and after restarts. */
  setUpstreamLinks(links: readonly UpstreamLink[]): void {
    this.upstreamLinks = links
    if (this.child !== null && this.currentStatus.state === 'listening') this.sendUpstreamLinks()
  }

  private sendUpstreamLinks(): void {
    this.child?.postMessage({ type: 'upstream', links: this.upstreamLinks.map((link) => ({ ...link })) })
  }

  async unhost(): Promise<void> {
    this.hosting = null
    if (this.child === null) return
    await this.request('unhosted', 'unhost', () => this.child?.postMessage({ type: 'unhost' }))
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown()
    return this.stopping
  }

  dispose(): void {
    clearTimeout(this.restartTimer)
    clearTimeout(this.stableTimer)
    this.child?.kill()
    this.child = null
    this.statusEmitter.dispose()
    this.documentsEmitter.dispose()
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.restartTimer)
    this.restartTimer = undefined
    clearTimeout(this.stableTimer)
    const child = this.child
    if (child === null) {
      this.setStatus({ state: 'stopped' })
      return
    }
    const exited = new Promise<void>((resolve) => child.onExit(() => resolve()))
    child.postMessage({ type: 'stop' })
    let deadline: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      deadline = setTimeout(() => resolve('timeout'), this.settings.stopTimeoutMs)
    })
    if ((await Promise.race([exited, timedOut])) === 'timeout') {
      this.logger.error(`the relay did not stop within ${this.settings.stopTimeoutMs} ms; killing it (recent edits may not be stored)`)
      child.kill()
      await exited
    }
    clearTimeout(deadline)
  }

  private launch(attempt: number): void {
    this.restartTimer = undefined
    this.setStatus({ state: 'starting', attempt })
    const child = this.launcher.launch()
    this.child = child
    child.onMessage((raw) => {
      if (this.child === child) this.receive(raw)
    })
    child.onExit((code) => {
      if (this.child === child) this.exited(code)
    })
    child.postMessage({ type: 'start', config: { ...this.options.config, port: this.port } })
  }

  private receive(raw: unknown): void {
    const parsed = RelayProcessMessageSchema.safeParse(raw)
    if (!parsed.success) {
      this.logger.warn({ message: raw }, 'ignoring a malformed message from the relay process')
      return
    }
    const message = parsed.data
    switch (message.type) {
      case 'listening':
        this.port = message.port
        this.setStatus({ state: 'listening', url: message.url, port: message.port })
        for (const waiter of this.listeningWaiters.splice(0)) waiter.resolve(message.url)
        clearTimeout(this.stableTimer)
        this.stableTimer = setTimeout(() => (this.crashes = 0), this.settings.stableAfterMs)
        if (this.hosting !== null) this.rehost(this.hosting)
        if (this.upstreamLinks.length > 0) this.sendUpstreamLinks()
        return
      case 'documents':
        this.documentsEmitter.fire(message.count)
        return
      case 'hosting':
      case 'unhosted':
        this.settle(message.type, (pending) => pending.resolve(message))
        return
      case 'error':
        this.logger.error({ during: message.during }, `relay process: ${message.message}`)
        if (message.during === 'start') this.startError = message.message
        if (message.during === 'host' || message.during === 'unhost') {
          this.settle(message.during === 'host' ? 'hosting' : 'unhosted', (pending) => pending.reject(new Error(message.message)))
        }
        return
      case 'stopped':
        return
      default: {
        const unknown: never = message
        this.logger.warn({ message: unknown }, 'unexpected message from the relay process')
      }
    }
  }

  private exited(code: number | null): void {
    this.child = null
    clearTimeout(this.stableTimer)
    for (const pending of this.pending.splice(0)) pending.reject(new Error(`the relay process ended (exit code ${code}) before it answered`))
    if (this.stopping !== null) {
      this.hosting = null
      this.setStatus(code === 0 ? { state: 'stopped' } : { state: 'stopped', reason: `the relay exited with code ${code} while stopping` })
      for (const waiter of this.listeningWaiters.splice(0)) waiter.reject(new Error('the relay was stopped'))
      return
    }
    const startError = this.startError
    this.startError = null
    const reason =
      code === exitCodeStartFailed
        ? `the relay could not start: ${startError ?? 'see the log (port or document store unavailable)'}`
        : code === null
          ? 'the relay process was killed'
          : `the relay process exited with code ${code}`
    this.logger.error({ code }, reason)
    this.setStatus({ state: 'crashed', exitCode: code, reason })
    this.crashes++
    if (this.crashes > this.settings.maxRestarts) {
      const final = `${reason}; gave up after ${this.settings.maxRestarts} restarts in a row`
      this.setStatus({ state: 'stopped', reason: final })
      for (const waiter of this.listeningWaiters.splice(0)) waiter.reject(new Error(final))
      return
    }
    const delayMs = Math.min(this.settings.maxRestartDelayMs, this.settings.restartDelayMs * 2 ** (this.crashes - 1))
    this.setStatus({ state: 'restarting', attempt: this.crashes, delayMs })
    this.restartTimer = setTimeout(() => this.launch(this.crashes + 1), delayMs)
  }

  private rehost(hosting: { host: string; port: number; policy: LanPolicy; tls: LanTls }): void {
    this.request('hosting', 'host', () => this.child?.postMessage({ type: 'host', ...hosting })).catch((error: unknown) => {
      this.logger.error({ err: error }, 'could not reopen the LAN session after the relay restarted')
      this.hosting = null
    })
  }

  private request(expects: PendingReply['expects'], during: PendingReply['during'], send: () => void): Promise<RelayProcessMessage> {
    return new Promise((resolve, reject) => {
      this.pending.push({ expects, during, resolve, reject })
      send()
    })
  }

  private settle(expects: PendingReply['expects'], settle: (pending: PendingReply) => void): void {
    const index = this.pending.findIndex((pending) => pending.expects === expects)
    if (index === -1) return
    const [pending] = this.pending.splice(index, 1)
    if (pending !== undefined) settle(pending)
  }

  private setStatus(status: RelayStatus): void {
    this.currentStatus = status
    this.statusEmitter.fire(status)
  }
}

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>
