import { describe, expect, it } from 'vitest'
import { accessCheckUrl, relayAccessCheck } from './relay-access-check'

/** A `fetch` that answers every request with `status` and `body`, and records the URLs asked. */
const answering = (status: number, body: string, contentType = 'application/json') => {
  const asked: string[] = []
  const fetchResource: typeof fetch = async (input) => {
    asked.push(String(input))
    return new Response(body, { status, headers: { 'Content-Type': contentType } })
  }
  return { fetchResource, asked }
}

const target = { relayUrl: 'wss://relay.example.com/', documentName: 'team/Q3 plan', token: 'a.b+c' }

describe('relay access check', () => {
  it('asks the relay the WebSocket goes to, over HTTP(S), with the same token', () => {
    expect(accessCheckUrl(target)).toBe('https://relay.example.com/api/docs/team/Q3%20plan/access?token=a.b%2Bc')
    expect(accessCheckUrl({ relayUrl: 'ws://127.0.0.1:4455', documentName: 'notes' })).toBe('http://127.0.0.1:4455/api/docs/notes/access')
  })

  it('returns the relay’s refusal, and null when the relay would admit the client', async () => {
    const refused = answering(401, JSON.stringify({ error: 'not-authenticated', reason: 'the access token expired', closeCode: 4401 }))
    expect(await relayAccessCheck(target, refused.fetchResource)()).toEqual({
      error: 'not-authenticated',
      reason: 'the access token expired',
      closeCode: 4401
    })
    expect(refused.asked).toEqual([accessCheckUrl(target)])
    const admitted = answering(200, JSON.stringify({ document: 'team/Q3 plan', role: 'view' }))
    expect(await relayAccessCheck(target, admitted.fetchResource)()).toBeNull()
  })

  it('rejects, without the token in the message, when the answer says nothing about access', async () => {
    await expect(relayAccessCheck(target, answering(502, 'Bad Gateway', 'text/plain').fetchResource)()).rejects.toThrow(
      "the relay's access check https://relay.example.com/api/docs/team/Q3%20plan/access?token=REDACTED answered 502, which says nothing about access"
    )
    await expect(relayAccessCheck(target, answering(403, '<html>Forbidden</html>', 'text/html').fetchResource)()).rejects.toThrow(
      /answered 403 without a reason/
    )
  })
})
