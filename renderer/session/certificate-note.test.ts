import { describe, expect, it } from 'vitest'
import { certificateNote } from './certificate-note'

const storage = (): Storage => {
  const values = new Map<string, string>()
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
    key: () => null,
    get length() {
      return values.size
    }
  }
}

describe('certificateNote', () => {
  const target = { relayUrl: 'wss://192.168.1.20:4455', documentName: 'notes', fingerprint: `sha256/${'Q'.repeat(43)}=` }

  it('explains a LAN host\'s own certificate once per browser, with the fingerprint to compare', () => {
    const page = { location: { protocol: 'https:' } as Location, localStorage: storage() }
    expect(certificateNote(target, page)).toContain(`fingerprint is ${'Q'.repeat(43)}= (base64)`)
    expect(certificateNote(target, page)).toBeNull()
  })

  it('says nothing over plain http or without a fingerprint', () => {
    expect(certificateNote(target, { location: { protocol: 'http:' } as Location, localStorage: storage() })).toBeNull()
    expect(certificateNote({ relayUrl: 'wss://h', documentName: 'n' }, { location: { protocol: 'https:' } as Location, localStorage: storage() })).toBeNull()
  })
})
