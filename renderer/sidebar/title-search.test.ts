import { describe, expect, it } from 'vitest'
import { matchesSearch } from './title-search'

describe('matchesSearch', () => {
  const plan = { name: 'team/q3', title: '2025 季度计划' }
  it('finds a document by any part of its title or name, Chinese too', () => {
    expect(matchesSearch('季度', plan)).toBe(true)
    expect(matchesSearch('计划 2025', plan)).toBe(true)
    expect(matchesSearch('q3', plan)).toBe(true)
    expect(matchesSearch('报告', plan)).toBe(false)
  })

  it('ignores case, full-width forms and extra spaces; an empty query matches all', () => {
    expect(matchesSearch('  ＬＡＵＮＣＨ   plan ', { name: 'x', title: 'Launch plan' })).toBe(true)
    expect(matchesSearch('', { name: 'x' })).toBe(true)
    expect(matchesSearch('   ', { name: 'x' })).toBe(true)
  })
})
