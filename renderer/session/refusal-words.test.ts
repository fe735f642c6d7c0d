import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../app/protocol'
import { describeRefusal, type RefusalContext } from './refusal-words'

const jwt = (payload: object): string =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`

const now = new Date('2026-03-01T12:00:00Z')
const tokyo = (date: Date): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(date)

const refused = (closeCode: number, token: string | undefined, reason = 'the relay’s own words'): RefusalContext => ({
  closeCode,
  reason,
  documentName: 'team/plan',
  token
})

describe('describeRefusal', () => {
  it('says a link without a token needs one', () => {
    expect(describeRefusal(refused(CloseCode.notAuthenticated, undefined), tokyo, now)).toBe(
      '“team/plan” can only be opened with an access link, and the address you opened has none. Ask whoever shared the document for its link.'
    )
  })

  it('says a token that is not one is a damaged link, without JWT jargon', () => {
    const words = describeRefusal(refused(CloseCode.notAuthenticated, 'garbage', 'the access token is not a well-formed JWT: Invalid Compact JWS'), tokyo, now)
    expect(words).toBe('The access link is damaged or incomplete (perhaps it was cut short when it was copied). Ask for the link again.')
    expect(words).not.toMatch(/JWT|JWS/)
  })

  it('gives the expiry in local time', () => {
    const exp = Date.parse('2026-02-28T23:30:00Z') / 1000
    expect(describeRefusal(refused(CloseCode.notAuthenticated, jwt({ doc: 'team/plan', role: 'edit', exp })), tokyo, now)).toBe(
      'The access link expired on 1 Mar 2026, 08:30. Ask whoever shared the document for a new one.'
    )
  })

  it('blames the relay’s secret for a valid-looking token it still refuses', () => {
    const exp = now.getTime() / 1000 + 3600
    expect(describeRefusal(refused(CloseCode.notAuthenticated, jwt({ doc: 'team/plan', role: 'edit', exp })), tokyo, now)).toMatch(
      /^The relay does not accept this access link: it was made for another relay/
    )
  })

  it('names the documents a token for others grants', () => {
    expect(describeRefusal(refused(CloseCode.forbidden, jwt({ doc: 'team/other', role: 'edit', exp: 1 })), tokyo, now)).toBe(
      'This access link is for “team/other”, not for “team/plan”. Ask for a link to this document.'
    )
    expect(describeRefusal(refused(CloseCode.forbidden, jwt({ doc: 'sales/*', role: 'view', exp: 1 })), tokyo, now)).toBe(
      'This access link is for the documents starting with “sales/”, not for “team/plan”. Ask for a link to this document.'
    )
  })

  it('passes on the relay’s reason for other refusals', () => {
    expect(describeRefusal(refused(CloseCode.forbidden, undefined, 'pages from "https://evil.example" may not open documents here.'), tokyo, now)).toBe(
      'The relay does not let you open “team/plan”: pages from "https://evil.example" may not open documents here.'
    )
  })
})
