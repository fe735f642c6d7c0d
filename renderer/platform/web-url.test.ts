import { describe, expect, it } from 'vitest'
import { documentUrl, parseWebClientUrl } from './web-url'

describe('parseWebClientUrl', () => {
  it('reads doc, user and the token in the fragment; the relay is the page origin', () => {
    expect(parseWebClientUrl('http://relay.lan:4455/?doc=team%2Fnotes&user=Ana%20Lima#token=abc.def')).toEqual({
      documentName: 'team/notes',
      documentProblem: null,
      userName: 'Ana Lima',
      token: 'abc.def',
      relayUrl: 'ws://relay.lan:4455',
      relayGiven: false,
      fingerprint: null
    })
  })

  it('keeps a well-formed certificate fingerprint from the fragment and drops a malformed one', () => {
    const fp = `sha256/${btoa(String.fromCharCode(...new Uint8Array(32).fill(7)))}`
    expect(parseWebClientUrl(`https://192.168.1.4:4455/?doc=notes#fp=${encodeURIComponent(fp)}`).fingerprint).toBe(fp)
    expect(parseWebClientUrl('https://192.168.1.4:4455/?doc=notes#fp=not-a-fingerprint').fingerprint).toBeNull()
  })

  it('uses wss for an https page and shows the start page without doc', () => {
    const request = parseWebClientUrl('https://docs.example.com/')
    expect(request.relayUrl).toBe('wss://docs.example.com')
    expect(request.documentName).toBeNull()
    expect(request.documentProblem).toBeNull()
    expect(request.userName).toBeNull()
    expect(request.token).toBeNull()
  })

  it('reports an invalid document name instead of opening it', () => {
    const request = parseWebClientUrl('http://h/?doc=..%2Fsecret')
    expect(request.documentName).toBeNull()
    expect(request.documentProblem).toMatch(/"\.\." segment/)
  })

  it('takes ?relay= only when it is a bare ws(s) origin', () => {
    expect(parseWebClientUrl('http://h:1/?doc=a&relay=ws://127.0.0.1:9')).toMatchObject({ relayUrl: 'ws://127.0.0.1:9', relayGiven: true })
    expect(parseWebClientUrl('http://h:1/?doc=a&relay=javascript:alert(1)').relayUrl).toBe('ws://h:1')
  })
})

describe('documentUrl', () => {
  it('keeps the relay and the token, drops the old document and user', () => {
    expect(documentUrl('http://h:1/?doc=old&user=Ana&relay=ws://x:2#token=t', 'new one')).toBe(
      'http://h:1/?doc=new+one&relay=ws%3A%2F%2Fx%3A2#token=t'
    )
  })
})
