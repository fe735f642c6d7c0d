import { createHash, createPrivateKey, X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { generate } from 'selfsigned'

/** This installation's TLS key and certificate for LAN sessions, and the certificate's fingerprint. */
export interface TlsIdentity {
  readonly key: string
  readonly cert: string
  /** `sha256/BASE64` of the certificate's DER bytes: the form Electron reports and invites carry. */
  readonly fingerprint: string
}

/** How long a new certificate is valid; a certificate that expires within a month is replaced. */
const validYears = 10
const renewBeforeMs = 30 * 24 * 3600_000

/** `sha256/BASE64` of a PEM certificate, as Electron's `Certificate.fingerprint` reports it. */
export const certificateFingerprint = (certPem: string): string => fingerprintOfDer(new X509Certificate(certPem).raw)

/** The same, of a certificate's DER bytes (what a TLS peer presents). */
export const fingerprintOfDer = (der: Uint8Array): string => `sha256/${createHash('sha256').update(der).digest('base64')}`

/**
 * The identity in `file` (in the user-data folder), or a new one written there: an ECDSA P-256
 * key and a self-signed certificate for "Ensemble on HOSTNAME". One per installation, so that the
 * fingerprint in invites and mDNS adverts stays the same from one session to the next. A file
 * that cannot be read (damaged, from another machine) or a certificate about to expire is
 * replaced; invites then need to be sent again, which the Share dialog does anyway.
 */
export const loadOrCreateTlsIdentity = async (file: string, hostName: string, now = new Date()): Promise<TlsIdentity> => {
  const existing = await readIdentity(file, now)
  if (existing !== null) return existing
  const notAfter = new Date(now)
  notAfter.setFullYear(notAfter.getFullYear() + validYears)
  const pems = await generate([{ name: 'commonName', value: `Ensemble on ${hostName}`.slice(0, 64) }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: notAfter
  })
  const identity = { key: pems.private, cert: pems.cert, fingerprint: certificateFingerprint(pems.cert) }
  // The key stays readable by this user only.
  await writeFileAtomic(file, JSON.stringify({ key: identity.key, cert: identity.cert }) + '\n', { mode: 0o600 })
  return identity
}

const readIdentity = async (file: string, now: Date): Promise<TlsIdentity | null> => {
  let saved: { key?: unknown; cert?: unknown }
  try {
    saved = JSON.parse(await readFile(file, 'utf8')) as typeof saved
  } catch {
    return null
  }
  if (typeof saved.key !== 'string' || typeof saved.cert !== 'string') return null
  try {
    const certificate = new X509Certificate(saved.cert)
    if (new Date(certificate.validTo).getTime() - now.getTime() < renewBeforeMs) return null
    if (!certificate.checkPrivateKey(createPrivateKey(saved.key))) return null
    return { key: saved.key, cert: saved.cert, fingerprint: fingerprintOfDer(certificate.raw) }
  } catch {
    return null
  }
}
