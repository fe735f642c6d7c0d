/**
 * The DNS-SD TXT record of an advertised Ensemble session (`_ensemble._tcp`). Keys are short
 * because a TXT record is small (RFC 6763 suggests under 200 bytes); `v` lets later versions change
 * the layout. Every value is a string on the wire.
 */
import { isCertificateFingerprint } from '../../app/invite-link'

export interface SessionAdvertisement {
  readonly sessionName: string
  readonly hostName: string
  readonly documentCount: number
  /** The LAN listener's certificate fingerprint (`sha256/BASE64`): the session speaks TLS. */
  readonly fingerprint?: string
}

export const serviceType = 'ensemble'

export const txtVersion = '1'
const maxValueLength = 63

export const encodeTxtRecord = (ad: SessionAdvertisement): Record<string, string> => ({
  v: txtVersion,
  name: ad.sessionName.slice(0, maxValueLength),
  host: ad.hostName.slice(0, maxValueLength),
  docs: String(Math.max(0, Math.floor(ad.documentCount))),
  ...(ad.fingerprint === undefined ? {} : { fp: ad.fingerprint })
})

/**
 * Reads a TXT record found on the network, or returns `null` with nothing thrown when it is not
 * one we understand (another version, or someone else's service under our type).
 */
export const decodeTxtRecord = (txt: unknown): SessionAdvertisement | null => {
  if (typeof txt !== 'object' || txt === null) return null
  const record = txt as Record<string, unknown>
  const text = (key: string): string | null => {
    const value = record[key]
    const decoded = typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : null
    return decoded === null ? null : decoded.slice(0, maxValueLength)
  }
  if (text('v') !== txtVersion) return null
  const sessionName = text('name')
  const hostName = text('host')
  const docs = text('docs')
  if (sessionName === null || sessionName.trim() === '' || hostName === null || docs === null || !/^\d{1,6}$/.test(docs)) return null
  const fingerprint = text('fp')
  if (fingerprint !== null && !isCertificateFingerprint(fingerprint)) return null
  return { sessionName, hostName, documentCount: Number(docs), ...(fingerprint === null ? {} : { fingerprint }) }
}

/** The DNS-SD instance name: unique per host, at most 63 bytes. */
export const instanceName = (ad: Pick<SessionAdvertisement, 'sessionName' | 'hostName'>): string => {
  const full = `${ad.sessionName} on ${ad.hostName}`
  return new TextEncoder().encode(full).length <= 63 ? full : truncateUtf8(full, 63)
}

const truncateUtf8 = (text: string, maxBytes: number): string => {
  let result = ''
  for (const char of text) {
    if (new TextEncoder().encode(result + char).length > maxBytes) break
    result += char
  }
  return result
}
