import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageStorageStatus, messageStoredAck, storageStateNotStored, storageStateStored } from './protocol'

/**
 * Whether the relay is storing a document's edits, as it tells the document's connections
 * (`messageStorageStatus`). While storage refuses writes (a full disk, a database outage) the
 * relay still forwards every edit, so the others see it; the editors must be told that the relay
 * keeps it in memory only, and when it is stored again.
 */
export type StorageStatus =
  | { readonly stored: true }
  | { readonly stored: false; readonly reason: string }

/** Longest reason kept, in UTF-16 code units; the relay's storage errors are shorter. */
const maxReasonLength = 500

export const encodeStorageStatus = (status: StorageStatus): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageStorageStatus)
  encoding.writeVarUint(encoder, status.stored ? storageStateStored : storageStateNotStored)
  encoding.writeVarString(encoder, status.stored ? '' : status.reason.slice(0, maxReasonLength))
  return encoding.toUint8Array(encoder)
}

/** Reads the body of a storage status frame (after its message type); throws a `RangeError` on a malformed one. */
export const readStorageStatus = (decoder: decoding.Decoder): StorageStatus => {
  const state = decoding.readVarUint(decoder)
  const reason = decoding.readVarString(decoder)
  if (state === storageStateStored) return { stored: true }
  if (state === storageStateNotStored) return { stored: false, reason: reason.slice(0, maxReasonLength) }
  throw new RangeError(`unknown storage state ${state} in a storage status message`)
}

/** "The first `count` document messages you sent on this connection are stored" (`messageStoredAck`). */
export const encodeStoredAck = (count: number): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageStoredAck)
  encoding.writeVarUint(encoder, count)
  return encoding.toUint8Array(encoder)
}

/** Reads the body of a stored-ack frame (after its message type): the count. */
export const readStoredAck = (decoder: decoding.Decoder): number => decoding.readVarUint(decoder)
