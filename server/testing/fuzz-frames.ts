/**
 * Test support: a seeded source of hostile y-websocket frames for the relay fuzz test. Each lane has
 * its own document (own client ids, own shared types, never the honest clients' `text`) whose real
 * edits are the raw material: sent as they are, or truncated, bit-flipped, given huge length
 * prefixes, or re-framed around garbage. Imported by tests only.
 */
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { messageAwareness, messageSync, messageSyncUpdate } from '../../app/protocol'
import { awarenessFrame, queryAwarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from './frames'

export type FuzzKind =
  | 'valid'
  | 'random-bytes'
  | 'truncated'
  | 'bit-flipped'
  | 'huge-length'
  | 'garbage-update'
  | 'mutated-update'
  | 'oversize'

export interface FuzzFrame {
  readonly kind: FuzzKind
  readonly bytes: Uint8Array
}

/** Shared types the fuzz lanes write to; the honest clients write only to `text`. */
export const fuzzTypeNames = ['fuzz-text', 'fuzz-map', 'fuzz-array', 'fuzz-xml'] as const

/** Relative weights of the kinds of frame produced. */
const weights: [FuzzKind, number][] = [
  ['valid', 36],
  ['random-bytes', 7],
  ['truncated', 7],
  ['bit-flipped', 14],
  ['huge-length', 4],
  ['garbage-update', 8],
  ['mutated-update', 24]
]
const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0)

/** Client ids of fuzz documents start here, so that they never collide with the ids of markers. */
const fuzzClientIdBase = 0x40000000

export class FuzzFrameSource {
  private readonly gen: prng.PRNG
  private doc: Y.Doc
  private readonly recentUpdates: Uint8Array[] = []
  private readonly recentFrames: Uint8Array[] = []
  private unsentUpdates: Uint8Array[] = []

  constructor(
    seed: number,
    private readonly lane: number,
    /** Frames larger than this are refused by the relay with 1009; `oversize` frames exceed it. */
    private readonly maxFrameBytes: number
  ) {
    this.gen = prng.create(seed)
    this.doc = this.newDoc()
  }

  next(): FuzzFrame {
    if (prng.int31(this.gen, 0, 4999) === 0) return { kind: 'oversize', bytes: this.oversize() }
    let pick = prng.int31(this.gen, 0, totalWeight - 1)
    const kind = weights.find(([, weight]) => (pick -= weight) < 0)![0]
    switch (kind) {
      case 'valid':
        return { kind, bytes: this.valid() }
      case 'random-bytes':
        return { kind, bytes: prng.uint8Array(this.gen, this.length()) }
      case 'truncated': {
        const frame = this.material()
        return { kind, bytes: frame.slice(0, prng.int31(this.gen, 0, Math.max(0, frame.length - 1))) }
      }
      case 'bit-flipped':
        return { kind, bytes: this.flipBits(this.material()) }
      case 'huge-length':
        return { kind, bytes: this.hugeLength() }
      case 'garbage-update':
        return { kind, bytes: this.syncFrame(this.garbageUpdate()) }
      case 'mutated-update':
        return { kind, bytes: this.syncFrame(this.flipBits(this.recentUpdate())) }
      default:
        throw new Error(`unknown fuzz kind ${kind}`)
    }
  }

  /** A well-formed frame: the lane's own edits, awareness, queries, sync steps. */
  private valid(): Uint8Array {
    const roll = prng.int31(this.gen, 0, 99)
    let frame: Uint8Array
    if (roll < 55) frame = updateFrame(this.nextUpdate())
    else if (roll < 80) {
      frame = awarenessFrame(prng.int31(this.gen, 1, 32), prng.int31(this.gen, 0, 1000), this.randomJson(2))
    } else if (roll < 90) frame = queryAwarenessFrame()
    else if (roll < 98) frame = syncStep2Frame(Y.encodeStateAsUpdate(this.doc, this.someStateVector()))
    else frame = syncStep1Frame(Y.encodeStateVector(this.doc))
    this.remember(this.recentFrames, frame)
    return frame
  }

  /** The next real edit of the lane's document, in order. */
  private nextUpdate(): Uint8Array {
    // Some edits change nothing (deleting from an empty text) and produce no update.
    while (this.unsentUpdates.length === 0) this.edit()
    return this.unsentUpdates.shift()!
  }

  private edit(): void {
    if (this.doc.store.clients.size > 0 && prng.int31(this.gen, 0, 199) === 0) this.doc = this.newDoc()
    const doc = this.doc
    const text = doc.getText('fuzz-text')
    const map = doc.getMap<unknown>('fuzz-map')
    const array = doc.getArray<unknown>('fuzz-array')
    const xml = doc.getXmlFragment('fuzz-xml')
    doc.transact(() => {
      switch (prng.int31(this.gen, 0, 7)) {
        case 0:
          text.insert(prng.int31(this.gen, 0, text.length), prng.utf16String(this.gen, 12))
          break
        case 1: {
          const at = prng.int31(this.gen, 0, text.length)
          text.delete(at, Math.min(text.length - at, prng.int31(this.gen, 0, 8)))
          break
        }
        case 2:
          text.format(0, Math.min(text.length, 5), { bold: prng.bool(this.gen) })
          break
        case 3:
          map.set(prng.word(this.gen, 1, 4), this.randomJson(2))
          break
        case 4: {
          const nested = new Y.Array<unknown>()
          map.set(prng.word(this.gen, 1, 4), nested)
          nested.push([prng.int31(this.gen, 0, 99), new Y.Map()])
          break
        }
        case 5:
          array.insert(prng.int31(this.gen, 0, array.length), [this.randomJson(1), new Uint8Array([1, 2, 3])])
          break
        case 6:
          if (array.length > 0) array.delete(prng.int31(this.gen, 0, array.length - 1), 1)
          else array.push(['x'])
          break
        default: {
          const element = new Y.XmlElement(prng.oneOf(this.gen, ['p', 'h1', 'li']))
          element.setAttribute('class', prng.word(this.gen, 1, 5))
          element.insert(0, [new Y.XmlText(prng.word(this.gen, 0, 10))])
          xml.insert(prng.int31(this.gen, 0, xml.length), [element])
        }
      }
    })
  }

  private newDoc(): Y.Doc {
    const doc = new Y.Doc()
    doc.clientID = fuzzClientIdBase + this.lane * 0x100000 + prng.int31(this.gen, 0, 0xfffff)
    doc.on('update', (update: Uint8Array) => {
      this.unsentUpdates.push(update)
      this.remember(this.recentUpdates, update)
    })
    return doc
  }

  private recentUpdate(): Uint8Array {
    while (this.recentUpdates.length === 0) this.edit()
    return prng.oneOf(this.gen, this.recentUpdates)
  }

  /** A recent frame of any kind, to damage. */
  private material(): Uint8Array {
    if (this.recentFrames.length === 0 || prng.int31(this.gen, 0, 2) === 0) return updateFrame(this.recentUpdate())
    return prng.oneOf(this.gen, this.recentFrames)
  }

  private flipBits(bytes: Uint8Array): Uint8Array {
    const copy = bytes.slice()
    if (copy.length === 0) return copy
    const flips = prng.int31(this.gen, 1, 4)
    for (let i = 0; i < flips; i++) {
      const at = prng.int31(this.gen, 0, copy.length - 1)
      if (prng.int31(this.gen, 0, 3) === 0) copy[at] = prng.int31(this.gen, 0, 255)
      else copy[at]! ^= 1 << prng.int31(this.gen, 0, 7)
    }
    return copy
  }

  /** Valid framing around a payload: an update or sync step 2 (the types that reach Yjs). */
  private syncFrame(payload: Uint8Array): Uint8Array {
    return prng.bool(this.gen) ? updateFrame(payload) : syncStep2Frame(payload)
  }

  /** A Yjs update header with plausible counts followed by garbage. */
  private garbageUpdate(): Uint8Array {
    const encoder = encoding.createEncoder()
    if (prng.bool(this.gen)) {
      encoding.writeVarUint(encoder, prng.int31(this.gen, 0, 3)) // clients
      encoding.writeVarUint(encoder, prng.int31(this.gen, 0, 5)) // structs
      encoding.writeVarUint(encoder, this.doc.clientID)
      encoding.writeVarUint(encoder, prng.int31(this.gen, 0, 50)) // clock
    }
    encoding.writeUint8Array(encoder, prng.uint8Array(this.gen, this.length()))
    return encoding.toUint8Array(encoder)
  }

  /** A length or count far beyond the bytes that follow. */
  private hugeLength(): Uint8Array {
    const huge = prng.oneOf(this.gen, [2 ** 31, 2 ** 32 + 7, 2 ** 53 - 1, 0xffffff, 1_000_000_000])
    const encoder = encoding.createEncoder()
    switch (prng.int31(this.gen, 0, 4)) {
      case 0: // sync message whose payload claims to be huge
        encoding.writeVarUint(encoder, messageSync)
        encoding.writeVarUint(encoder, prng.int31(this.gen, 0, 2))
        encoding.writeVarUint(encoder, huge)
        break
      case 1: // awareness message whose payload claims to be huge
        encoding.writeVarUint(encoder, messageAwareness)
        encoding.writeVarUint(encoder, huge)
        break
      case 2: {
        // well-framed awareness update claiming a huge number of states
        const inner = encoding.createEncoder()
        encoding.writeVarUint(inner, huge)
        encoding.writeVarUint(inner, 1)
        encoding.writeVarUint(inner, 1)
        encoding.writeVarUint(encoder, messageAwareness)
        encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
        break
      }
      case 3: {
        // well-framed Yjs update claiming huge numbers of clients, structs or lengths
        const inner = encoding.createEncoder()
        encoding.writeVarUint(inner, prng.bool(this.gen) ? huge : 1)
        encoding.writeVarUint(inner, huge)
        encoding.writeVarUint(inner, this.doc.clientID)
        encoding.writeVarUint(inner, 0)
        encoding.writeUint8(inner, 4) // an Item with string content...
        encoding.writeVarUint(inner, 1)
        encoding.writeVarString(inner, 'fuzz-text')
        encoding.writeVarUint(inner, huge) // ...whose string is huge
        encoding.writeVarUint(encoder, messageSync)
        encoding.writeVarUint(encoder, messageSyncUpdate)
        encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
        break
      }
      default: // a varint that never ends
        encoding.writeVarUint(encoder, messageSync)
        encoding.writeVarUint(encoder, messageSyncUpdate)
        for (let i = 0; i < 12; i++) encoding.writeUint8(encoder, 0xff)
    }
    encoding.writeUint8Array(encoder, prng.uint8Array(this.gen, prng.int31(this.gen, 0, 16)))
    return encoding.toUint8Array(encoder)
  }

  /** A valid update frame just over the relay's frame limit. */
  private oversize(): Uint8Array {
    const payload = new Uint8Array(this.maxFrameBytes)
    return updateFrame(payload)
  }

  private someStateVector(): Uint8Array {
    if (prng.bool(this.gen)) return new Uint8Array([0])
    const update = this.recentUpdate()
    try {
      return Y.encodeStateVectorFromUpdate(update)
    } catch {
      return new Uint8Array([0])
    }
  }

  private length(): number {
    return prng.int31(this.gen, 0, 9) === 0 ? prng.int31(this.gen, 64, 4096) : prng.int31(this.gen, 0, 64)
  }

  private randomJson(depth: number): unknown {
    switch (prng.int31(this.gen, 0, depth > 0 ? 5 : 3)) {
      case 0:
        return prng.int31(this.gen, -1000, 1000)
      case 1:
        return prng.utf16String(this.gen, 10)
      case 2:
        return prng.bool(this.gen)
      case 3:
        return null
      case 4:
        return [this.randomJson(depth - 1), this.randomJson(depth - 1)]
      default:
        return { [prng.word(this.gen, 1, 5)]: this.randomJson(depth - 1) }
    }
  }

  private remember(pool: Uint8Array[], item: Uint8Array): void {
    pool.push(item)
    if (pool.length > 64) pool.splice(0, pool.length - 64)
  }
}
