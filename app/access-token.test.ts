import { describe, expect, it } from 'vitest'
import { documentGrantProblem, grantCoversDocument, parseDuration, readAccessClaims } from './access-token'

describe('grantCoversDocument', () => {
  it('covers exactly the named document', () => {
    expect(grantCoversDocument('team/notes', 'team/notes')).toBe(true)
    expect(grantCoversDocument('team/notes', 'team/notes2')).toBe(false)
    expect(grantCoversDocument('team/notes', 'team')).toBe(false)
  })

  it('covers every document that starts with a prefix ending in *', () => {
    expect(grantCoversDocument('team/*', 'team/notes')).toBe(true)
    expect(grantCoversDocument('team/*', 'team/a/b')).toBe(true)
    expect(grantCoversDocument('team/*', 'teamwork')).toBe(false)
    expect(grantCoversDocument('team/*', 'other/notes')).toBe(false)
    expect(grantCoversDocument('*', 'anything')).toBe(true)
  })

  it('treats * literally only at the end', () => {
    expect(grantCoversDocument('te*m', 'team')).toBe(false)
  })
})

describe('documentGrantProblem', () => {
  it('accepts names, prefixes and the wildcard', () => {
    expect(documentGrantProblem('notes')).toBeNull()
    expect(documentGrantProblem('team/*')).toBeNull()
    expect(documentGrantProblem('team/pl*')).toBeNull()
    expect(documentGrantProblem('*')).toBeNull()
  })

  it('says why a grant is unusable', () => {
    expect(documentGrantProblem('')).toMatch(/empty/)
    expect(documentGrantProblem('../*')).toMatch(/"\.\.\/\*" cannot match any valid document name/)
    expect(documentGrantProblem('a*b')).toMatch(/may hold only/)
    expect(documentGrantProblem('a**')).toMatch(/cannot match/)
  })
})

describe('readAccessClaims', () => {
  const exp = 2_000_000_000

  it('returns typed claims', () => {
    expect(readAccessClaims({ doc: 'notes', role: 'view', exp })).toEqual({ doc: 'notes', role: 'view', exp })
    expect(readAccessClaims({ doc: 'team/*', role: 'edit', exp, name: 'Ada', iat: 1 })).toEqual({
      doc: 'team/*',
      role: 'edit',
      exp,
      name: 'Ada'
    })
  })

  it('names the claim that is wrong', () => {
    expect(readAccessClaims({ role: 'edit', exp })).toMatch(/no "doc" claim/)
    expect(readAccessClaims({ doc: 'a/../b', role: 'edit', exp })).toMatch(/"doc" claim is not usable/)
    expect(readAccessClaims({ doc: 'notes', role: 'admin', exp })).toMatch(/"role" claim must be "edit", "suggest" or "view"; got "admin"/)
    expect(readAccessClaims({ doc: 'notes', exp })).toMatch(/got nothing/)
    expect(readAccessClaims({ doc: 'notes', role: 'edit' })).toMatch(/"exp"/)
    expect(readAccessClaims({ doc: 'notes', role: 'edit', exp, name: '' })).toMatch(/"name" claim/)
    expect(readAccessClaims({ doc: 'notes', role: 'edit', exp, name: 42 })).toMatch(/"name" claim/)
  })
})

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseDuration('90s')).toBe(90_000)
    expect(parseDuration('15m')).toBe(900_000)
    expect(parseDuration('1h')).toBe(3_600_000)
    expect(parseDuration('30d')).toBe(30 * 86_400_000)
  })

  it('refuses anything else', () => {
    for (const text of ['', '1', 'h', '1.5h', '-1h', '0s', '1w', '1 h x', '9999999999d']) {
      expect(parseDuration(text), text).toBeNull()
    }
  })
})
