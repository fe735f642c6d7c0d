import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * What relay instances tell each other about one document through Redis: an update or awareness
 * change one of them received from its own clients, a request for everyone's awareness, or a
 * private message for a recipient connected to another instance (never kept in the stream).
 * `origin` names the sending process, so an instance can drop its own messages.
 */
export interface FanoutMessage {
  readonly origin: string
  readonly kind: FanoutKind
  /** A Yjs update, an awareness update, a private message frame (`app/private-message.ts`), or empty for `query-awareness`. */
  readonly payload: Uint8Array
}

export type FanoutKind = 'update' | 'awareness' | 'query-awareness' | 'private-message'

/** Wire version; a message of another version is refused, not guessed at. */
const version = 1
const kinds: readonly FanoutKind[] = ['update', 'awareness', 'query-awareness', 'private-message']

/** A Redis message that is not a fan-out message this relay understands. */
export class FanoutMessageError extends Error {
  override name = 'FanoutMessageError'
}

export const encodeFanoutMessage = (message: FanoutMessage): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, version)
  encoding.writeVarString(encoder, message.origin)
  encoding.writeVarUint(encoder, kinds.indexOf(message.kind))
  encoding.writeVarUint8Array(encoder, message.payload)
  return encoding.toUint8Array(encoder)
}

/** Decodes a message; throws `FanoutMessageError` saying what is wrong. The payload is validated by the room. */
export const decodeFanoutMessage = (bytes: Uint8Array): FanoutMessage => {
  const decoder = decoding.createDecoder(bytes)
  try {
    const messageVersion = decoding.readVarUint(decoder)
    if (messageVersion !== version) {
      throw new FanoutMessageError(`fan-out message version ${messageVersion}; this relay speaks version ${version}`)
    }
    const origin = decoding.readVarString(decoder)
    const kindCode = decoding.readVarUint(decoder)
    const kind = kinds[kindCode]
    if (kind === undefined) throw new FanoutMessageError(`unknown fan-out message kind ${kindCode}`)
    const payload = decoding.readVarUint8Array(decoder)
    if (decoding.hasContent(decoder)) {
      throw new FanoutMessageError(`${bytes.length - decoder.pos} unexpected bytes after a ${kind} fan-out message`)
    }
    return { origin, kind, payload }
  } catch (error) {
    if (error instanceof FanoutMessageError) throw error
    throw new FanoutMessageError(
      `truncated fan-out message (${bytes.length} bytes): ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
