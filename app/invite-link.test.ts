import { describe, expect, it } from 'vitest'
import {
  formatInviteLink,
  formatWebUrl,
  InviteLinkError,
  parseInviteLink,
  parseJoinLink,
  parseRelayAddress,
  parseWebUrl
} from './invite-link'

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJkb2MiOiJub3RlcyIsInJvbGUiOiJlZGl0In0.c2lnbmF0dXJl'

describe('invite links', () => {
  it('round-trips an invite through the link and the web URL', () => {
    const invite = { relay: 'ws://192.168.1.20:4455', doc: 'team/plan (draft)', token }
    const link = formatInviteLink(invite)
    expect(link).toBe(
      `ensemble://join?relay=ws%3A%2F%2F192.168.1.20%3A4455&doc=team%2Fplan%20(draft)&token=${token}`
    )
    expect(parseInviteLink(link)).toEqual(invite)
    const web = formatWebUrl(invite)
    expect(web).toBe(`http://192.168.1.20:4455/?doc=team%2Fplan%20(draft)#token=${token}`)
    expect(parseWebUrl(web)).toEqual(invite)
    expect(parseJoinLink(web)).toEqual(parseJoinLink(link))
  })

  it('maps wss relays to https web URLs and back', () => {
    const invite = { relay: 'wss://relay.example.org', doc: 'notes' }
    expect(formatWebUrl(invite)).toBe('https://relay.example.org/?doc=notes')
    expect(parseWebUrl('https://relay.example.org/?doc=notes&user=Ana')).toEqual(invite)
  })

  it('accepts the trailing slash some systems add to custom-scheme links', () => {
    expect(parseInviteLink('ensemble://join/?relay=ws://h:1&doc=a').doc).toBe('a')
  })

  it.each([
    ['https://x/?doc=a', /not an ensemble:\/\/ link/],
    ['ensemble://open?relay=ws://h:1&doc=a', /not a join link/],
    ['ensemble://join?doc=a', /no relay=/],
    ['ensemble://join?relay=http://h:1&doc=a', /not a ws:\/\/ or wss:\/\/ URL/],
    ['ensemble://join?relay=ws://u:p@h:1&doc=a', /user name or password/],
    ['ensemble://join?relay=ws://h:1/sub&doc=a', /without a path/],
    ['ensemble://join?relay=ws://h:1', /names no document/],
    ['ensemble://join?relay=ws://h:1&doc=../x', /document name is not valid.*".." segment/],
    ['ensemble://join?relay=ws://h:1&doc=a&token=not-a-jwt', /not a signed token/]
  ])('refuses %s', (text, message) => {
    expect(() => parseInviteLink(text)).toThrow(InviteLinkError)
    expect(() => parseInviteLink(text)).toThrow(message)
  })

  it('refuses web URLs that are not http(s) or lack a document', () => {
    expect(() => parseWebUrl('ftp://h/?doc=a')).toThrow(/not an http/)
    expect(() => parseWebUrl('http://h:4455/')).toThrow(/names no document/)
    expect(() => parseWebUrl('http://h/?doc=a#token=%E0%A4%A')).toThrow(/not valid URL encoding/)
  })

  it.each([
    ['192.168.1.20', 'ws://192.168.1.20:4455'],
    ['192.168.1.20:5000', 'ws://192.168.1.20:5000'],
    ['  host.local:80 ', 'ws://host.local'],
    ['[fd00::2]:4455', 'ws://[fd00::2]:4455'],
    ['ws://h:1/', 'ws://h:1'],
    ['https://relay.example.org', 'wss://relay.example.org'],
    ['http://h:9', 'ws://h:9']
  ])('reads the typed relay address %j as %s', (text, expected) => {
    expect(parseRelayAddress(text)).toBe(expected)
  })

  it.each([
    ['', /empty/],
    ['ftp://h', /uses ftp:/],
    ['h:1/path', /host name or IP address/],
    ['http://h/path', /without a path/]
  ])('refuses the relay address %j', (text, message) => {
    expect(() => parseRelayAddress(text)).toThrow(message)
  })
})

describe('certificate fingerprints in invites', () => {
  const fingerprint = `sha256/${'A'.repeat(42)}0=`

  it('carry the fingerprint of a wss:// relay in both forms, and read it back', () => {
    const invite = { relay: 'wss://192.168.1.20:4455', doc: 'notes', token: 'a.b.c', fingerprint }
    const link = formatInviteLink(invite)
    expect(link).toBe(`ensemble://join?relay=wss%3A%2F%2F192.168.1.20%3A4455&doc=notes&token=a.b.c&fp=${encodeURIComponent(fingerprint)}`)
    expect(parseInviteLink(link)).toEqual(invite)
    const web = formatWebUrl(invite)
    expect(web).toBe(`https://192.168.1.20:4455/?doc=notes#token=a.b.c&fp=${encodeURIComponent(fingerprint)}`)
    expect(parseWebUrl(web)).toEqual(invite)
  })

  it('refuse a malformed fingerprint, and one for a relay without TLS', () => {
    expect(() => parseInviteLink('ensemble://join?relay=wss://h:1&doc=notes&fp=sha1/abc')).toThrow(
      "the link's certificate fingerprint (fp=…) is not sha256/ and 44 base64 characters; copy the whole link again"
    )
    expect(() => formatInviteLink({ relay: 'ws://h:1', doc: 'notes', fingerprint })).toThrow('the link carries a certificate fingerprint for a relay without TLS (ws://)')
  })
})

describe('the continuation relay in invites (also=, alsoToken=)', () => {
  const alsoToken = 'eyJhbGciOiJIUzI1NiJ9.eyJkb2MiOiJ0ZWFtL25vdGVzIn0.c2lnbmF0dXJl'
  const invite = { relay: 'ws://192.168.1.20:4455', doc: 'notes', token, also: 'wss://relay.example.com', alsoToken }

  it('carries the relay and its token in the link and in the web URL fragment, and reads them back', () => {
    const link = formatInviteLink(invite)
    expect(link).toBe(`ensemble://join?relay=ws%3A%2F%2F192.168.1.20%3A4455&doc=notes&token=${token}&also=wss%3A%2F%2Frelay.example.com&alsoToken=${alsoToken}`)
    expect(parseInviteLink(link)).toEqual(invite)
    const web = formatWebUrl(invite)
    expect(web).toBe(`http://192.168.1.20:4455/?doc=notes#token=${token}&also=wss%3A%2F%2Frelay.example.com&alsoToken=${alsoToken}`)
    expect(parseWebUrl(web)).toEqual(invite)
  })

  it('takes a continuation relay without a token (an open relay), reduced to its origin', () => {
    expect(parseInviteLink('ensemble://join?relay=ws://h:1&doc=a&also=ws://c:2/').also).toBe('ws://c:2')
  })

  it.each([
    ['ensemble://join?relay=ws://h:1&doc=a&also=http://c:2', /continuation relay \(also=…\): the relay "http:\/\/c:2" is not a ws:\/\/ or wss:\/\/ URL/],
    ['ensemble://join?relay=ws://h:1&doc=a&also=ws://c:2/path', /continuation relay \(also=…\).*without a path/],
    [`ensemble://join?relay=ws://h:1&doc=a&alsoToken=${alsoToken}`, /\(alsoToken=…\) but names no relay \(also=…\)/],
    ['ensemble://join?relay=ws://h:1&doc=a&also=ws://c:2&alsoToken=no%20pe', /continuation token \(alsoToken=…\) holds spaces/]
  ])('refuses %s', (text, message) => {
    expect(() => parseInviteLink(text)).toThrow(InviteLinkError)
    expect(() => parseInviteLink(text)).toThrow(message)
  })
})
