import * as client from 'prom-client'

/**
 * The relay's counters. Hot paths bump plain numbers here; prom-client reads them only when
 * `/metrics` is scraped, so counting costs nothing per message.
 */
export class RelayMetrics {
  readonly registry = new client.Registry()
  private readonly received = new Map<string, { messages: number; bytes: number }>()
  private readonly sent = new Map<string, { messages: number; bytes: number }>()
  private readonly errors = new Map<string, number>()
  private readonly limitHits = new Map<string, number>()
  private readonly storageWrites: client.Histogram

  constructor(gauges: {
    connections: () => number
    rooms: () => number
    /** Bytes queued for sending across all connections. */
    bufferedBytes: () => number
    /** The configured limits, by name. */
    limits: Readonly<Record<string, number>>
  }) {
    const registry = this.registry
    new client.Gauge({
      name: 'ensemble_connections',
      help: 'Open WebSocket connections',
      registers: [registry],
      collect() {
        this.set(gauges.connections())
      }
    })
    new client.Gauge({
      name: 'ensemble_rooms',
      help: 'Documents held in memory',
      registers: [registry],
      collect() {
        this.set(gauges.rooms())
      }
    })
    new client.Gauge({
      name: 'ensemble_buffered_bytes',
      help: 'Bytes queued for sending to clients and not yet written to the network',
      registers: [registry],
      collect() {
        this.set(gauges.bufferedBytes())
      }
    })
    const limitGauge = new client.Gauge({
      name: 'ensemble_limit',
      help: 'Configured limits (see the README, "Access control and limits")',
      labelNames: ['limit'],
      registers: [registry]
    })
    for (const [limit, value] of Object.entries(gauges.limits)) limitGauge.set({ limit }, value)
    this.counterFrom(
      'ensemble_limit_hits_total',
      'Times a limit bit, by limit and by what the relay did (refused, closed, evicted)',
      ['limit', 'action'],
      () =>
        [...this.limitHits].map(([key, n]) => {
          const [limit = '', action = ''] = key.split(' ')
          return [{ limit, action }, n]
        })
    )
    this.counterFrom('ensemble_messages_received_total', 'Frames received, by message type', ['type'], () =>
      [...this.received].map(([type, c]) => [{ type }, c.messages])
    )
    this.counterFrom('ensemble_bytes_received_total', 'Bytes received, by message type', ['type'], () =>
      [...this.received].map(([type, c]) => [{ type }, c.bytes])
    )
    this.counterFrom('ensemble_messages_sent_total', 'Frames sent, by message type', ['type'], () =>
      [...this.sent].map(([type, c]) => [{ type }, c.messages])
    )
    this.counterFrom('ensemble_bytes_sent_total', 'Bytes sent, by message type', ['type'], () =>
      [...this.sent].map(([type, c]) => [{ type }, c.bytes])
    )
    this.counterFrom('ensemble_errors_total', 'Errors, by kind', ['kind'], () =>
      [...this.errors].map(([kind, n]) => [{ kind }, n])
    )
    this.storageWrites = new client.Histogram({
      name: 'ensemble_storage_write_seconds',
      help: 'Time to append a batch of updates to storage',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry]
    })
  }

  /**
   * Adds Node's own metrics (`nodejs_*`, `process_*`: event-loop delay percentiles since the last
   * scrape, GC pauses by kind, heap spaces, CPU, RSS). They watch the whole process, so only a
   * process that runs one relay, the CLI, turns them on.
   *
   * Left out: the ones that walk every socket or file descriptor on each scrape (open fds, active
   * handles and resources). With 2,200 connections they held the event loop for about 6 ms of a
   * 9 ms scrape, and they grow with every connection; `ensemble_connections` tells the same.
   */
  includeProcessMetrics(): void {
    client.collectDefaultMetrics({ register: this.registry })
    for (const name of perConnectionProcessMetrics) this.registry.removeSingleMetric(name)
  }

  countReceived(type: string, bytes: number): void {
    bump(this.received, type, 1, bytes)
  }

  countSent(type: string, frames: number, bytes: number): void {
    bump(this.sent, type, frames, frames * bytes)
  }

  countError(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1)
  }

  countLimitHit(limit: string, action: string): void {
    const key = `${limit} ${action}`
    this.limitHits.set(key, (this.limitHits.get(key) ?? 0) + 1)
  }

  limitHitCount(limit: string, action: string): number {
    return this.limitHits.get(`${limit} ${action}`) ?? 0
  }

  observeStorageWrite(seconds: number): void {
    this.storageWrites.observe(seconds)
  }

  errorCount(kind: string): number {
    return this.errors.get(kind) ?? 0
  }

  /** Registers a gauge whose value is read from `read` at scrape time. */
  gaugeFrom(name: string, help: string, read: () => number): void {
    new client.Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read())
      }
    })
  }

  /** Registers a counter whose values are read from `read` at scrape time. */
  counterFrom(name: string, help: string, labelNames: string[], read: () => [Record<string, string>, number][]): void {
    new client.Counter({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        this.reset()
        for (const [labels, value] of read()) this.inc(labels, value)
      }
    })
  }
}

/** Default metrics whose collection costs time in proportion to the open connections. */
export const perConnectionProcessMetrics = [
  'process_open_fds',
  'nodejs_active_handles',
  'nodejs_active_handles_total',
  'nodejs_active_resources',
  'nodejs_active_resources_total'
]

const bump = (
  counts: Map<string, { messages: number; bytes: number }>,
  type: string,
  messages: number,
  bytes: number
): void => {
  const entry = counts.get(type)
  if (entry === undefined) counts.set(type, { messages, bytes })
  else {
    entry.messages += messages
    entry.bytes += bytes
  }
}
