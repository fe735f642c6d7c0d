import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../connection-monitor'
import { HandoverTrigger } from './handover-trigger'

const connected: ConnectionState = { state: 'connected' }
const connecting: ConnectionState = { state: 'connecting' }
const failed = (closeCode = 1006): ConnectionState => ({ state: 'offline', nextRetryAt: 0, closeCode })

describe('HandoverTrigger', () => {
  const clock = (): { now: () => number; advance(ms: number): void } => {
    let time = 1_000_000
    return { now: () => time, advance: (ms) => void (time += ms) }
  }

  it('hands over at once when the host closes with 1001 (it stopped hosting)', () => {
    const trigger = new HandoverTrigger(undefined, clock().now)
    expect(trigger.observe(connected)).toBeNull()
    expect(trigger.observe(failed(1001))).toBe('host-stopped')
    // Still due while the retries fail; the controller may not have found a place yet.
    expect(trigger.observe(connecting)).toBe('host-stopped')
  })

  it('hands over an unreachable host only after three failed attempts and 10 s', () => {
    const time = clock()
    const trigger = new HandoverTrigger({ failedAttempts: 3, unreachableMs: 10_000 }, time.now)
    trigger.observe(connected)
    expect(trigger.observe(failed())).toBeNull()
    expect(trigger.deadline()).toBe(time.now() + 10_000)
    time.advance(9_000)
    expect(trigger.observe(failed())).toBeNull()
    expect(trigger.observe(failed())).toBeNull()
    time.advance(999)
    expect(trigger.due()).toBeNull()
    time.advance(1)
    expect(trigger.due()).toBe('host-unreachable')
  })

  it('waits for the third attempt even when 10 s have passed', () => {
    const time = clock()
    const trigger = new HandoverTrigger(undefined, time.now)
    trigger.observe(failed())
    time.advance(60_000)
    expect(trigger.observe(failed())).toBeNull()
    expect(trigger.observe(failed())).toBe('host-unreachable')
  })

  it('starts over once the connection is back in sync', () => {
    const time = clock()
    const trigger = new HandoverTrigger(undefined, time.now)
    trigger.observe(failed())
    trigger.observe(failed())
    time.advance(20_000)
    trigger.observe(connected)
    expect(trigger.deadline()).toBeNull()
    expect(trigger.observe(failed())).toBeNull()
    expect(trigger.observe(failed(1001))).toBe('host-stopped')
    trigger.observe(connected)
    expect(trigger.due()).toBeNull()
  })

  it('counts no attempt while the browser says it has no network', () => {
    const time = clock()
    const trigger = new HandoverTrigger(undefined, time.now)
    for (let i = 0; i < 5; i++) trigger.observe({ state: 'offline', nextRetryAt: null, closeCode: null })
    time.advance(60_000)
    expect(trigger.due()).toBeNull()
    expect(trigger.deadline()).toBeNull()
  })
})
