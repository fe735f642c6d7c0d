import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messagePrivate, privateMessageSend, privateMessageUndelivered } from './protocol'
import { t } from './i18n/translate'

/**
 * Private messages between two people in a document, sent through the relay as a message type of
 * our own (`messagePrivate`). People are addressed by awareness client id, the id their presence
 * is published under; the relay delivers a message only to the connections that publish the
 * recipient's id and refuses one whose sender id is not the sending connection's own. Nothing of
 * it is written to the document.
 */
export interface PrivateMessage {
  /** Awareness client id of the sender. */
  readonly from: number
  /** Awareness client id of the recipient. */
  readonly to: number
  /** Chosen by the sender, unique among its messages; lets it match an `Undelivered` answer. */
  readonly id: string
  readonly text: string
}

/** The relay's answer when it could not deliver message `id` to `to`. */
export interface PrivateMessageUndelivered {
  readonly to: number
  readonly id: string
  readonly reason: string
}

export type PrivateMessageFrame =
  | { readonly kind: 'send'; readonly message: PrivateMessage }
  | { readonly kind: 'undelivered'; readonly notice: PrivateMessageUndelivered }

/** Longest message text, in UTF-16 code units (what a text field counts). */
export const maxPrivateMessageLength = 2000
const maxIdLength = 64
const maxReasonLength = 300

/** A private message frame that breaks these rules; the relay closes a connection that sends one. */
export class PrivateMessageFormatError extends Error {
  override name = 'PrivateMessageFormatError'
}

/** Returns why `text` cannot be sent as a private message, or `null` when it can. */
export const privateMessageTextProblem = (text: string): string | null => {
  if (text.trim() === '') return t('chat.textEmpty')
  if (text.length > maxPrivateMessageLength) return t('chat.privateTooLong', { length: text.length, limit: maxPrivateMessageLength })
  return null
}

export const encodePrivateMessage = (message: PrivateMessage): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messagePrivate)
  encoding.writeVarUint(encoder, privateMessageSend)
  encoding.writeVarUint(encoder, message.from)
  encoding.writeVarUint(encoder, message.to)
  encoding.writeVarString(encoder, message.id)
  encoding.writeVarString(encoder, message.text)
  return encoding.toUint8Array(encoder)
}

export const encodePrivateMessageUndelivered = (notice: PrivateMessageUndelivered): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messagePrivate)
  encoding.writeVarUint(encoder, privateMessageUndelivered)
  encoding.writeVarUint(encoder, notice.to)
  encoding.writeVarString(encoder, notice.id)
  encoding.writeVarString(encoder, notice.reason.slice(0, maxReasonLength))
  return encoding.toUint8Array(encoder)
}

/**
 * Reads the body of a `messagePrivate` frame (the decoder is past the message type) and checks
 * it; throws `PrivateMessageFormatError` saying what is wrong.
 */
export const readPrivateMessageFrame = (decoder: decoding.Decoder): PrivateMessageFrame => {
  try {
    const kind = decoding.readVarUint(decoder)
    switch (kind) {
      case privateMessageSend: {
        const message = {
          from: decoding.readVarUint(decoder),
          to: decoding.readVarUint(decoder),
          id: decoding.readVarString(decoder),
          text: decoding.readVarString(decoder)
        }
        checkId(message.id)
        const problem = privateMessageTextProblem(message.text)
        if (problem !== null) throw new PrivateMessageFormatError(problem)
        return { kind: 'send', message }
      }
      case privateMessageUndelivered: {
        const notice = { to: decoding.readVarUint(decoder), id: decoding.readVarString(decoder), reason: decoding.readVarString(decoder) }
        checkId(notice.id)
        return { kind: 'undelivered', notice }
      }
      default:
        throw new PrivateMessageFormatError(`unknown private message kind ${kind}`)
    }
  } catch (error) {
    if (error instanceof PrivateMessageFormatError) throw error
    throw new PrivateMessageFormatError(`truncated private message: ${error instanceof Error ? error.message : String(error)}`)
  }
}

const checkId = (id: string): void => {
  if (id.length === 0 || id.length > maxIdLength) throw new PrivateMessageFormatError(`a message id has 1 to ${maxIdLength} characters, not ${id.length}`)
}
