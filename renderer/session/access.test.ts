import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as authProtocol from 'y-protocols/auth'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { messageAuth } from '../../app/protocol'
import { DocumentAccess, roleClaimOf } from './access'
import type { ConnectionState } from './connection-monitor'

const jwt = (payload: object): string =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`

describe('roleClaimOf', () => {
  it('reads the role of a token', () => {
    expect(roleClaimOf(jwt({ doc: 'notes', role: 'view', exp: 1 }))).toBe('view')
    expect(roleClaimOf(jwt({ doc: 'notes', role: 'edit', exp: 1, name: 'Zoë ✓' }))).toBe('edit')
    expect(roleClaimOf(jwt({ doc: 'notes', role: 'suggest', exp: 1 }))).toBe('suggest')
  })
  it('returns null for tokens that are not JWTs or carry no usable role', () => {
    expect(roleClaimOf('opaque-secret')).toBeNull()
    expect(roleClaimOf('a.!!!.c')).toBeNull()
    expect(roleClaimOf(jwt({ role: 'admin' }))).toBeNull()
  })
})

describe('DocumentAccess', () => {
  const providers: WebsocketProvider[] = []
  afterEach(() => providers.splice(0).forEach((provider) => provider.destroy()))
  const provider = (): WebsocketProvider => {
    const created = new WebsocketProvider('ws://127.0.0.1:9', 'doc', new Y.Doc(), {
      connect: false,
      disableBc: true,
      // Never connects; Node 20 has no global WebSocket for the default.
      WebSocketPolyfill: class {} as unknown as typeof WebSocket
    })
    providers.push(created)
    return created
  }
  /** Hands the provider the frame a relay sends when it refuses a write. */
  const deny = (target: WebsocketProvider, reason: string): void => {
    const frame = encoding.createEncoder()
    encoding.writeVarUint(frame, messageAuth)
    authProtocol.writePermissionDenied(frame, reason)
    const decoder = decoding.createDecoder(encoding.toUint8Array(frame))
    const type = decoding.readVarUint(decoder)
    target.messageHandlers[type]!(encoding.createEncoder(), decoder, target, true, type)
  }

  it('follows the token, and turns to view once the relay refuses a write, still letting the provider log it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(new DocumentAccess(jwt({ role: 'view' }), provider()).mode).toBe('view')
    const suggesting = new DocumentAccess(jwt({ role: 'suggest' }), provider())
    expect([suggesting.canEdit, suggesting.canReview, suggesting.mustSuggest]).toEqual([true, false, true])
    const editing = provider()
    const access = new DocumentAccess(undefined, editing)
    const changes: string[] = []
    access.on('change', (mode) => changes.push(mode))
    expect([access.canEdit, access.canReview, access.mustSuggest]).toEqual([true, true, false])
    deny(editing, 'this connection may only view the document')
    expect(access.mode).toBe('view')
    expect(access.reason).toBe('this connection may only view the document')
    expect(changes).toEqual(['view'])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('this connection may only view the document'))
    warn.mockRestore()
  })

  it('may not edit while the relay refuses the connection, and may again once it admits it', () => {
    const listeners = new Set<(state: ConnectionState) => void>()
    const connection = {
      state: { state: 'connecting' } as ConnectionState,
      on: (_name: 'change', listener: (state: ConnectionState) => void) => void listeners.add(listener),
      off: (_name: 'change', listener: (state: ConnectionState) => void) => void listeners.delete(listener)
    }
    const set = (state: ConnectionState): void => {
      connection.state = state
      for (const listener of listeners) listener(state)
    }
    const access = new DocumentAccess(undefined, provider(), connection)
    let changes = 0
    access.on('change', () => changes++)
    expect(access.canEdit).toBe(true)
    set({ state: 'denied', closeCode: 4401, reason: 'expired' })
    expect([access.canEdit, access.denied, access.mode, changes]).toEqual([false, true, 'edit', 1])
    set({ state: 'offline', nextRetryAt: null, closeCode: null })
    expect([access.canEdit, access.denied, changes]).toEqual([true, false, 2])
    access.destroy()
    expect(listeners.size).toBe(0)
  })
})
