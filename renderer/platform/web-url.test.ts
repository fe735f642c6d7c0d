import { describe, expect, it } from 'vitest'
import { addressUrl, documentUrl, parseWebClientUrl } from './web-url'

describe('parseWebClientUrl', () => {
  it('reads doc, user and the token in the fragment; the relay is the page origin', () => {
    expect(parseWebClientUrl('http://relay.lan:4455/?doc=team%2Fnotes&user=Ana%20Lima#token=abc.def')).toEqual({
      documentName: 'team/notes',
      documentProblem: null,
      userName: 'Ana Lima',
      token: 'abc.def',
      relayUrl: 'ws://relay.lan:4455',
      relayGiven: false,
      fingerprint: null,
      also: null,
      alsoToken: null
    })
  })

  it('reads the continuation relay and its token from the fragment, and drops a token without a relay', () => {
    const request = parseWebClientUrl('http://192.168.1.4:4455/?doc=notes#token=a.b.c&also=wss%3A%2F%2Frelay.example.com&alsoToken=d.e.f')
    expect(request).toMatchObject({ also: 'wss://relay.example.com', alsoToken: 'd.e.f' })
    expect(parseWebClientUrl('http://h/?doc=notes#alsoToken=d.e.f')).toMatchObject({ also: null, alsoToken: null })
    expect(parseWebClientUrl('http://h/?doc=notes#also=https%3A%2F%2Fx').also).toBeNull()
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

describe('addressUrl', () => {
  it('puts the continuation relay and its token in the fragment, where parseWebClientUrl finds them', () => {
    const url = addressUrl('http://h:1/', { documentName: 'notes', relayUrl: 'ws://192.168.1.4:4455', token: 'a.b.c', also: 'ws://c:2', alsoToken: 'd.e.f' }, 'ws://h:1')
    expect(url).toBe('http://h:1/?doc=notes&relay=ws%3A%2F%2F192.168.1.4%3A4455#token=a.b.c&also=ws%3A%2F%2Fc%3A2&alsoToken=d.e.f')
    expect(parseWebClientUrl(url)).toMatchObject({ relayUrl: 'ws://192.168.1.4:4455', token: 'a.b.c', also: 'ws://c:2', alsoToken: 'd.e.f' })
  })
})
