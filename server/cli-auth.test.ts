import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attemptUpgrade, connectClient, waitFor, whenSynced } from './testing/harness'
import { runRelayCommand, startRelayProcess, type RelayProcess } from './testing/relay-process'
import { createTestCertificate, type TestCertificate } from './testing/test-certificate'

describe('npm run relay with --auth token and TLS', () => {
  let dir: string
  let secretFile: string
  let certificate: TestCertificate
  let relay: RelayProcess

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-cli-auth-'))
    secretFile = join(dir, 'secret')
    await writeFile(secretFile, 'a secret for the command-line test, long enough\n')
    certificate = await createTestCertificate()
    relay = await startRelayProcess(
      ['--port', '0', '--data', ':memory:', '--tls-cert', certificate.certFile, '--tls-key', certificate.keyFile],
      { ENSEMBLE_AUTH_SECRET_FILE: secretFile, ENSEMBLE_MAX_ROOMS: '7' }
    )
  })
  afterAll(async () => {
    relay.child.kill('SIGTERM')
    await relay.exited
    await certificate.remove()
    await rm(dir, { recursive: true, force: true })
  })

  it('logs its access mode and limits, and serves wss://', () => {
    expect(relay.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/)
    const listening = JSON.parse(relay.lines.find((line) => line.includes('relay listening'))!) as Record<string, unknown>
    expect(listening).toMatchObject({ auth: 'token', allowedOrigins: 'any', limits: { maxRooms: 7 } })
  })

  it('accepts a token printed by the token subcommand with the same secret, and refuses none with 401', async () => {
    const printed = await runRelayCommand(
      ['token', '--auth-secret-file', secretFile, '--doc', 'cli/*', '--role', 'edit', '--ttl', '10m', '--name', 'Ada'],
      {}
    )
    expect(printed).toMatchObject({ code: 0, stderr: '' })
    const token = printed.stdout.trim()
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const socketOptions = { ca: certificate.cert }
    expect(await attemptUpgrade(relay.url, 'cli/doc', { socketOptions })).toMatchObject({ status: 401 })
    expect(await attemptUpgrade(relay.url, 'other', { socketOptions, params: { token } })).toMatchObject({ status: 403 })

    const a = connectClient(relay.url, 'cli/doc', { params: { token }, socketOptions })
    const b = connectClient(relay.url, 'cli/doc', { params: { token }, socketOptions })
    try {
      await Promise.all([whenSynced(a), whenSynced(b)])
      a.text.insert(0, 'signed in')
      await waitFor(() => b.text.toString() === 'signed in', 'the edit to reach the other client')
    } finally {
      a.destroy()
      b.destroy()
    }
    // The token is a credential: it never reaches the log.
    expect(relay.lines.join('\n')).not.toContain(token)
  })

  it('refuses to start with an unusable secret and says why', async () => {
    await writeFile(join(dir, 'short'), 'short\n')
    const result = await runRelayCommand(['--port', '0', '--auth-secret-file', join(dir, 'short')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/the secret in .*short is 5 bytes long; HS256 needs at least 32/)
  })
})
