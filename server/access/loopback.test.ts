import { describe, expect, it } from 'vitest'
import { isLoopbackHost, isLoopbackHostHeader } from './loopback'

describe('loopback names', () => {
  it('knows the loopback names and addresses, and nothing else', () => {
    for (const host of ['localhost', '::1', '127.0.0.1', '127.1.2.3']) expect(isLoopbackHost(host)).toBe(true)
    for (const host of ['0.0.0.0', '192.168.1.20', 'example.com', 'localhost.example.com', '::']) expect(isLoopbackHost(host)).toBe(false)
  })

  it('reads Host headers with their ports', () => {
    for (const header of ['127.0.0.1:4455', 'localhost:4455', '[::1]:4455', 'LOCALHOST']) expect(isLoopbackHostHeader(header)).toBe(true)
    for (const header of [undefined, '', 'evil.example:4455', '192.168.1.20:4455', 'a b']) expect(isLoopbackHostHeader(header)).toBe(false)
  })
})
