import { describe, expect, it } from 'vitest'
import { createDesktopApi } from './desktop-api'
import { eventChannels, IpcPayloadError, isRequestChannel, parseRequest, requestChannels } from './ipc'

describe('IPC contract', () => {
  it('applies defaults to valid payloads', () => {
    expect(parseRequest('session:host', { sessionName: 'Ana', access: 'link' })).toEqual({
      sessionName: 'Ana',
      access: 'link',
      networkRole: 'edit'
    })
    expect(parseRequest('session:create-invite', { documentName: 'notes', role: 'view' }).ttlSeconds).toBe(86_400)
  })

  it.each([
    ['settings:update', { lanPort: 80 }, /lanPort.*1024 or above/],
    ['settings:update', { displayName: 'x', admin: true }, /admin/],
    ['settings:update', { color: 'red' }, /#rrggbb/],
    ['session:create-invite', { documentName: '../etc', role: 'edit' }, /documentName.*".." segment/],
    ['session:create-invite', { documentName: 'a', role: 'owner' }, /role/],
    ['presence:report', { documentName: 'a', relay: 'ws://h', localClientId: -1, people: [] }, /localClientId/],
    ['relay:get-status', { unexpected: 1 }, /relay:get-status/],
    ['window:set-document', undefined, /window:set-document/],
    ['library:record-document', { documentName: 'a', relayUrl: 'http://h:1' }, /relayUrl.*not a ws:\/\/ or wss:\/\/ URL/],
    ['library:forget-document', { documentName: 'a', token: 'a.b.c' }, /token/],
    ['library:remember-relay', { url: 'ws://h:1', token: 'two words' }, /token.*without spaces/],
    ['library:forget-relay', { url: 'ws://h:1/path' }, /url.*without a path/]
  ] as const)('refuses a bad %s payload and says why', (channel, payload, message) => {
    expect(() => parseRequest(channel, payload)).toThrow(IpcPayloadError)
    expect(() => parseRequest(channel, payload)).toThrow(message)
  })

  it('knows its channels and nothing else', () => {
    expect(isRequestChannel('settings:get')).toBe(true)
    expect(isRequestChannel('toString')).toBe(false)
    for (const channel of [...requestChannels, ...eventChannels]) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/)
  })

  it('maps every API method to its channel and every listener to its event', async () => {
    const calls: Array<[string, unknown]> = []
    const listeners = new Map<string, (payload: unknown) => void>()
    const api = createDesktopApi({
      invoke: async (channel, payload) => {
        calls.push([channel, payload])
        return 'response'
      },
      subscribe: (channel, listener) => {
        listeners.set(channel, listener)
        return () => listeners.delete(channel)
      }
    })
    await api.discovery.checkAddress('h:1')
    await api.window.setDocument(null)
    await api.session.createInvite({ documentName: 'a', role: 'view' })
    await api.library.recordDocument({ documentName: 'a', relayUrl: 'ws://h:1' })
    await api.library.forgetRelay('ws://h:1')
    expect(calls).toEqual([
      ['discovery:check-address', { address: 'h:1' }],
      ['window:set-document', { documentName: null }],
      ['session:create-invite', { documentName: 'a', role: 'view' }],
      ['library:record-document', { documentName: 'a', relayUrl: 'ws://h:1' }],
      ['library:forget-relay', { url: 'ws://h:1' }]
    ])
    const seen: unknown[] = []
    const stop = api.presence.onChanged((snapshot) => seen.push(snapshot))
    listeners.get('presence:changed')?.({ documents: [] })
    stop()
    expect(seen).toEqual([{ documents: [] }])
    expect(listeners.has('presence:changed')).toBe(false)
  })
})
