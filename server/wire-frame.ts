import type { Socket } from 'node:net'
import type WebSocket from 'ws'

/**
 * A binary WebSocket message, framed once (RFC 6455 §5.2: final, unmasked, opcode 2) and written
 * as is to every connection that should receive it. A broadcast to N connections then costs one
 * framing and N plain socket writes instead of N framings and N two-buffer writes through `ws`.
 */
export class WireFrame {
  private framed: Buffer | undefined

  constructor(readonly payload: Uint8Array) {}

  get byteLength(): number {
    return this.payload.length
  }

  /** Header and payload in one buffer, built on first use. */
  get bytes(): Buffer {
    this.framed ??= Buffer.concat([binaryFrameHeader(this.payload.length), this.payload])
    return this.framed
  }
}

const binaryOpcodeFinal = 0x82

/** The header of a final, unmasked, binary frame carrying `length` bytes. */
export const binaryFrameHeader = (length: number): Buffer => {
  if (length < 126) return Buffer.from([binaryOpcodeFinal, length])
  if (length < 0x10000) {
    const header = Buffer.allocUnsafe(4)
    header[0] = binaryOpcodeFinal
    header[1] = 126
    header.writeUInt16BE(length, 2)
    return header
  }
  const header = Buffer.allocUnsafe(10)
  header[0] = binaryOpcodeFinal
  header[1] = 127
  header.writeBigUInt64BE(BigInt(length), 2)
  return header
}

/**
 * The TCP socket under a `ws` WebSocket, for writing pre-framed messages, or `null` when this
 * version of `ws` does not expose it (then messages go through `ws.send`).
 *
 * Writing beside `ws` is safe as long as its sender never queues: it queues only while compressing
 * (`perMessageDeflate` is off on the relay) or reading a Blob (the relay sends none), so every `ws`
 * write, ping and close frame included, reaches the socket in call order with ours.
 */
export const underlyingSocket = (socket: WebSocket): Socket | null => {
  const raw = (socket as unknown as { _socket?: unknown })._socket
  return raw !== null && typeof raw === 'object' && typeof (raw as Socket).write === 'function' ? (raw as Socket) : null
}
