import { describe, expect, it } from 'vitest'
import {
  addressToRecord,
  DocumentAddressSchema,
  emptyLibrary,
  forgetDocument,
  forgetRelay,
  maxRecentDocuments,
  parseLibrary,
  recordDocument,
  relayUrlProblem,
  rememberRelay
} from './library'

describe('library', () => {
  it('keeps recent documents newest first, one entry per document and relay', () => {
    let library = recordDocument(emptyLibrary, { documentName: 'notes' }, 1)
    library = recordDocument(library, { documentName: 'notes', relayUrl: 'ws://10.0.0.5:4455', token: 'a.b.c' }, 2)
    library = recordDocument(library, { documentName: 'plan' }, 3)
    library = recordDocument(library, { documentName: 'notes' }, 4)
    expect(library.documents).toEqual([
      { documentName: 'notes', openedAt: 4 },
      { documentName: 'plan', openedAt: 3 },
      { documentName: 'notes', relayUrl: 'ws://10.0.0.5:4455', token: 'a.b.c', openedAt: 2 }
    ])
    expect(forgetDocument(library, { documentName: 'notes', relayUrl: 'ws://10.0.0.5:4455' }).documents.map((entry) => entry.openedAt)).toEqual([4, 3])
  })

  it(`drops the oldest document beyond ${maxRecentDocuments}`, () => {
    let library = emptyLibrary
    for (let index = 0; index <= maxRecentDocuments; index++) library = recordDocument(library, { documentName: `doc ${index}` }, index)
    expect(library.documents).toHaveLength(maxRecentDocuments)
    expect(library.documents.at(-1)?.documentName).toBe('doc 1')
  })

  it('remembers a relay once, with its latest token', () => {
    let library = rememberRelay(emptyLibrary, { url: 'wss://relay.example.org', token: 'old' }, 1)
    library = rememberRelay(library, { url: 'ws://127.0.0.1:9000' }, 2)
    library = rememberRelay(library, { url: 'wss://relay.example.org', token: 'new' }, 3)
    expect(library.relays).toEqual([
      { url: 'wss://relay.example.org', token: 'new', usedAt: 3 },
      { url: 'ws://127.0.0.1:9000', usedAt: 2 }
    ])
    expect(forgetRelay(library, 'ws://127.0.0.1:9000').relays).toHaveLength(1)
  })

  it('accepts only bare relay origins', () => {
    expect(relayUrlProblem('ws://127.0.0.1:4455')).toBeNull()
    expect(relayUrlProblem('wss://relay.example.org')).toBeNull()
    expect(relayUrlProblem('http://relay.example.org')).toMatch(/not a ws:\/\/ or wss:\/\/ URL/)
    expect(relayUrlProblem('ws://relay.example.org/doc')).toMatch(/without a path/)
    expect(relayUrlProblem('ws://relay.example.org/')).toMatch(/without a path or trailing slash/)
  })

  it('refuses bad addresses and says which field is wrong', () => {
    const refused = DocumentAddressSchema.safeParse({ documentName: '../x', relayUrl: 'ws://h:1' })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toMatch(/".." segment/)
    expect(DocumentAddressSchema.safeParse({ documentName: 'a', token: 'has space' }).error?.issues[0]?.message).toMatch(/without spaces/)
    expect(DocumentAddressSchema.safeParse({ documentName: 'a', extra: 1 }).success).toBe(false)
  })

  it('reads a stored library, or names the first bad field', () => {
    expect(parseLibrary({ documents: [{ documentName: 'a', openedAt: 1 }], relays: [] })).toEqual({
      library: { documents: [{ documentName: 'a', openedAt: 1 }], relays: [] }
    })
    expect(parseLibrary({ documents: [{ documentName: 'a', openedAt: -1 }], relays: [] })).toEqual({
      problem: 'documents.0.openedAt: Too small: expected number to be >=0'
    })
    expect(parseLibrary('nonsense')).toEqual({ problem: expect.stringMatching(/^library: /) })
  })
})

describe('addressToRecord', () => {
  it('records local documents without their relay and others with its canonical origin', () => {
    expect(addressToRecord({ documentName: 'a', relayUrl: 'ws://127.0.0.1:5000', local: true })).toEqual({ documentName: 'a' })
    expect(addressToRecord({ documentName: 'a', relayUrl: 'ws://Relay.Example.org:4455', token: 't' })).toEqual({
      documentName: 'a',
      relayUrl: 'ws://relay.example.org:4455',
      token: 't'
    })
  })
})
