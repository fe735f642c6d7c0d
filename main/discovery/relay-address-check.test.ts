import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startEnsembleRelay } from '../../server/testing/harness'
import { checkRelayAddress } from './relay-address-check'

describe('checking a typed relay address', () => {
  it('accepts a running relay and returns its WebSocket origin', async () => {
    const relay = await startEnsembleRelay()
    try {
      expect(await checkRelayAddress(`127.0.0.1:${relay.port}`)).toEqual({ relay: `ws://127.0.0.1:${relay.port}` })
      expect(await checkRelayAddress(`http://127.0.0.1:${relay.port}/`)).toEqual({ relay: `ws://127.0.0.1:${relay.port}` })
    } finally {
      await relay.close()
    }
  })

  it('says when nothing answers, and when something else does', async () => {
    const other = createServer((_request, response) => response.writeHead(404).end('not here'))
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const { port } = other.address() as AddressInfo
    try {
      await expect(checkRelayAddress(`127.0.0.1:${port}`)).rejects.toThrow(`ws://127.0.0.1:${port} answered, but not as an Ensemble relay (HTTP 404`)
    } finally {
      await new Promise((resolve) => other.close(resolve))
    }
    await expect(checkRelayAddress(`127.0.0.1:${port}`)).rejects.toThrow(/nothing answered at ws:\/\/127.0.0.1:\d+ \(.*ECONNREFUSED/)
    await expect(checkRelayAddress('ftp://x')).rejects.toThrow(/uses ftp:/)
  })
})
