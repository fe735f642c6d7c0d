import { describe, expect, it } from 'vitest'
import { documentTypeNames } from '../document'
import { createCopy, exchange } from '../testing/documents'
import { ChatError, ChatLog, maxChatMessageLength, unreadCount } from './chat-log'

const ana = { name: 'Ana', color: '#d7263d' }
const ben = { name: 'Ben', color: '#1b998b' }

describe('ChatLog', () => {
  it('delivers messages with author, colour and time to the other copy and to a copy that joins later', () => {
    const a = createCopy()
    const b = createCopy()
    const chatA = new ChatLog(a.doc)
    let heardOnB = 0
    new ChatLog(b.doc).onChange(() => heardOnB++)
    chatA.send('  Hello Ben  ', ana, 1_000)
    exchange(a, b)
    new ChatLog(b.doc).send('Hi Ana', ben, 2_000)
    exchange(a, b)
    expect(heardOnB).toBe(2)

    const late = createCopy()
    exchange(a, late)
    const messages = new ChatLog(late.doc).messages().map(({ author, text, sentAt }) => ({ author, text, sentAt }))
    expect(messages).toEqual([
      { author: ana, text: 'Hello Ben', sentAt: 1_000 },
      { author: ben, text: 'Hi Ana', sentAt: 2_000 }
    ])
  })

  it('orders messages sent at the same moment the same way on every copy', () => {
    const a = createCopy()
    const b = createCopy()
    new ChatLog(a.doc).send('from a', ana, 5)
    new ChatLog(b.doc).send('from b', ben, 5)
    exchange(a, b)
    const order = (copy: typeof a) => new ChatLog(copy.doc).messages().map((message) => message.text)
    expect(order(a)).toHaveLength(2)
    expect(order(a)).toEqual(order(b))
  })

  it('refuses empty and overlong messages and sends nothing', () => {
    const chat = new ChatLog(createCopy().doc)
    expect(() => chat.send(' \n ', ana, 1)).toThrow(ChatError)
    expect(() => chat.send('x'.repeat(maxChatMessageLength + 1), ana, 1)).toThrow(`${maxChatMessageLength + 1} characters long`)
    expect(chat.messages()).toEqual([])
  })

  it('skips entries that are not messages', () => {
    const a = createCopy()
    a.doc.getArray(documentTypeNames.chat).push([{ text: 'no author' }, 42])
    const chat = new ChatLog(a.doc)
    chat.send('real', ana, 1)
    expect(chat.messages().map((message) => message.text)).toEqual(['real'])
  })
})

describe('unreadCount', () => {
  const messages = [
    { id: '1', author: ana, text: 'a', sentAt: 1 },
    { id: '2', author: ben, text: 'b', sentAt: 2 },
    { id: '3', author: ana, text: 'c', sentAt: 3 },
    { id: '4', author: ben, text: 'd', sentAt: 4 }
  ]
  it('counts other people’s messages after the last one read', () => {
    expect(unreadCount(messages, '2', 'Ana')).toBe(1)
    expect(unreadCount(messages, '4', 'Ana')).toBe(0)
    expect(unreadCount(messages, '1', 'Ben')).toBe(1)
  })
  it('counts every message of others when nothing was read here, or the last read one is unknown', () => {
    expect(unreadCount(messages, null, 'Ana')).toBe(2)
    expect(unreadCount(messages, 'gone', 'Ana')).toBe(2)
  })
})
