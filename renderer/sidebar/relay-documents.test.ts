import { describe, expect, it } from 'vitest'
import { documentListUrl, fetchRelayDocuments } from './relay-documents'

describe('the relay’s document list', () => {
  it('is asked over HTTP(S) at /api/docs, with the token as the WebSocket carries it', () => {
    expect(documentListUrl({ relayUrl: 'ws://127.0.0.1:4455' })).toBe('http://127.0.0.1:4455/api/docs')
    expect(documentListUrl({ relayUrl: 'wss://relay.example.org/ensemble/', token: 'a b' })).toBe('https://relay.example.org/ensemble/api/docs?token=a+b')
  })

  it('gives the relay’s reason when it refuses, and reads a listing', async () => {
    const answer = (status: number, body: string) => async () => new Response(body, { status })
    await expect(fetchRelayDocuments({ relayUrl: 'ws://relay' }, answer(401, 'Refused: the access token has expired.'))).rejects.toThrow(/^the access token has expired$/)
    await expect(fetchRelayDocuments({ relayUrl: 'ws://relay' }, answer(502, ''))).rejects.toThrow('the relay answered 502')
    await expect(fetchRelayDocuments({ relayUrl: 'ws://relay' }, answer(200, '{"documents":[{"name":"a","title":"甲"}]}'))).resolves.toEqual({ documents: [{ name: 'a', title: '甲' }], truncated: false })
    await expect(fetchRelayDocuments({ relayUrl: 'ws://relay' }, answer(200, '{"documents":[{}]}'))).rejects.toThrow('entry 0 of the relay’s document list has no name')
  })
})
