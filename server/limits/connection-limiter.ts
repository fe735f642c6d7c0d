import type { LimitName } from './relay-limits'

/** A place among the open connections; `release()` gives it back and may be called more than once. */
export interface ConnectionSlot {
  release(): void
}

/**
 * Counts connections in total and per remote address, including upgrades still being
 * authenticated, so that a burst of handshakes cannot overshoot the limits.
 */
export class ConnectionLimiter {
  private total = 0
  private readonly perAddress = new Map<string, number>()

  constructor(private readonly limits: { readonly maxConnections: number; readonly maxConnectionsPerAddress: number }) {}

  /** Takes a slot for a connection from `address`, or returns the limit that is full. */
  take(address: string): ConnectionSlot | LimitName {
    if (this.total >= this.limits.maxConnections) return 'max-connections'
    const fromAddress = this.perAddress.get(address) ?? 0
    if (fromAddress >= this.limits.maxConnectionsPerAddress) return 'max-connections-per-address'
    this.total++
    this.perAddress.set(address, fromAddress + 1)
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        this.total--
        const left = (this.perAddress.get(address) ?? 1) - 1
        if (left === 0) this.perAddress.delete(address)
        else this.perAddress.set(address, left)
      }
    }
  }

  /** Connections counted now, including upgrades in progress. */
  get size(): number {
    return this.total
  }
}
