import { describe, expect, it } from 'vitest'
import { chooseContinuations, localCopyName } from './continuations'

const host = { relayUrl: 'wss://192.168.1.20:4455', documentName: 'notes', token: 'lan.session.token' }
const named = { relayUrl: 'wss://relay.example.com', documentName: 'team/notes' }

describe('chooseContinuations', () => {
  it('prefers the hosted relay the document names, with the token the invite carried for it', () => {
    const current = { ...host, also: 'wss://relay.example.com', alsoToken: 'invite.also.token' }
    expect(chooseContinuations({ current, named, rememberedRelays: [{ url: 'wss://relay.example.com', token: 'mine' }], embeddedRelay: null })).toEqual([
      { place: 'relay', relayUrl: 'wss://relay.example.com', documentName: 'team/notes', token: 'invite.also.token' }
    ])
  })

  it("takes the user's own token for that relay when the invite carried none, or none for an open relay", () => {
    const remembered = [{ url: 'wss://relay.example.com', token: 'mine' }]
    expect(chooseContinuations({ current: host, named, rememberedRelays: remembered, embeddedRelay: null })[0]?.token).toBe('mine')
    // An invite's token for another relay is not sent to this one.
    const elsewhere = { ...host, also: 'wss://other.example.com', alsoToken: 'for.other.relay' }
    expect(chooseContinuations({ current: elsewhere, named, rememberedRelays: [], embeddedRelay: null })[0]).not.toHaveProperty('token')
  })

  it('adds this computer’s own relay after it on the desktop, under a name of its own', () => {
    expect(chooseContinuations({ current: host, named, rememberedRelays: [], embeddedRelay: 'ws://127.0.0.1:5000' })).toEqual([
      expect.objectContaining({ place: 'relay', relayUrl: 'wss://relay.example.com' }),
      { place: 'this-computer', relayUrl: 'ws://127.0.0.1:5000', documentName: 'handover/192.168.1.20-4455/notes', local: true }
    ])
  })

  it('offers nothing when the document names no continuation (a browser) or names the relay it is on', () => {
    expect(chooseContinuations({ current: host, named: null, rememberedRelays: [], embeddedRelay: null })).toEqual([])
    const onTheHostedRelay = { relayUrl: 'wss://relay.example.com/', documentName: 'team/notes' }
    expect(chooseContinuations({ current: onTheHostedRelay, named, rememberedRelays: [], embeddedRelay: null })).toEqual([])
  })

  it('never moves a document of this computer’s own relay (the host’s own window)', () => {
    const own = { relayUrl: 'ws://127.0.0.1:5000', documentName: 'notes', local: true }
    expect(chooseContinuations({ current: own, named, rememberedRelays: [], embeddedRelay: 'ws://127.0.0.1:5000' })).toEqual([])
  })
})

describe('localCopyName', () => {
  it('keeps a copy apart from documents made here, and gives up on a name that would be too long', () => {
    expect(localCopyName({ relayUrl: 'ws://[fe80::1]:4455', documentName: 'a/b' })).toBe('handover/-fe80--1--4455/a/b')
    expect(localCopyName({ relayUrl: 'ws://h:1', documentName: 'x'.repeat(1000) })).toBeNull()
  })
})
