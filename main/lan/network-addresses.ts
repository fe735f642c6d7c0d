import { networkInterfaces } from 'node:os'

/**
 * This machine's IPv4 addresses that LAN guests can reach (the LAN listener binds every IPv4
 * interface, `0.0.0.0`; IPv4 is what home and office LANs route between machines).
 */
export const lanAddresses = (interfaces = networkInterfaces()): string[] =>
  Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && entry.family === 'IPv4')
    .map((entry) => entry.address)
