import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { UpdateBatcher } from './update-batcher'

const typing = (): { doc: Y.Doc; updates: Uint8Array[] } => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return { doc, updates }
}

const textOf = (updates: readonly Uint8Array[]): string => {
  const copy = new Y.Doc()
  for (const update of updates) Y.applyUpdate(copy, update)
  return copy.getText('t').toString()
}

describe('UpdateBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stores the updates of one window merged into one, when the window ends', () => {
    const stored: Uint8Array[] = []
    const batcher = new UpdateBatcher((update) => stored.push(update), 100)
    const { doc, updates } = typing()
    for (const char of 'hello') doc.getText('t').insert(doc.getText('t').length, char)
    for (const update of updates) batcher.add(update)
    expect(stored).toEqual([])
    expect(batcher.waiting).toBe(true)
    vi.advanceTimersByTime(100)
    expect(stored).toHaveLength(1)
    expect(textOf(stored)).toBe('hello')
    expect(batcher.waiting).toBe(false)
  })

  it('stores at once on flush, and nothing when nothing waits', () => {
    const stored: Uint8Array[] = []
    const batcher = new UpdateBatcher((update) => stored.push(update), 100)
    batcher.flush()
    expect(stored).toEqual([])
    const { doc, updates } = typing()
    doc.getText('t').insert(0, 'a')
    batcher.add(updates[0]!)
    batcher.flush()
    expect(stored).toEqual([updates[0]])
    // The window's timer was cleared with it: nothing more is stored later.
    vi.advanceTimersByTime(1000)
    expect(stored).toHaveLength(1)
  })

  it('starts a new window after each write, losing no update', () => {
    const stored: Uint8Array[] = []
    const batcher = new UpdateBatcher((update) => stored.push(update), 100)
    const { doc, updates } = typing()
    const text = doc.getText('t')
    text.insert(0, 'one ')
    batcher.add(updates.at(-1)!)
    vi.advanceTimersByTime(100)
    text.insert(text.length, 'two')
    batcher.add(updates.at(-1)!)
    vi.advanceTimersByTime(99)
    expect(stored).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(stored).toHaveLength(2)
    expect(textOf(stored)).toBe('one two')
  })
})
