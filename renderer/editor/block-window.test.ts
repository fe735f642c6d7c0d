import { describe, expect, it } from 'vitest'
import { blockWindowCss, nextBlockWindow } from './block-window'

describe('nextBlockWindow', () => {
  it('centres a first window on the visible blocks, a margin each side, within the document', () => {
    expect(nextBlockWindow(null, { first: 500, last: 520 }, 5000, 100)).toEqual({ first: 400, last: 620 })
    expect(nextBlockWindow(null, { first: 0, last: 20 }, 5000, 100)).toEqual({ first: 0, last: 120 })
    expect(nextBlockWindow(null, { first: 4980, last: 4999 }, 5000, 100)).toEqual({ first: 4880, last: 4999 })
  })

  it('keeps the window while the visible blocks stay half a margin inside it', () => {
    const current = { first: 400, last: 620 }
    expect(nextBlockWindow(current, { first: 450, last: 470 }, 5000, 100)).toBe(current)
    expect(nextBlockWindow(current, { first: 550, last: 570 }, 5000, 100)).toBe(current)
  })

  it('moves the window once the visible blocks come nearer its edge than half a margin', () => {
    const current = { first: 400, last: 620 }
    expect(nextBlockWindow(current, { first: 449, last: 469 }, 5000, 100)).toEqual({ first: 349, last: 569 })
    expect(nextBlockWindow(current, { first: 552, last: 572 }, 5000, 100)).toEqual({ first: 452, last: 672 })
  })

  it('keeps a window that already reaches the start or the end of the document', () => {
    const atStart = { first: 0, last: 120 }
    expect(nextBlockWindow(atStart, { first: 0, last: 20 }, 5000, 100)).toBe(atStart)
    const atEnd = { first: 4880, last: 4999 }
    expect(nextBlockWindow(atEnd, { first: 4980, last: 4999 }, 5000, 100)).toBe(atEnd)
  })

  it('recentres when blocks were removed past the end of the window', () => {
    expect(nextBlockWindow({ first: 4880, last: 4999 }, { first: 2980, last: 2999 }, 3000, 100)).toEqual({ first: 2880, last: 2999 })
  })
})

describe('blockWindowCss', () => {
  it('hides, on screen only, the skippable blocks before and after the window', () => {
    const css = blockWindowCss('7', { first: 400, last: 620 })
    expect(css).toMatch(/^@media screen \{/)
    expect(css).toContain('.ProseMirror[data-block-window="7"] > :is(p, h1, h2, h3, h4, h5, h6, pre, blockquote, ul, ol):not(.selection-block):nth-child(-n+400)')
    // Index 620 (from 0) is the 621st child, the last in the window: hidden from the 622nd.
    expect(css).toContain(':not(.selection-block):nth-child(n+622)')
    expect(css).toContain('{ content-visibility: hidden; }')
  })

  it('hides nothing before a window that starts at the first block, and nothing at all without a window', () => {
    expect(blockWindowCss('1', { first: 0, last: 120 })).not.toContain('-n+')
    expect(blockWindowCss('1', null)).toBe('')
  })
})
