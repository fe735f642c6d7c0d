import { CloseCode } from '../../../app/protocol'
import type { ConnectionState } from '../connection-monitor'

/** When a host that does not answer counts as gone: both limits must be passed. */
export interface HandoverRule {
  /** Failed connection attempts in a row. */
  readonly failedAttempts: number
  /** Time since the connection was lost (or since the first failed attempt), in ms. */
  readonly unreachableMs: number
}

/**
 * Three failed attempts and 10 s: long enough that a host's relay restarting (which the desktop app
 * does within a second or two) or a Wi-Fi blip does not move anyone, short enough that nobody
 * types for long into a session that has gone.
 */
export const defaultHandoverRule: HandoverRule = { failedAttempts: 3, unreachableMs: 10_000 }

/** Why the session should leave its relay: it said it is going away (1001), or it stopped answering. */
export type HandoverReason = 'host-stopped' | 'host-unreachable'

/**
 * Decides when the relay a session is on has gone for good, from the connection states the
 * `ConnectionMonitor` reports: at once when it closes with 1001 (going away: the host stopped
 * hosting), or when it stays unreachable past the rule. A browser that says it has no network
 * (`offline` without a close code) is not the host's fault and counts no attempt. The clock is
 * injectable for tests.
 */
export class HandoverTrigger {
  private failures = 0
  private lostAt: number | null = null
  private stopped = false

  constructor(
    private readonly rule: HandoverRule = defaultHandoverRule,
    private readonly now: () => number = Date.now
  ) {}

  /** Takes the next connection state; returns the reason to hand over now, or `null`. */
  observe(state: ConnectionState): HandoverReason | null {
    switch (state.state) {
      case 'connected':
        this.failures = 0
        this.lostAt = null
        this.stopped = false
        return null
      case 'offline':
        if (state.closeCode === null) return this.due()
        this.lostAt ??= this.now()
        this.failures++
        if (state.closeCode === CloseCode.goingAway) this.stopped = true
        return this.due()
      case 'connecting':
      case 'denied':
        return this.due()
      default:
        throw new TypeError(`unknown connection state ${JSON.stringify(state satisfies never)}`)
    }
  }

  /** The reason to hand over at this moment, or `null`; ask again at `deadline()`. */
  due(): HandoverReason | null {
    if (this.stopped) return 'host-stopped'
    if (this.lostAt === null || this.failures < this.rule.failedAttempts) return null
    return this.now() - this.lostAt >= this.rule.unreachableMs ? 'host-unreachable' : null
  }

  /** When the time limit passes, or `null` while the connection is not lost. */
  deadline(): number | null {
    return this.lostAt === null ? null : this.lostAt + this.rule.unreachableMs
  }
}
