import { describe, expect, it } from 'vitest'
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
})
