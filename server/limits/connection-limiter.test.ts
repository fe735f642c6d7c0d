import { describe, expect, it } from 'vitest'
import { ConnectionLimiter, type ConnectionSlot } from './connection-limiter'

describe('ConnectionLimiter', () => {
  it('caps connections per address and in total, and frees a slot once per release', () => {
    const limiter = new ConnectionLimiter({ maxConnections: 3, maxConnectionsPerAddress: 2 })
    const a1 = limiter.take('a') as ConnectionSlot
    const a2 = limiter.take('a') as ConnectionSlot
    expect(limiter.take('a')).toBe('max-connections-per-address')
    const b1 = limiter.take('b') as ConnectionSlot
    expect(limiter.take('c')).toBe('max-connections')
    a1.release()
    a1.release()
    expect(limiter.size).toBe(2)
    expect(typeof limiter.take('c')).toBe('object')
    expect(limiter.take('a')).toBe('max-connections')
    a2.release()
    b1.release()
    expect(limiter.size).toBe(1)
  })
})
