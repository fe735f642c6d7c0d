/**
 * A token bucket: holds up to `capacity` tokens, refills `ratePerSecond` per second, and each
 * message takes one. Lets a client burst (a paste, a reconnect) while bounding its sustained rate.
 */
export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now()
  ) {
    this.tokens = capacity
    this.refilledAt = now()
  }

  /** Takes one token; returns false when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
