import { describe, expect, it, vi } from 'vitest'
import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import { trimNativeHeap } from './native-heap'

const mebibytes = (bytes: number): number => bytes / 1048576

/** V8's full collection, exposed for this test (see idle-memory.ts). */
const collectGarbage = (): void => {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

describe('trimNativeHeap', () => {
  it.runIf(process.platform === 'linux')('returns the freed ArrayBuffers that a live one pinned in the C heap (Linux, glibc)', async () => {
    let garbage: Buffer[] | null = Array.from({ length: 40_000 }, () => Buffer.alloc(2048, 1))
    // Allocated after the garbage, so it sits above it: glibc's own trimming of the heap top cannot pass it.
    const pin = Buffer.alloc(2048, 2)
    expect(garbage.length).toBe(40_000)
    garbage = null
    // V8 frees the backing stores of collected ArrayBuffers on a background thread after the
    // collection, so on a busy machine the count can lag behind it for a while.
    await vi.waitFor(
      () => {
        collectGarbage()
        expect(mebibytes(process.memoryUsage().arrayBuffers)).toBeLessThan(10)
      },
      { timeout: 10_000, interval: 50 }
    )
    const rssBefore = process.memoryUsage().rss

    expect(trimNativeHeap()).toBe(true)

    // 40,000 × 2 KiB is 78 MiB; what the trim released left the resident set.
    expect(mebibytes(rssBefore - process.memoryUsage().rss)).toBeGreaterThan(40)
    expect(pin[0]).toBe(2)
  })
})
