import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { desktopAppOrigin } from '../../app/desktop-origin'
import type { Relay } from '../relay'
import { attemptUpgrade, startEnsembleRelay } from '../testing/harness'
import { normalizeOrigin, originAllowList } from './origin-allow-list'

describe('normalizeOrigin', () => {
  it('reduces an origin to what browsers send', () => {
    expect(normalizeOrigin('https://Docs.Example.com/')).toBe('https://docs.example.com')
    expect(normalizeOrigin(' http://localhost:5173 ')).toBe('http://localhost:5173')
    expect(normalizeOrigin('file://')).toBe('file://')
  })

  it('names the entry that is not an origin', () => {
    expect(() => normalizeOrigin('docs.example.com')).toThrow(/"docs.example.com" is not an origin/)
    expect(() => normalizeOrigin('https://docs.example.com/app')).toThrow(/has a path or query.*https:\/\/docs.example.com/)
  })
})

describe('origin allow-list', () => {
  let relay: Relay

  beforeAll(async () => {
    relay = await startEnsembleRelay({ extensions: [originAllowList(['https://docs.example.com'])] })
  })
  afterAll(() => relay.close())

  const statusFor = async (headers: Record<string, string>): Promise<number> =>
    (await attemptUpgrade(relay.url, 'notes', { headers })).status

  it('lets in allowed origins, the relay’s own web client, the desktop app, and programs without an Origin header', async () => {
    expect(await statusFor({ origin: 'https://docs.example.com' })).toBe(101)
    expect(await statusFor({ origin: desktopAppOrigin })).toBe(101)
    expect(await statusFor({ origin: `http://127.0.0.1:${relay.port}` })).toBe(101)
    expect(await statusFor({})).toBe(101)
  })

  it('refuses other pages with 403 and says how to allow them', async () => {
    const answer = await attemptUpgrade(relay.url, 'notes', { headers: { origin: 'https://evil.example' } })
    expect(answer).toEqual({ status: 403, body: expect.stringMatching(/"https:\/\/evil.example".*--allowed-origins/) })
    expect(await statusFor({ origin: 'http://docs.example.com' })).toBe(403)
    expect(await statusFor({ origin: 'null' })).toBe(403)
  })
})
