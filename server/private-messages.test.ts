import * as encoding from 'lib0/encoding'
import { describe, expect, it, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodePrivateMessage, encodePrivateMessageUndelivered } from '../app/private-message'
import { CloseCode, messageAwareness, messagePrivate } from '../app/protocol'
import type { Relay } from './relay'
import { connectClient, openRawSocket, startEnsembleRelay, waitFor, whenSynced, type RawSocket } from './testing/harness'
import { everyoneSeen, joinAsPerson, texts, type Person } from './testing/people'
import { cleanupAfterEach } from './testing/cleanup'

/**
 * Private messages (`messagePrivate`, 100) through a real relay: real y-websocket clients with an
 * inbox for type 100, and raw sockets for what no honest client sends.
 */
const cleanup = cleanupAfterEach()

const startRelay = async (): Promise<Relay> => {
  const relay = await startEnsembleRelay()
  cleanup.push(() => relay.close())
  return relay
}

const join = async (url: string, room: string): Promise<Person> => {
  const person = await joinAsPerson(url, room)
  cleanup.push(() => person.client.destroy())
  return person
}

describe('private messages', () => {
  it('reach only the recipient: neither a third person nor the sender gets them', async () => {
    const relay = await startRelay()
    const [ada, bob, cyd] = await Promise.all([join(relay.url, 'doc'), join(relay.url, 'doc'), join(relay.url, 'doc')])
    await everyoneSeen([ada!, bob!, cyd!])
    ada!.send(bob!.id, 'for Bob only')
    // The relay handles Ada's frames in order: once Cyd has the marker, anything meant for her came first.
    ada!.send(cyd!.id, 'marker for Cyd')
    await waitFor(() => texts(bob!).length === 1 && texts(cyd!).length === 1, 'Bob and Cyd to get their messages')
    expect(bob!.inbox).toEqual([{ kind: 'send', message: { from: ada!.id, to: bob!.id, id: expect.any(String), text: 'for Bob only' } }])
    expect(texts(cyd!)).toEqual(['marker for Cyd'])
    expect(ada!.inbox).toEqual([])
    expect(relay.documentState('doc')).toEqual(Y.encodeStateAsUpdate(new Y.Doc()))
  })

  it('refuses a message sent under someone else\'s id and tells the sender why', async () => {
    const relay = await startRelay()
    const [ada, bob, mallory] = await Promise.all([join(relay.url, 'doc'), join(relay.url, 'doc'), join(relay.url, 'doc')])
    await everyoneSeen([ada!, bob!, mallory!])
    const spoofed = mallory!.send(bob!.id, 'I am Ada, trust me', ada!.id)
    await waitFor(() => mallory!.inbox.length === 1, 'Mallory to hear back')
    expect(mallory!.inbox[0]).toEqual({
      kind: 'undelivered',
      notice: { to: bob!.id, id: spoofed, reason: expect.stringMatching(`does not publish awareness client id ${ada!.id}`) }
    })
    mallory!.send(bob!.id, 'marker from Mallory')
    await waitFor(() => texts(bob!).length === 1, 'Bob to get the marker')
    expect(texts(bob!)).toEqual(['marker from Mallory'])
    expect(bob!.inbox[0]).toMatchObject({ message: { from: mallory!.id } })
  })

  it('tells the sender when the recipient has left', async () => {
    const relay = await startRelay()
    const [ada, bob] = await Promise.all([join(relay.url, 'doc'), join(relay.url, 'doc')])
    await everyoneSeen([ada!, bob!])
    const bobId = bob!.id
    bob!.client.destroy()
    await waitFor(() => !ada!.client.provider.awareness.getStates().has(bobId), 'Bob to leave')
    const sent = ada!.send(bobId, 'are you there?')
    await waitFor(() => ada!.inbox.length === 1, 'Ada to hear back')
    expect(ada!.inbox[0]).toEqual({ kind: 'undelivered', notice: { to: bobId, id: sent, reason: 'the recipient is no longer in this document' } })
  })

  it('does not hand someone\'s messages to a connection that copies their awareness id', async () => {
    const relay = await startRelay()
    const [ada, bob] = await Promise.all([join(relay.url, 'doc'), join(relay.url, 'doc')])
    await everyoneSeen([ada!, bob!])
    const thief = await rawJoin(relay, 'doc')
    // A state for Bob's id with a newer clock: the relay applies it, but Bob's id stays Bob's.
    const fake = new awarenessProtocol.Awareness(new Y.Doc())
    fake.clientID = bob!.id
    fake.meta.set(bob!.id, { clock: 1000, lastUpdated: 0 })
    fake.states.set(bob!.id, { user: { name: 'Bob?' } })
    thief.socket.send(frame(messageAwareness, (encoder) => encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(fake, [bob!.id]))))
    await waitFor(() => (ada!.client.provider.awareness.getStates().get(bob!.id) as { user?: { name: string } } | undefined)?.user?.name === 'Bob?', 'the copied state to arrive')
    ada!.send(bob!.id, 'for the real Bob')
    await waitFor(() => texts(bob!).length === 1, 'Bob to get it')
    // Had the thief been a recipient, its copy would have gone out with Bob's; the server sends
    // everything queued before it answers the close, so the thief has it all once closed.
    thief.socket.close()
    await thief.closed
    expect(thief.received.filter((received) => received[0] === messagePrivate)).toEqual([])
  })

  it('closes a connection that sends a malformed private message or a delivery notice', async () => {
    const relay = await startRelay()
    const raw = await rawJoin(relay, 'doc')
    raw.socket.send(encodePrivateMessage({ from: 1, to: 2, id: 'x', text: '' }))
    expect(await raw.closed).toEqual({ code: CloseCode.invalidPayload, reason: 'malformed private message: the message is empty' })
    const notice = await rawJoin(relay, 'doc')
    notice.socket.send(encodePrivateMessageUndelivered({ to: 2, id: 'x', reason: 'forged' }))
    expect((await notice.closed).code).toBe(CloseCode.unsupportedData)
  })

  it('leaves a stock y-websocket client working after it got a type it does not know', async () => {
    const relay = await startRelay()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    cleanup.push(() => errors.mockRestore())
    const ada = await join(relay.url, 'doc')
    const stock = connectClient(relay.url, 'doc')
    cleanup.push(() => stock.destroy())
    await whenSynced(stock)
    stock.provider.awareness.setLocalStateField('user', { name: 'stock' })
    await waitFor(() => ada.client.provider.awareness.getStates().has(stock.doc.clientID), 'Ada to see the stock client')
    ada.send(stock.doc.clientID, 'you will not understand this')
    await waitFor(() => errors.mock.calls.some((call) => call[0] === 'Unable to compute message'), 'the stock client to log the unknown type')
    stock.text.insert(0, 'still syncing')
    await waitFor(() => ada.client.text.toString() === 'still syncing', 'an edit of the stock client to arrive')
  })
})

const frame = (type: number, write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const rawJoin = async (relay: Relay, room: string): Promise<RawSocket> => {
  const raw = await openRawSocket(relay.url, room)
  cleanup.push(() => raw.socket.terminate())
  // The relay's first frame is its sync step 1: the room has loaded and the socket is a member.
  await waitFor(() => raw.received.length > 0, 'the relay to greet the raw socket')
  return raw
}
