import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessCheckPath } from '../../app/access-check'
import { signAccessToken } from '../access/access-token'
import { originAllowList } from '../access/origin-allow-list'
import { tokenAuthentication } from '../access/token-authentication'
import type { Relay } from '../relay'
import { attemptUpgrade, startEnsembleRelay } from '../testing/harness'

/**
 * `GET /api/docs/NAME/access` against a real relay in token mode with an origin allow-list: it must
 * decide exactly as the WebSocket upgrade does, with the same reason text.
 */
describe('access check', () => {
  const secret = new Uint8Array(randomBytes(32))
  let relay: Relay
  let http: string

  beforeAll(async () => {
    relay = await startEnsembleRelay({ extensions: [tokenAuthentication(secret), originAllowList(['https://docs.example.com'])] })
    http = relay.url.replace(/^ws/, 'http')
  })
  afterAll(() => relay.close())

  const sign = (doc: string, role: 'edit' | 'view', lifetimeMs = 60_000, now?: Date): Promise<string> =>
    signAccessToken(secret, { doc, role, lifetimeMs, ...(now === undefined ? {} : { now }) })

  const check = async (documentName: string, token: string | null, headers: Record<string, string> = {}) => {
    const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
    const response = await fetch(`${http}${accessCheckPath(documentName)}${query}`, { headers })
    return { status: response.status, headers: response.headers, body: (await response.json()) as unknown }
  }

  /** What the WebSocket upgrade answers for the same document, token and headers. */
  const upgrade = (documentName: string, token: string | null, headers: Record<string, string> = {}) =>
    attemptUpgrade(relay.url, documentName, { headers, ...(token === null ? {} : { params: { token } }) })

  it('answers 200 with the role for a token the upgrade admits, by query or bearer header', async () => {
    const edit = await sign('team/*', 'edit')
    const view = await sign('team/report', 'view')
    expect(await upgrade('team/report', edit)).toMatchObject({ status: 101 })
    const byQuery = await check('team/report', edit)
    expect(byQuery).toMatchObject({ status: 200, body: { document: 'team/report', role: 'edit' } })
    expect(byQuery.headers.get('access-control-allow-origin')).toBe('*')
    expect(byQuery.headers.get('cache-control')).toBe('no-store')
    const byHeader = await fetch(`${http}/api/docs/team%2Freport/access`, { headers: { Authorization: `Bearer ${view}` } })
    expect({ status: byHeader.status, body: await byHeader.json() }).toEqual({ status: 200, body: { document: 'team/report', role: 'view' } })
  })

  it('refuses a missing, expired or forged token with 401, the would-be close code 4401 and the upgrade’s reason', async () => {
    const expired = await sign('team/report', 'edit', 60_000, new Date(Date.now() - 3_600_000))
    const forged = (await sign('team/report', 'edit')).slice(0, -4) + 'AAAA'
    for (const token of [null, expired, forged]) {
      const refusedUpgrade = await upgrade('team/report', token)
      expect(refusedUpgrade.status).toBe(401)
      const answer = await check('team/report', token)
      expect(answer.status).toBe(401)
      expect(answer.headers.get('www-authenticate')).toBe('Bearer')
      expect(answer.body).toEqual({ error: 'not-authenticated', reason: refusedUpgrade.body, closeCode: 4401 })
    }
    expect((await check('team/report', expired)).body).toMatchObject({ reason: expect.stringMatching(/^the access token expired at .*; ask for a new link$/) })
  })

  it('refuses a token for another document with 403 and 4403', async () => {
    const token = await sign('team/report', 'edit')
    const refusedUpgrade = await upgrade('private/diary', token)
    expect(refusedUpgrade).toEqual({ status: 403, body: expect.stringContaining('the access token grants "team/report", not "private/diary"') })
    expect(await check('private/diary', token)).toMatchObject({
      status: 403,
      body: { error: 'forbidden', reason: refusedUpgrade.body, closeCode: 4403 }
    })
  })

  it('applies the origin allow-list as the upgrade does', async () => {
    const token = await sign('team/report', 'edit')
    expect(await check('team/report', token, { origin: 'https://docs.example.com' })).toMatchObject({ status: 200 })
    const refusedUpgrade = await upgrade('team/report', token, { origin: 'https://evil.example' })
    expect(refusedUpgrade.status).toBe(403)
    expect(await check('team/report', token, { origin: 'https://evil.example' })).toMatchObject({
      status: 403,
      body: { error: 'forbidden', reason: refusedUpgrade.body, closeCode: 4403 }
    })
  })

  it('says what is wrong with a bad request instead of answering for some other document', async () => {
    const post = await fetch(`${http}/api/docs/team/report/access`, { method: 'POST' })
    expect({ status: post.status, allow: post.headers.get('allow'), body: await post.text() }).toEqual({
      status: 405,
      allow: 'GET, HEAD',
      body: 'access takes GET requests, not POST.\n'
    })
    const badName = await fetch(`${http}/api/docs/team%2F..%2Fx/access`)
    expect({ status: badName.status, body: await badName.text() }).toEqual({
      status: 400,
      body: 'Not a document name: the document name "team/../x" has a ".." segment.\n'
    })
  })
})
