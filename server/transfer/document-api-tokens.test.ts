import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { signAccessToken } from '../access/access-token'
import { tokenAuthentication } from '../access/token-authentication'
import type { Relay } from '../relay'
import { startEnsembleRelay } from '../testing/harness'

/** The document API behind the relay's real access tokens (`--auth token`): the same rules as the WebSocket. */
describe('document API with access tokens', () => {
  const secret = new Uint8Array(randomBytes(32))
  let relay: Relay | undefined
  afterEach(async () => relay?.close())

  const token = (doc: string, role: 'edit' | 'view'): Promise<string> => signAccessToken(secret, { doc, role, lifetimeMs: 60_000 })

  it('lets an edit token import and a view token export, and refuses the rest as the WebSocket would', async () => {
    relay = await startEnsembleRelay({ extensions: [tokenAuthentication(secret)] })
    const http = relay.url.replace(/^ws/, 'http')
    const edit = await token('team/*', 'edit')
    const view = await token('team/report', 'view')

    const imported = await fetch(`${http}/api/docs/team/report/import?format=md`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${edit}` },
      body: '# Report\n'
    })
    expect(imported.status).toBe(200)

    const exported = await fetch(`${http}/api/docs/team/report/export?format=md&token=${encodeURIComponent(view)}`)
    expect({ status: exported.status, body: await exported.text() }).toEqual({ status: 200, body: '# Report\n' })

    const viewImport = await fetch(`${http}/api/docs/team/report/import?format=md`, { method: 'POST', headers: { Authorization: `Bearer ${view}` }, body: 'x' })
    expect(viewImport.status).toBe(403)

    const otherDocument = await fetch(`${http}/api/docs/private/export?format=md`, { headers: { Authorization: `Bearer ${view}` } })
    expect({ status: otherDocument.status, body: await otherDocument.text() }).toEqual({
      status: 403,
      body: expect.stringMatching(/the access token grants "team\/report", not "private"/)
    })

    const forged = await fetch(`${http}/api/docs/team/report/export?format=md`, { headers: { Authorization: `Bearer ${edit.slice(0, -4)}AAAA` } })
    expect(forged.status).toBe(401)
    const none = await fetch(`${http}/api/docs/team/report/export?format=md`)
    expect(none.status).toBe(401)
  })
})
