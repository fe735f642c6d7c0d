import { describe, expect, it } from 'vitest'
import { memoryReducingCollector } from '../idle-memory'
import { InFlightWrites } from './in-flight'

const deferred = () => {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('InFlightWrites', () => {
  it('settles only after every tracked write has, and does not reject when one failed', async () => {
    const writes = new InFlightWrites()
    const first = deferred()
    const second = deferred()
    writes.track(first.promise).catch(() => undefined)
    void writes.track(second.promise)
    let settled = false
    const done = writes.settled().then(() => (settled = true))
    first.reject(new Error('disk full'))
    await first.promise.catch(() => undefined)
    expect(settled).toBe(false)
    second.resolve()
    await done
    expect(settled).toBe(true)
  })

  it('returns the tracked operation itself, so its caller still sees the failure', async () => {
    const writes = new InFlightWrites()
    const failing = Promise.reject(new Error('disk full'))
    await expect(writes.track(failing)).rejects.toThrow('disk full')
    await writes.settled()
  })

  it('keeps nothing of a write once it has settled', async () => {
    const collect = memoryReducingCollector()
    if (collect === null) throw new Error('this Node cannot expose its garbage collector')
    const writes = new InFlightWrites()
    const results: Array<WeakRef<object>> = []
    for (let i = 0; i < 200; i++) {
      const result = { write: i }
      results.push(new WeakRef(result))
      await writes.track(Promise.resolve(result))
    }
    await writes.settled()
    await new Promise((resolve) => setTimeout(resolve, 10))
    collect()
    // A WeakRef keeps its target alive until the job that made it ends; at most the last one remains.
    expect(results.filter((result) => result.deref() !== undefined).length).toBeLessThanOrEqual(1)
  })
})
