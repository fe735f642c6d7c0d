import { describe, expect, it } from 'vitest'
import { flushAfterThisTurn } from './outbox'

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('flushAfterThisTurn', () => {
  it('flushes each target once after the turn, however often it was queued', async () => {
    const flushed: string[] = []
    const a = { flush: () => flushed.push('a') }
    const b = { flush: () => flushed.push('b') }
    flushAfterThisTurn(a)
    flushAfterThisTurn(b)
    flushAfterThisTurn(a)
    expect(flushed).toEqual([])
    await nextTurn()
    expect(flushed).toEqual(['a', 'b'])
  })

  it('a target queued while flushing is flushed in the same pass', async () => {
    const flushed: string[] = []
    const late = { flush: () => flushed.push('late') }
    const early = {
      flush: () => {
        flushed.push('early')
        flushAfterThisTurn(late)
      }
    }
    flushAfterThisTurn(early)
    await nextTurn()
    expect(flushed).toEqual(['early', 'late'])
  })
})
