import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import {
  CloseCode,
  messageAuth,
  messageAwareness,
  messagePrivate,
  messageQueryAwareness,
  messageSync,
  messageSyncStep1,
  messageSyncStep2,
  messageSyncUpdate
} from '../app/protocol'
import { PrivateMessageFormatError, readPrivateMessageFrame, type PrivateMessage } from '../app/private-message'

/** A frame that broke the protocol; the connection that sent it is closed with `closeCode`. */
export class ProtocolError extends Error {
  override name = 'ProtocolError'
  constructor(
    message: string,
    readonly closeCode: CloseCode,
    readonly kind: string
  ) {
    super(message)
  }
}

/** A decoded, validated frame from a client. `frame` is the original bytes, forwarded as they are where possible. */
export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step2'; readonly update: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array; readonly frame: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array; readonly frame: Uint8Array }
  | { readonly type: 'query-awareness' }
  | { readonly type: 'private-message'; readonly message: PrivateMessage; readonly frame: Uint8Array }

/** Label of a frame's top-level message type, for metrics and logs. */
export const messageTypeLabel = (type: number): string =>
  type === messagePrivate ? 'private-message' : (['sync', 'awareness', 'auth', 'query-awareness'][type] ?? 'unknown')

const malformed = (what: string, error?: unknown): ProtocolError =>
  new ProtocolError(
    `malformed ${what}${error instanceof Error ? `: ${error.message}` : ''}`,
    CloseCode.invalidPayload,
    'malformed-payload'
  )

/**
 * Decodes and validates one client frame completely before anything touches a document, so that a
 * bad frame can be refused while the room is still untouched.
 */
export const parseClientMessage = (frame: Uint8Array): ClientMessage => {
  const decoder = decoding.createDecoder(frame)
  const message = readFrame(decoder, frame)
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError(
      `${decoder.arr.length - decoder.pos} unexpected bytes after a ${message.type} message`,
      CloseCode.protocolError,
      'trailing-bytes'
    )
  }
  return message
}

const readFrame = (decoder: decoding.Decoder, frame: Uint8Array): ClientMessage => {
  const messageType = readEnvelope(decoder, () => decoding.readVarUint(decoder), 'message type')
  switch (messageType) {
    case messageSync: {
      const syncType = readEnvelope(decoder, () => decoding.readVarUint(decoder), 'sync message type')
      const payload = readEnvelope(decoder, () => decoding.readVarUint8Array(decoder), 'sync message')
      switch (syncType) {
        case messageSyncStep1:
          validate(() => Y.decodeStateVector(payload), 'state vector')
          return { type: 'sync-step1', stateVector: payload }
        case messageSyncStep2:
          checkUpdate(payload)
          return { type: 'sync-step2', update: payload }
        case messageSyncUpdate:
          checkUpdate(payload)
          return { type: 'update', update: payload, frame }
        default:
          throw new ProtocolError(`unknown sync message type ${syncType}`, CloseCode.unsupportedData, 'unknown-type')
      }
    }
    case messageAwareness: {
      const update = readEnvelope(decoder, () => decoding.readVarUint8Array(decoder), 'awareness message')
      checkAwarenessUpdate(update)
      return { type: 'awareness', update, frame }
    }
    case messageQueryAwareness:
      return { type: 'query-awareness' }
    case messagePrivate: {
      let parsed
      try {
        parsed = readPrivateMessageFrame(decoder)
      } catch (error) {
        if (error instanceof PrivateMessageFormatError) throw new ProtocolError(`malformed private message: ${error.message}`, CloseCode.invalidPayload, 'malformed-payload')
        throw error
      }
      if (parsed.kind !== 'send') throw new ProtocolError('clients may only send private messages, not delivery notices', CloseCode.unsupportedData, 'unknown-type')
      return { type: 'private-message', message: parsed.message, frame }
    }
    case messageAuth:
      throw new ProtocolError('clients may not send auth messages', CloseCode.unsupportedData, 'unknown-type')
    default:
      throw new ProtocolError(`unknown message type ${messageType}`, CloseCode.unsupportedData, 'unknown-type')
  }
}

const readEnvelope = <T>(decoder: decoding.Decoder, read: () => T, what: string): T => {
  try {
    return read()
  } catch (error) {
    throw new ProtocolError(
      `truncated ${what} at byte ${decoder.pos}: ${error instanceof Error ? error.message : String(error)}`,
      CloseCode.protocolError,
      'truncated-frame'
    )
  }
}

const validate = (check: () => unknown, what: string): void => {
  try {
    check()
  } catch (error) {
    throw malformed(what, error)
  }
}

/** Throws a `ProtocolError` when `update` does not decode as a Yjs (v1) update. */
export const checkUpdate = (update: Uint8Array): void => validate(() => Y.decodeUpdate(update), 'Yjs update')

/** Throws a `ProtocolError` when `update` does not decode as an awareness update. */
export const checkAwarenessUpdate = (update: Uint8Array): void =>
  validate(() => validateAwarenessUpdate(update), 'awareness update')

/** Reads an awareness update the way `applyAwarenessUpdate` does, without applying it. */
const validateAwarenessUpdate = (update: Uint8Array): void => {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder) // client id
    decoding.readVarUint(decoder) // clock
    JSON.parse(decoding.readVarString(decoder))
  }
  if (decoding.hasContent(decoder)) throw new Error('unexpected bytes after the last state')
}

/** True when a v1 update carries no structs and no deletions (its bytes are `[0, 0]`). */
export const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0

const encode = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, messageSync)
    encoding.writeVarUint(encoder, messageSyncStep1)
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  })

export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, messageSync)
    encoding.writeVarUint(encoder, messageSyncStep2)
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector))
  })

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, messageSync)
    encoding.writeVarUint(encoder, messageSyncUpdate)
    encoding.writeVarUint8Array(encoder, update)
  })

export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, clients))

/** Wraps an encoded awareness update in a y-websocket frame. */
export const encodeAwarenessFrame = (update: Uint8Array): Uint8Array =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(encoder, update)
  })

export const encodePermissionDenied = (reason: string): Uint8Array =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, messageAuth)
    authProtocol.writePermissionDenied(encoder, reason)
  })
