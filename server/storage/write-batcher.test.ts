import { describe, expect, it } from 'vitest'
import { WriteBatcher, type BatchOperation } from './write-batcher'

/** A commit that records each batch and waits for the test to finish it. */
const recordingCommit = () => {
  const batches: Array<{ keys: unknown[]; finish: (error?: Error) => void }> = []
  const commit = (operations: BatchOperation[]): Promise<void> =>
    new Promise((resolve, reject) => {
      batches.push({ keys: operations.map((operation) => operation.key), finish: (error) => (error ? reject(error) : resolve()) })
    })
  return { batches, commit }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('WriteBatcher', () => {
  it('commits the puts of one window as one batch, and puts made while it commits as the next', async () => {
    const { batches, commit } = recordingCommit()
    const writes = new WriteBatcher(commit, 5)
    const first = [writes.put('a1', new Uint8Array([1])), writes.put('b1', new Uint8Array([2]))]
    await expect.poll(() => batches.map((batch) => batch.keys)).toEqual([['a1', 'b1']])
    const second = [writes.put('a2', new Uint8Array([3])), writes.put('c1', new Uint8Array([4]))]
    await new Promise((resolve) => setTimeout(resolve, 50))
    // Still one batch: the second waits for the first to commit.
    expect(batches).toHaveLength(1)
    batches[0]!.finish()
    await Promise.all(first)
    await expect.poll(() => batches.length).toBe(2)
    expect(batches[1]!.keys).toEqual(['a2', 'c1'])
    batches[1]!.finish()
    await Promise.all(second)
  })

  it('rejects every put of a failed batch, tries the next batch all the same, and idle() never rejects', async () => {
    const { batches, commit } = recordingCommit()
    const writes = new WriteBatcher(commit, 5)
    const failed = [writes.put('a', new Uint8Array([1])), writes.put('b', new Uint8Array([2]))]
    await expect.poll(() => batches.length).toBe(1)
    const later = writes.put('c', new Uint8Array([3]))
    batches[0]!.finish(new Error('disk full'))
    for (const put of failed) await expect(put).rejects.toThrow('disk full')
    await expect.poll(() => batches.length).toBe(2)
    let idle = false
    void writes.idle().then(() => (idle = true))
    await nextTurn()
    expect(idle).toBe(false)
    batches[1]!.finish()
    await expect(later).resolves.toBeUndefined()
    await writes.idle()
    expect(idle).toBe(true)
  })
})
