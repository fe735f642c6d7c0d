import type { IncomingMessage } from 'node:http'

/** A request body was larger than allowed; nothing of it was kept. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
  constructor(readonly limit: number) {
    super(`the request body is larger than ${limit} bytes`)
  }
}

/**
 * Reads a request body of at most `limit` bytes. A `Content-Length` above the limit is refused
 * before reading; a body that grows past it while streaming stops being read at once.
 */
export const readBody = (request: IncomingMessage, limit: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      request.resume()
      reject(new BodyTooLargeError(limit))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        request.off('data', onData)
        request.resume()
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    }
    request.on('data', onData)
    request.once('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    request.once('error', reject)
  })
