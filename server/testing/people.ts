import { readPrivateMessageFrame, encodePrivateMessage, type PrivateMessageFrame } from '../../app/private-message'
import { messagePrivate } from '../../app/protocol'
import { connectClient, waitFor, whenSynced, type TestClient } from './harness'

/** A y-websocket client that publishes a user in awareness and keeps what arrives as type 100 (private messages). */
export interface Person {
  readonly client: TestClient
  /** Awareness client id. */
  readonly id: number
  readonly inbox: PrivateMessageFrame[]
  /** Sends a private message (under `from`, default its own id); returns the message id. */
  send(to: number, text: string, from?: number): string
}

let messageNumber = 0

export const joinAsPerson = async (url: string, room: string): Promise<Person> => {
  const client = connectClient(url, room)
  const inbox: PrivateMessageFrame[] = []
  client.provider.messageHandlers[messagePrivate] = (_encoder, decoder) => {
    inbox.push(readPrivateMessageFrame(decoder))
  }
  await whenSynced(client)
  const id = client.doc.clientID
  client.provider.awareness.setLocalStateField('user', { name: `person ${id}` })
  return {
    client,
    id,
    inbox,
    send: (to, text, from = id) => {
      const messageId = `m${++messageNumber}`
      client.provider.ws!.send(encodePrivateMessage({ from, to, id: messageId, text }))
      return messageId
    }
  }
}

/** Waits until every person sees everyone's awareness, i.e. the relay(s) have every id on record. */
export const everyoneSeen = (people: readonly Person[]): Promise<void> =>
  waitFor(
    () => people.every((person) => people.every((other) => person.client.provider.awareness.getStates().has(other.id))),
    'everyone to see everyone'
  )

/** Texts of the private messages a person received. */
export const texts = (person: Person): string[] => person.inbox.flatMap((frame) => (frame.kind === 'send' ? [frame.message.text] : []))
