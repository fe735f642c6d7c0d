import { X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isCertificateFingerprint } from '../../app/invite-link'
import { certificateFingerprint, loadOrCreateTlsIdentity } from './tls-identity'

describe('loadOrCreateTlsIdentity', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-tls-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('makes one self-signed certificate per installation and keeps it, with a fingerprint invites can carry', async () => {
    const file = join(dir, 'lan-identity.json')
    const first = await loadOrCreateTlsIdentity(file, 'ana-laptop')
    const certificate = new X509Certificate(first.cert)
    expect(certificate.subject).toBe('CN=Ensemble on ana-laptop')
    expect(certificate.issuer).toBe(certificate.subject)
    expect(certificate.verify(certificate.publicKey)).toBe(true)
    expect(isCertificateFingerprint(first.fingerprint)).toBe(true)
    // Electron's `Certificate.fingerprint`: sha256/ and the base64 of the DER's digest, i.e. Node's hex digest re-encoded.
    expect(Buffer.from(first.fingerprint.slice('sha256/'.length), 'base64').toString('hex')).toBe(certificate.fingerprint256.replace(/:/g, '').toLowerCase())
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const again = await loadOrCreateTlsIdentity(file, 'ana-laptop')
    expect(again).toEqual(first)
    expect(certificateFingerprint(again.cert)).toBe(first.fingerprint)
  })

  it('replaces a damaged file and a certificate about to expire', async () => {
    const file = join(dir, 'lan-identity.json')
    await writeFile(file, 'not json')
    const made = await loadOrCreateTlsIdentity(file, 'host')
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ cert: made.cert })
    const inTenYears = new Date()
    inTenYears.setFullYear(inTenYears.getFullYear() + 10)
    const renewed = await loadOrCreateTlsIdentity(file, 'host', inTenYears)
    expect(renewed.fingerprint).not.toBe(made.fingerprint)
  })
})
