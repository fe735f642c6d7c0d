import type { AccessRole } from '../../app/access-token'
import { SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../app/protocol'
import {
  awarenessFrame,
  queryAwarenessFrame,
  readReceivedFrame,
  syncStep1Frame,
  syncStep2Frame,
  updateFrame
} from '../testing/frames'
import {
  attemptUpgrade,
  connectClient,
  openRawSocket,
  startEnsembleRelay,
  waitFor,
  waitForConvergence,
  whenSynced,
  type TestClient
} from '../testing/harness'
import type { Relay } from '../relay'
import { signAccessToken } from './access-token'
import { tokenAuthentication } from './token-authentication'

const secret = new TextEncoder().encode('a test secret that is long enough for HS256 keys')
const otherSecret = new TextEncoder().encode('another secret, also long enough for HS256 keys!')
const hour = 3_600_000

const token = (doc: string, role: AccessRole = 'edit', lifetimeMs = hour, name?: string): Promise<string> =>
  signAccessToken(secret, { doc, role, lifetimeMs, ...(name === undefined ? {} : { name }) })

describe('token authentication', () => {
  let relay: Relay
  const clients: TestClient[] = []
  const connect = (room: string, accessToken: string): TestClient => {
    const client = connectClient(relay.url, room, { params: { token: accessToken } })
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    relay = await startEnsembleRelay({ extensions: [tokenAuthentication(secret)] })
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await relay.close()
  })

  describe('refuses before the upgrade', () => {
    it('a connection without a token: 401', async () => {
      const answer = await attemptUpgrade(relay.url, 'notes')
      expect(answer).toEqual({ status: 401, body: expect.stringMatching(/no access token/) })
    })

    it('a token that is not a JWT: 401', async () => {
      const answer = await attemptUpgrade(relay.url, 'notes', { params: { token: 'not.a.jwt' } })
      expect(answer).toEqual({ status: 401, body: expect.stringMatching(/not a well-formed JWT/) })
    })

    it('an expired token: 401', async () => {
      const expired = await signAccessToken(secret, {
        doc: 'notes',
        role: 'edit',
        lifetimeMs: hour,
        now: new Date(Date.now() - 2 * hour)
      })
      const answer = await attemptUpgrade(relay.url, 'notes', { params: { token: expired } })
      expect(answer).toEqual({ status: 401, body: expect.stringMatching(/expired at .*ask for a new link/) })
    })

    it('a token signed with another secret: 401', async () => {
      const forged = await signAccessToken(otherSecret, { doc: 'notes', role: 'edit', lifetimeMs: hour })
      const answer = await attemptUpgrade(relay.url, 'notes', { params: { token: forged } })
      expect(answer).toEqual({ status: 401, body: expect.stringMatching(/not signed by this relay/) })
    })

    it('an unsigned token or one with another algorithm: 401', async () => {
      const exp = Math.floor(Date.now() / 1000) + 3600
      const unsigned = new UnsecuredJWT({ doc: 'notes', role: 'edit' }).setExpirationTime(exp).encode()
      const hs512 = await new SignJWT({ doc: 'notes', role: 'edit' })
        .setProtectedHeader({ alg: 'HS512' })
        .setExpirationTime(exp)
        .sign(secret)
      for (const candidate of [unsigned, hs512]) {
        const answer = await attemptUpgrade(relay.url, 'notes', { params: { token: candidate } })
        expect(answer.status).toBe(401)
      }
    })

    it('a correctly signed token with unusable claims: 401', async () => {
      const exp = Math.floor(Date.now() / 1000) + 3600
      const sign = (claims: Record<string, unknown>, withExp = true): Promise<string> => {
        const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' })
        return (withExp ? jwt.setExpirationTime(exp) : jwt).sign(secret)
      }
      const cases: [Promise<string>, RegExp][] = [
        [sign({ doc: 'notes', role: 'owner' }), /"role" claim/],
        [sign({ role: 'edit' }), /"doc" claim/],
        [sign({ doc: 'notes', role: 'edit' }, false), /"exp" claim/]
      ]
      for (const [candidate, reason] of cases) {
        const answer = await attemptUpgrade(relay.url, 'notes', { params: { token: await candidate } })
        expect(answer).toEqual({ status: 401, body: expect.stringMatching(reason) })
      }
    })

    it('a valid token for another document: 403', async () => {
      const answer = await attemptUpgrade(relay.url, 'notes', { params: { token: await token('plans') } })
      expect(answer).toEqual({ status: 403, body: expect.stringMatching(/grants "plans", not "notes"/) })
      const prefix = await attemptUpgrade(relay.url, 'teamwork', { params: { token: await token('team/*') } })
      expect(prefix.status).toBe(403)
    })
  })

  it('accepts a token for the document or for a prefix of it', async () => {
    expect((await attemptUpgrade(relay.url, 'notes', { params: { token: await token('notes') } })).status).toBe(101)
    expect((await attemptUpgrade(relay.url, 'team/notes', { params: { token: await token('team/*') } })).status).toBe(101)
  })

  it('editors with valid tokens converge, and their names reach the relay', async () => {
    const names: (string | undefined)[] = []
    relay.on('connection-opened', (context) => names.push(context.userName))
    const a = connect('shared', await token('shared', 'edit', hour, 'Ada'))
    const b = connect('shared', await token('*', 'edit'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.text.insert(0, 'from a ')
    b.text.insert(0, 'from b ')
    await waitForConvergence([a, b])
    expect(a.text.toString()).toContain('from a')
    expect(a.text.toString()).toContain('from b')
    expect(names).toContain('Ada')
  })

  it("a suggest token's writes reach the document: suggesting is kept by the client", async () => {
    const room = 'suggested'
    const editor = connect(room, await token(room, 'edit'))
    const suggester = connect(room, await token(room, 'suggest'))
    await Promise.all([whenSynced(editor), whenSynced(suggester)])
    suggester.text.insert(0, 'suggested')
    await waitForConvergence([editor, suggester])
    expect(editor.text.toString()).toBe('suggested')
  })

  it("a view token's writes never reach the document or other clients", async () => {
    const room = 'view-provider'
    const editor = connect(room, await token(room, 'edit'))
    await whenSynced(editor)
    editor.text.insert(0, 'written by the editor')
    const viewer = connect(room, await token(room, 'view'))
    await whenSynced(viewer)
    await waitFor(() => viewer.text.toString() === 'written by the editor', 'the viewer to receive the document')

    viewer.text.insert(0, 'VIEWER WAS HERE ')
    // The editor writes after the viewer: once the editor's later write reaches the viewer, the relay
    // has handled the viewer's write (frames of one room are handled in order).
    editor.text.insert(editor.text.length, ' and more')
    await waitFor(() => viewer.text.toString().endsWith(' and more'), "the editor's later write to reach the viewer")
    const late = connect(room, await token(room, 'view'))
    await whenSynced(late)

    expect(editor.text.toString()).toBe('written by the editor and more')
    expect(late.text.toString()).toBe('written by the editor and more')
    const relayDoc = new Y.Doc()
    Y.applyUpdate(relayDoc, relay.documentState(room)!)
    expect(relayDoc.getText('text').toString()).toBe('written by the editor and more')
    expect(Y.decodeStateVector(Y.encodeStateVector(relayDoc)).has(viewer.doc.clientID)).toBe(false)
  })

  it('a raw view client that sends updates is answered once with permission-denied and changes nothing', async () => {
    const room = 'view-raw'
    const editor = connect(room, await token(room, 'edit'))
    const watcher = connect(room, await token(room, 'view'))
    await Promise.all([whenSynced(editor), whenSynced(watcher)])
    editor.text.insert(0, 'original')
    await waitFor(() => watcher.text.toString() === 'original', 'the watcher to see the original text')

    const raw = await openRawSocket(relay.url, room, { params: { token: await token(room, 'view') } })
    await waitFor(() => raw.received.length >= 1, 'the relay to greet the raw viewer')
    const before = relay.documentState(room)!
    const forged = new Y.Doc()
    Y.applyUpdate(forged, before)
    const writes: Uint8Array[] = []
    forged.on('update', (update: Uint8Array) => writes.push(update))
    for (let i = 0; i < 20; i++) forged.getText('text').insert(0, `forged ${i} `)
    forged.getMap('other').set('key', 'forged')
    for (const update of writes) raw.socket.send(updateFrame(update))
    // The same writes as a sync step 2 (a reply to the relay's state vector).
    raw.socket.send(syncStep2Frame(Y.encodeStateAsUpdate(forged, Y.encodeStateVectorFromUpdate(before))))
    // An awareness update is allowed from a viewer; its arrival at the watcher proves the relay
    // has handled every frame sent before it.
    raw.socket.send(awarenessFrame(424242, 1, { user: { name: 'raw viewer' } }))
    await waitFor(() => watcher.provider.awareness.getStates().has(424242), "the raw viewer's awareness to reach the watcher")

    expect(relay.documentState(room)).toEqual(before)
    expect(editor.text.toString()).toBe('original')
    expect(watcher.text.toString()).toBe('original')
    expect(editor.doc.getMap('other').size).toBe(0)
    const denials = raw.received.map(readReceivedFrame).filter((frame) => frame.kind === 'permission-denied')
    expect(denials).toEqual([{ kind: 'permission-denied', reason: expect.stringMatching(/may only view/) }])
    expect(raw.socket.readyState).toBe(raw.socket.OPEN)
    raw.socket.close()
  })

  it('a view client that only syncs is not told it was denied', async () => {
    const room = 'view-quiet'
    const editor = connect(room, await token(room, 'edit'))
    await whenSynced(editor)
    editor.text.insert(0, 'content')
    const raw = await openRawSocket(relay.url, room, { params: { token: await token(room, 'view') } })
    // What a stock provider sends: sync step 1, then a sync step 2 answering the relay's step 1.
    const own = new Y.Doc()
    raw.socket.send(syncStep1Frame(Y.encodeStateVector(own)))
    const answer = async (kind: 'sync-step1' | 'sync-step2'): Promise<Uint8Array> => {
      await waitFor(() => raw.received.some((frame) => readReceivedFrame(frame).kind === kind), `the relay's ${kind}`)
      const found = raw.received.map(readReceivedFrame).find((frame) => frame.kind === kind)
      return found !== undefined && 'payload' in found ? found.payload : new Uint8Array()
    }
    Y.applyUpdate(own, await answer('sync-step2'))
    raw.socket.send(syncStep2Frame(Y.encodeStateAsUpdate(own, await answer('sync-step1'))))
    raw.socket.send(queryAwarenessFrame()) // its answer shows the step 2 was handled
    await waitFor(() => raw.received.some((frame) => readReceivedFrame(frame).kind === 'awareness'), 'the answer to the awareness query')
    expect(own.getText('text').toString()).toBe('content')
    expect(raw.received.map(readReceivedFrame).filter((frame) => frame.kind === 'permission-denied')).toEqual([])
    raw.socket.close()
  })

  it('closes a connection with 4401 when its token expires, and the provider stops reconnecting', async () => {
    const room = 'expiring'
    // exp has one-second resolution: this token expires between one and two seconds from now.
    const client = connect(room, await token(room, 'edit', 2000))
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.provider.on('closed', (event) => resolve(event))
    )
    await whenSynced(client)
    const { code, reason } = await closed
    expect(code).toBe(CloseCode.notAuthenticated)
    expect(reason).toMatch(/access expired/)
    expect(client.provider.shouldConnect).toBe(false)
  })
})

