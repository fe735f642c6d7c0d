import { describe, expect, it } from 'vitest'
import { reconnectDelay } from './reconnect-policy'

describe('reconnectDelay', () => {
  const policy = { initialDelayMs: 500, maxDelayMs: 15_000 }

  it('doubles per attempt, between half and all of the nominal delay', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(policy, attempt, () => 0))).toEqual([250, 500, 1000, 2000])
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(policy, attempt, () => 0.999999))).toEqual([500, 1000, 2000, 4000])
  })

  it('never exceeds the maximum, even after many attempts', () => {
    for (const attempt of [5, 10, 50, 1000]) {
      const delay = reconnectDelay(policy, attempt, () => 0.999999)
      expect(delay).toBeLessThanOrEqual(policy.maxDelayMs)
      expect(delay).toBeGreaterThanOrEqual(policy.maxDelayMs / 2)
    }
  })

  it('spreads clients out: different random draws give different delays', () => {
    const delays = new Set([0.1, 0.4, 0.7].map((draw) => reconnectDelay(policy, 4, () => draw)))
    expect(delays.size).toBe(3)
  })
})
