import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import {
  encodePrivateMessage,
  encodePrivateMessageUndelivered,
  maxPrivateMessageLength,
  PrivateMessageFormatError,
  privateMessageTextProblem,
  readPrivateMessageFrame
} from './private-message'
import { messagePrivate } from './protocol'

const read = (frame: Uint8Array) => {
  const decoder = decoding.createDecoder(frame)
  expect(decoding.readVarUint(decoder)).toBe(messagePrivate)
  return readPrivateMessageFrame(decoder)
}

describe('private message frames', () => {
  it('carry a message and a delivery notice unchanged', () => {
    const message = { from: 4_000_000_000, to: 7, id: 'a1', text: 'Lunch? 🍜' }
    expect(read(encodePrivateMessage(message))).toEqual({ kind: 'send', message })
    expect(read(encodePrivateMessageUndelivered({ to: 7, id: 'a1', reason: 'gone' }))).toEqual({ kind: 'undelivered', notice: { to: 7, id: 'a1', reason: 'gone' } })
  })

  it('refuse empty, oversized and truncated messages with the reason', () => {
    expect(() => read(encodePrivateMessage({ from: 1, to: 2, id: 'x', text: '  ' }))).toThrow(new PrivateMessageFormatError('the message is empty'))
    expect(() => read(encodePrivateMessage({ from: 1, to: 2, id: 'x', text: 'a'.repeat(maxPrivateMessageLength + 1) }))).toThrow(/2001 characters long; at most 2000/)
    expect(() => read(encodePrivateMessage({ from: 1, to: 2, id: '', text: 'hi' }))).toThrow(/message id has 1 to 64 characters, not 0/)
    expect(() => read(encodePrivateMessage({ from: 1, to: 2, id: 'x', text: 'hi' }).slice(0, 5))).toThrow(/^truncated private message/)
    expect(() => read(new Uint8Array([messagePrivate, 9]))).toThrow('unknown private message kind 9')
  })

  it('say why a text cannot be sent', () => {
    expect(privateMessageTextProblem('hello')).toBeNull()
    expect(privateMessageTextProblem('')).toBe('the message is empty')
  })
})
