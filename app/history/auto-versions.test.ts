import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCopy, exchange, paragraphs, write, type Copy } from '../testing/documents'
import { AutoVersioner, automaticVersionNames, type Schedule } from './auto-versions'
import { VersionHistory } from './versions'

const pauseMs = 60_000
const schedule: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms)
  return () => clearTimeout(timer)
}

const versioned = (copy: Copy, name: string) => {
  const history = new VersionHistory(copy.doc)
  const versioner = new AutoVersioner(history, copy.fragment, {
    pauseMs,
    author: () => ({ name, color: '#2e86ab' }),
    schedule,
    now: () => Date.now()
  })
  return { history, versioner }
}

describe('AutoVersioner', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves this copy’s edits once they pause, and each edit restarts the pause', () => {
    const a = createCopy()
    const { history, versioner } = versioned(a, 'Ana')
    write(a, paragraphs('T'))
    vi.advanceTimersByTime(pauseMs - 1)
    write(a, paragraphs('Ty'))
    vi.advanceTimersByTime(pauseMs - 1)
    expect(history.list()).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(history.list().map(({ name, kind, author }) => ({ name, kind, author: author.name }))).toEqual([
      { name: automaticVersionNames.pause, kind: 'automatic', author: 'Ana' }
    ])
    vi.advanceTimersByTime(pauseMs * 3)
    expect(history.list()).toHaveLength(1)
    versioner.dispose()
  })

  it('leaves remote edits to the copy that made them, and two pausing copies save one version of the same content', () => {
    const a = createCopy()
    const b = createCopy()
    const onA = versioned(a, 'Ana')
    const onB = versioned(b, 'Ben')
    write(a, paragraphs('Written on a'))
    exchange(a, b)
    vi.advanceTimersByTime(pauseMs)
    exchange(a, b)
    expect(onB.history.list()).toHaveLength(1)
    expect(onB.history.list()[0]!.author.name).toBe('Ana')

    write(a, paragraphs('Written on a, then on both'))
    exchange(a, b)
    vi.advanceTimersByTime(pauseMs / 2)
    write(b, paragraphs('Written on a, then on both!'))
    exchange(a, b)
    // a's pause ends first and saves both copies' edits; b's pause then finds nothing new since.
    vi.advanceTimersByTime(pauseMs / 2)
    exchange(a, b)
    vi.advanceTimersByTime(pauseMs / 2)
    exchange(a, b)
    expect(onA.history.list().map((version) => version.author.name)).toEqual(['Ana', 'Ana'])
    onA.versioner.dispose()
    onB.versioner.dispose()
  })

  it('saves at the end of a session only when this copy edited since its last version', () => {
    const a = createCopy()
    const b = createCopy()
    const onA = versioned(a, 'Ana')
    const onB = versioned(b, 'Ben')
    write(a, paragraphs('Edited on a'))
    exchange(a, b)
    expect(onB.versioner.sessionEnded()).toBeNull()
    expect(onA.versioner.hasUnsavedEdits).toBe(true)
    const saved = onA.versioner.sessionEnded()
    expect(saved?.name).toBe(automaticVersionNames.sessionEnd)
    expect(onA.versioner.hasUnsavedEdits).toBe(false)
    expect(onA.versioner.sessionEnded()).toBeNull()
    vi.advanceTimersByTime(pauseMs)
    expect(onA.history.list()).toHaveLength(1)
  })

  it('stops after dispose', () => {
    const a = createCopy()
    const { history, versioner } = versioned(a, 'Ana')
    write(a, paragraphs('Edited'))
    versioner.dispose()
    vi.advanceTimersByTime(pauseMs)
    write(a, paragraphs('Edited again'))
    vi.advanceTimersByTime(pauseMs)
    expect(history.list()).toHaveLength(0)
  })
})
