/**
 * Test support: a throwaway self-signed certificate for 127.0.0.1 and localhost, made with the
 * `openssl` command line (installed by .ci/run). Imported by tests only.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface TestCertificate {
  readonly cert: Buffer
  readonly key: Buffer
  readonly certFile: string
  readonly keyFile: string
  remove(): Promise<void>
}

export const createTestCertificate = async (): Promise<TestCertificate> => {
  const dir = await mkdtemp(join(tmpdir(), 'ensemble-tls-'))
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'
  ])
  return {
    cert: await readFile(certFile),
    key: await readFile(keyFile),
    certFile,
    keyFile,
    remove: () => rm(dir, { recursive: true, force: true })
  }
}
