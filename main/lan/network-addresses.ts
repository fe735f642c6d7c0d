import { networkInterfaces } from 'node:os'

/**
 * This machine's addresses that LAN guests can reach: IPv4 first (what most LANs route), then
 * IPv6 that is not link-local (a link-local address needs a zone id no link can carry).
 */
export const lanAddresses = (interfaces = networkInterfaces()): string[] => {
  const all = Object.values(interfaces).flatMap((entries) => entries ?? [])
  const external = all.filter((entry) => !entry.internal)
  return [
    ...external.filter((entry) => entry.family === 'IPv4').map((entry) => entry.address),
    ...external
      .filter((entry) => entry.family === 'IPv6' && !entry.address.toLowerCase().startsWith('fe80:'))
      .map((entry) => `[${entry.address}]`)
  ]
}
