import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * y-leveldb's key layout, byte for byte, so that a store written by y-leveldb (or by the reference
 * server with `YPERSISTENCE`) opens here and the other way round: a key is an array of strings and
 * numbers, each written as a type byte (0 a varString, 1 a big-endian uint32) and its value.
 *
 * Ours rather than imported: `import 'y-leveldb'` also loads its stream helpers and the `level`
 * package, about 4 MB of an idle relay's memory, to use twenty lines of it.
 * `leveldb-keys.test.ts` checks these against y-leveldb's own `keyEncoding` and its stores.
 */
export type LevelKey = Array<string | number>

const stringPart = 0
const uint32Part = 1

export const levelKeyEncoding = {
  buffer: true,
  type: 'y-keys',
  encode: (key: LevelKey): Buffer => {
    const encoder = encoding.createEncoder()
    for (const part of key) {
      if (typeof part === 'string') {
        encoding.writeUint8(encoder, stringPart)
        encoding.writeVarString(encoder, part)
      } else {
        encoding.writeUint8(encoder, uint32Part)
        encoding.writeUint32BigEndian(encoder, part)
      }
    }
    return Buffer.from(encoding.toUint8Array(encoder))
  },
  decode: (bytes: Uint8Array): LevelKey => {
    const decoder = decoding.createDecoder(bytes)
    const key: LevelKey = []
    while (decoding.hasContent(decoder)) {
      const part = decoding.readUint8(decoder)
      if (part === stringPart) key.push(decoding.readVarString(decoder))
      else if (part === uint32Part) key.push(decoding.readUint32BigEndian(decoder))
      else throw new RangeError(`unknown key part type ${part} in a LevelDB key`)
    }
    return key
  }
}

/** The key of update number `clock` in document `name`'s log. */
export const updateKey = (name: string, clock: number): LevelKey => ['v1', name, 'update', clock]
/** The keys of `name`'s log, first to last, as an iterator range (y-leveldb's: clocks below 2³² − 1). */
export const updateKeyRange = (name: string): { gte: LevelKey; lt: LevelKey } => ({ gte: updateKey(name, 0), lt: updateKey(name, 0xffffffff) })
/** Every key of document `name` but its state vector: its log and its metadata (y-leveldb's `createDocumentFirstKey`…`LastKey`). */
export const documentKeyRange = (name: string): { gte: LevelKey; lt: LevelKey } => ({ gte: ['v1', name], lt: ['v1', name, 'zzzzzzz'] })
/** y-leveldb lists documents by this key, holding `varUint(clock)` and the state vector. */
export const stateVectorKey = (name: string): LevelKey => ['v1_sv', name]
/** Every state-vector key: one per document. */
export const stateVectorKeyRange = { gte: ['v1_sv'], lt: ['v1_sw'] }
