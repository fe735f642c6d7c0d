import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { lanAddresses } from './network-addresses'

const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) }) as NetworkInterfaceInfo

describe('LAN addresses', () => {
  it('lists the external IPv4 addresses the LAN listener is reachable on', () => {
    expect(
      lanAddresses({
        lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
        eth0: [entry('192.168.1.20', 'IPv4'), entry('fe80::1', 'IPv6')],
        wlan0: [entry('10.0.0.7', 'IPv4'), entry('fd00::7', 'IPv6')],
        down: undefined
      })
    ).toEqual(['192.168.1.20', '10.0.0.7'])
  })
})
