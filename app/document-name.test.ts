import { describe, expect, it } from 'vitest'
import { documentNameProblem, isValidDocumentName, maxDocumentNameLength } from './document-name'

describe('documentNameProblem', () => {
  it.each(['notes', 'team/notes', 'Überlegungen 2026', 'a.b-c_d~e@f+g(h)', '会议记录'])('accepts %j', (name) => {
    expect(documentNameProblem(name)).toBeNull()
  })

  it.each([
    ['', /empty/],
    ['../etc/passwd', /"\.\." segment/],
    ['a//b', /empty path segment/],
    ['/abs', /empty path segment/],
    [' padded', /starts or ends with a space/],
    ['back\\slash', /may hold only/],
    ['nul\u0000byte', /may hold only/],
    ['a'.repeat(maxDocumentNameLength + 1), /limit is 200/],
    ['x/' + 'b'.repeat(101), /longer than 100/]
  ])('rejects %j', (name, reason) => {
    expect(documentNameProblem(name)).toMatch(reason)
    expect(isValidDocumentName(name)).toBe(false)
  })
})
