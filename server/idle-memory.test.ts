import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { IdleMemoryReclaimer } from './idle-memory'

const reclaimers: IdleMemoryReclaimer[] = []
afterEach(() => reclaimers.splice(0).forEach((reclaimer) => reclaimer.dispose()))

describe('IdleMemoryReclaimer', () => {
  it('shrinks the heap that garbage made grow', () => {
    const reclaimer = new IdleMemoryReclaimer(() => true, pino({ level: 'silent' }))
    reclaimers.push(reclaimer)
    let garbage: unknown[] | null = Array.from({ length: 1_000_000 }, (_, i) => ({ i, text: `entry ${i}` }))
    expect(garbage.length).toBe(1_000_000)
    garbage = null
    const result = reclaimer.reclaim()
    // A million small objects take well over 40 MiB; after the collection they are gone.
    expect(result.heapBefore - result.heapAfter).toBeGreaterThan(40 * 1024 * 1024)
    // Then glibc is asked to give back its free pages; the garbage above leaves some.
    if (process.platform === 'linux') expect(result.nativeHeapTrimmed).toBe(true)
  })

  it('runs once the relay has been idle for the delay, and not while it is busy', async () => {
    let idle = false
    const reclaimed: string[] = []
    const logger = pino({ level: 'debug' }, { write: (line: string) => void reclaimed.push(line) })
    const reclaimer = new IdleMemoryReclaimer(() => idle, logger, 10)
    reclaimers.push(reclaimer)
    reclaimer.check()
    idle = true
    reclaimer.check()
    await expect.poll(() => reclaimed.length).toBe(1)
    expect(JSON.parse(reclaimed[0]!)).toMatchObject({ msg: 'idle: gave memory back' })
  })
})
