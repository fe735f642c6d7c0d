import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDocumentDoc, documentTypeNames } from './document'
import { continuationKey, isSameDocument, publishContinuation, readContinuation } from './session-continuation'

describe('the continuation a document names', () => {
  it('is published once, read back, replaced and withdrawn', () => {
    const doc = createDocumentDoc()
    const continuation = { relayUrl: 'wss://relay.example.com', documentName: 'team/notes' }
    expect(readContinuation(doc)).toBeNull()
    expect(publishContinuation(doc, continuation, 'test')).toBe(true)
    expect(readContinuation(doc)).toEqual(continuation)
    // The same again writes nothing: a restarted relay does not add a change.
    const before = Y.encodeStateVector(doc)
    expect(publishContinuation(doc, { ...continuation }, 'test')).toBe(false)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(publishContinuation(doc, { relayUrl: 'ws://c:2', documentName: 'notes' }, 'test')).toBe(true)
    expect(readContinuation(doc)).toEqual({ relayUrl: 'ws://c:2', documentName: 'notes' })
    expect(publishContinuation(doc, null, 'test')).toBe(true)
    expect(readContinuation(doc)).toBeNull()
    expect(publishContinuation(doc, null, 'test')).toBe(false)
  })

  it('reaches another copy of the document through an ordinary update', () => {
    const host = createDocumentDoc()
    publishContinuation(host, { relayUrl: 'ws://c:2', documentName: 'notes' }, 'test')
    const guest = createDocumentDoc()
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host))
    expect(readContinuation(guest)).toEqual({ relayUrl: 'ws://c:2', documentName: 'notes' })
  })

  it.each([
    ['a string', 'ws://c:2'],
    ['an http URL', { relayUrl: 'http://c:2', documentName: 'notes' }],
    ['a URL with a path', { relayUrl: 'ws://c:2/x', documentName: 'notes' }],
    ['no document name', { relayUrl: 'ws://c:2', documentName: ' ' }]
  ])('ignores %s written by someone else', (_what, value) => {
    const doc = createDocumentDoc()
    doc.getMap(documentTypeNames.session).set(continuationKey, value)
    expect(readContinuation(doc)).toBeNull()
  })

  it('knows the document it points at', () => {
    const continuation = { relayUrl: 'ws://c:2', documentName: 'notes' }
    expect(isSameDocument(continuation, { relayUrl: 'ws://c:2/', documentName: 'notes' })).toBe(true)
    expect(isSameDocument(continuation, { relayUrl: 'ws://h:1', documentName: 'notes' })).toBe(false)
  })
})
