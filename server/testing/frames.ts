/**
 * Test support: builds y-websocket frames by hand, for raw sockets that send what no stock provider
 * would and for benchmark clients too light to run a provider. Imported by tests and benchmarks only.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import {
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  messageSyncStep1,
  messageSyncStep2,
  messageSyncUpdate
} from '../../app/protocol'

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const syncFrame = (syncType: number, payload: Uint8Array): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, messageSync)
    encoding.writeVarUint(encoder, syncType)
    encoding.writeVarUint8Array(encoder, payload)
  })

export const syncStep1Frame = (stateVector: Uint8Array): Uint8Array => syncFrame(messageSyncStep1, stateVector)
export const syncStep2Frame = (update: Uint8Array): Uint8Array => syncFrame(messageSyncStep2, update)
export const updateFrame = (update: Uint8Array): Uint8Array => syncFrame(messageSyncUpdate, update)
export const queryAwarenessFrame = (): Uint8Array => frame((encoder) => encoding.writeVarUint(encoder, messageQueryAwareness))

/** An awareness frame carrying one client's state (`null` removes it). */
export const awarenessFrame = (clientId: number, clock: number, state: unknown): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(
      encoder,
      frame((inner) => {
        encoding.writeVarUint(inner, 1)
        encoding.writeVarUint(inner, clientId)
        encoding.writeVarUint(inner, clock)
        encoding.writeVarString(inner, JSON.stringify(state))
      })
    )
  })

/** A frame received from the relay, decoded far enough for tests to tell what it is. */
export type ReceivedFrame =
  | { kind: 'sync-step1' | 'sync-step2' | 'update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'permission-denied'; reason: string }
  | { kind: 'other'; type: number }

export const readReceivedFrame = (bytes: Uint8Array): ReceivedFrame => {
  const decoder = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(decoder)
  if (type === messageSync) {
    const syncType = decoding.readVarUint(decoder)
    const kinds = ['sync-step1', 'sync-step2', 'update'] as const
    const kind = kinds[syncType]
    if (kind === undefined) return { kind: 'other', type }
    return { kind, payload: decoding.readVarUint8Array(decoder) }
  }
  if (type === messageAwareness) return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) }
  if (type === 2 && decoding.readVarUint(decoder) === 0) {
    return { kind: 'permission-denied', reason: decoding.readVarString(decoder) }
  }
  return { kind: 'other', type }
}
