import { describe, expect, it } from 'vitest'
import { accessCheckPath, readAccessRefusal } from './access-check'

describe('access check contract', () => {
  it('encodes each segment of the document name but keeps its slashes', () => {
    expect(accessCheckPath('team/Q3 plan#2')).toBe('/api/docs/team/Q3%20plan%232/access')
  })

  it('reads a refusal only when status, close code and reason agree', () => {
    expect(readAccessRefusal(401, { error: 'not-authenticated', reason: 'expired', closeCode: 4401 })).toEqual({
      error: 'not-authenticated',
      reason: 'expired',
      closeCode: 4401
    })
    expect(readAccessRefusal(403, { reason: 'another document', closeCode: 4403 })).toMatchObject({ closeCode: 4403 })
    expect(readAccessRefusal(403, { reason: 'mismatch', closeCode: 4401 })).toBeNull()
    expect(readAccessRefusal(401, { reason: '', closeCode: 4401 })).toBeNull()
    expect(readAccessRefusal(502, { reason: 'bad gateway', closeCode: 4401 })).toBeNull()
    expect(readAccessRefusal(401, '<html>proxy login</html>')).toBeNull()
  })
})
