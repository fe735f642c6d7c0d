/**
 * Invite links and web URLs for joining a document on a relay (ARCHITECTURE.md, "Contracts"):
 *
 * - invite link: `ensemble://join?relay=WS_URL&doc=NAME&token=T&fp=F`, opened by the desktop app;
 * - web URL: `http(s)://RELAY/?doc=NAME#token=T&fp=F`, opened by a browser guest. The token
 *   travels in the fragment so that it never reaches a server log or a `Referer` header.
 *
 * Both may add `also=WS_URL&alsoToken=T`: the relay the session continues on when its host
 * leaves, and a token for it (in the web URL's fragment too).
 *
 * `fp` is the SHA-256 fingerprint of the certificate of a relay that made its own (a LAN session
 * of the desktop app, `wss://`): the desktop app accepts that certificate from that host only when
 * the fingerprint matches, and a browser guest can compare it with what the browser shows.
 *
 * Both carry the same facts, so each can be turned into the other.
 */
import { documentNameProblem } from './document-name'
import { parseUrl } from './whatwg-url'
import { t } from './i18n/translate'

/** What a guest needs to join a document: where the relay is, which document, and (usually) a token. */
export interface Invite {
  /** The relay's WebSocket origin, `ws://host:port` or `wss://host[:port]`, without a trailing slash. */
  readonly relay: string
  readonly doc: string
  /** A signed access token (a JWT); absent when the relay lets anyone on the network in. */
  readonly token?: string
  /** The relay's certificate fingerprint, `sha256/BASE64` (as Electron reports certificates); only for `wss://`. */
  readonly fingerprint?: string
  /**
   * Where the session may continue when its host leaves: the `ws(s)://` origin of the hosted relay
   * the host also keeps the document on (`also=`), and an access token for it (`alsoToken=`) when
   * the host chose to hand one out. The document's name there is in the document itself.
   */
  readonly also?: string
  readonly alsoToken?: string
}

/** `sha256/` and the base64 of a SHA-256 digest (32 bytes, 44 characters with their padding). */
const fingerprintPattern = /^sha256\/[A-Za-z0-9+/]{43}=$/

/** Whether `text` is a certificate fingerprint as invites carry them. */
export const isCertificateFingerprint = (text: string): boolean => fingerprintPattern.test(text)

/** The text was not an invite link, web URL or relay address; the message says what was wrong. */
export class InviteLinkError extends Error {
  override name = 'InviteLinkError'
}

export const inviteScheme = 'ensemble'
/** Port of a relay address typed without one (the standalone relay's default). */
export const defaultRelayPort = 4455

const jwtPattern = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/

/** `ensemble://join?relay=…&doc=…&token=…` */
export const formatInviteLink = (invite: Invite): string => {
  checkInvite(invite)
  const query = [`relay=${encodeURIComponent(invite.relay)}`, `doc=${encodeURIComponent(invite.doc)}`]
  if (invite.token !== undefined) query.push(`token=${encodeURIComponent(invite.token)}`)
  if (invite.fingerprint !== undefined) query.push(`fp=${encodeURIComponent(invite.fingerprint)}`)
  query.push(...continuationParts(invite))
  return `${inviteScheme}://join?${query.join('&')}`
}

/** `http(s)://host:port/?doc=…#token=…` for a browser guest (`ws` becomes `http`, `wss` becomes `https`). */
export const formatWebUrl = (invite: Invite): string => {
  checkInvite(invite)
  const origin = invite.relay.replace(/^ws/, 'http')
  const fragment = [
    ...(invite.token === undefined ? [] : [`token=${encodeURIComponent(invite.token)}`]),
    ...(invite.fingerprint === undefined ? [] : [`fp=${encodeURIComponent(invite.fingerprint)}`]),
    ...continuationParts(invite)
  ]
  return `${origin}/?doc=${encodeURIComponent(invite.doc)}${fragment.length === 0 ? '' : `#${fragment.join('&')}`}`
}

/** Reads an `ensemble://join?…` link; throws `InviteLinkError` saying what is wrong with it. */
export const parseInviteLink = (text: string): Invite => {
  const url = parseUrl(text.trim())
  if (url === null || url.protocol !== `${inviteScheme}:`) {
    throw new InviteLinkError(t('invite.notScheme', { text: abbreviate(text), scheme: inviteScheme }))
  }
  // Some systems hand the link over as `ensemble://join/?…`.
  if (url.hostname !== 'join' || (url.pathname !== '' && url.pathname !== '/')) {
    throw new InviteLinkError(t('invite.notJoin', { text: abbreviate(text), scheme: inviteScheme }))
  }
  const relay = url.searchParams.get('relay')
  if (relay === null) throw new InviteLinkError(t('invite.noRelay'))
  const get = (key: string): string | null => url.searchParams.get(key)
  return makeInvite(relayOrigin(relay), get('doc'), { token: get('token'), fingerprint: get('fp'), also: get('also'), alsoToken: get('alsoToken') })
}

/** Reads a web URL `http(s)://relay/?doc=…#token=…`; throws `InviteLinkError` saying what is wrong. */
export const parseWebUrl = (text: string): Invite => {
  const url = parseUrl(text.trim())
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InviteLinkError(t('invite.notWeb', { text: abbreviate(text) }))
  }
  const fragment = parseFragment(url.hash)
  const origin = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`
  const get = (key: string): string | null => fragment.get(key) ?? null
  return makeInvite(origin, url.searchParams.get('doc'), { token: get('token'), fingerprint: get('fp'), also: get('also'), alsoToken: get('alsoToken') })
}

/** Reads whatever a user pasted into "join by link": an invite link or a web URL. */
export const parseJoinLink = (text: string): Invite =>
  text.trim().toLowerCase().startsWith(`${inviteScheme}:`) ? parseInviteLink(text) : parseWebUrl(text)

/**
 * Reads a relay address typed by hand (`192.168.1.20`, `host:4455`, `ws://host:4455`,
 * `https://relay.example.org`) and returns its WebSocket origin. Without a port, `defaultRelayPort`
 * is assumed for bare addresses and the scheme's default for URLs.
 */
export const parseRelayAddress = (text: string): string => {
  const trimmed = text.trim()
  if (trimmed === '') throw new InviteLinkError(t('invite.relayEmpty'))
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)
  if (hasScheme) {
    const url = parseUrl(trimmed)
    if (url === null) throw new InviteLinkError(t('invite.notAddress', { text: abbreviate(trimmed) }))
    const scheme = { 'ws:': 'ws', 'http:': 'ws', 'wss:': 'wss', 'https:': 'wss' }[url.protocol]
    if (scheme === undefined) {
      throw new InviteLinkError(t('invite.badProtocol', { text: abbreviate(trimmed), protocol: url.protocol }))
    }
    return relayOrigin(`${scheme}://${url.host}${url.pathname}`)
  }
  const url = parseUrl(`ws://${trimmed}`)
  if (url === null || url.hostname === '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new InviteLinkError(t('invite.notHost', { text: abbreviate(trimmed) }))
  }
  // `URL` drops a port equal to the scheme's default (80), so look at the text for an explicit one.
  const explicitPort = url.port !== '' || /:80$/.test(trimmed)
  return explicitPort ? `ws://${url.host}` : `ws://${url.host}:${defaultRelayPort}`
}

/** Validates a relay URL and reduces it to its WebSocket origin. */
const relayOrigin = (text: string): string => {
  const url = parseUrl(text)
  if (url === null || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
    throw new InviteLinkError(t('invite.relayNotWs', { text: abbreviate(text) }))
  }
  if (url.username !== '' || url.password !== '') throw new InviteLinkError(t('invite.relayCredentials'))
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    throw new InviteLinkError(t('invite.relayPath', { text: abbreviate(text) }))
  }
  return `${url.protocol}//${url.host}`
}

/** The optional parts of an invite as a link carries them: `null` (or empty) when absent. */
type OptionalParts = { readonly [key in 'token' | 'fingerprint' | 'also' | 'alsoToken']: string | null }

const makeInvite = (relay: string, doc: string | null, parts: OptionalParts): Invite => {
  if (doc === null || doc === '') throw new InviteLinkError(t('invite.noDocument'))
  const present = (key: keyof OptionalParts): Partial<Invite> => {
    const value = parts[key]
    return value === null || value === '' ? {} : { [key]: value }
  }
  const invite: Invite = {
    relay,
    doc,
    ...present('token'),
    ...present('fingerprint'),
    ...(parts.also === null || parts.also === '' ? {} : { also: continuationOrigin(parts.also) }),
    ...present('alsoToken')
  }
  checkInvite(invite)
  return invite
}

/** `also=…&alsoToken=…`, URL-encoded, for the link's query or the web URL's fragment. */
const continuationParts = (invite: Invite): string[] => [
  ...(invite.also === undefined ? [] : [`also=${encodeURIComponent(invite.also)}`]),
  ...(invite.alsoToken === undefined ? [] : [`alsoToken=${encodeURIComponent(invite.alsoToken)}`])
]

/** The continuation relay's WebSocket origin, with an error that names the `also=` part. */
const continuationOrigin = (text: string): string => {
  try {
    return relayOrigin(text)
  } catch (error) {
    if (error instanceof InviteLinkError) throw new InviteLinkError(`the link's continuation relay (also=…): ${error.message}`)
    throw error
  }
}

const checkInvite = (invite: Invite): void => {
  relayOrigin(invite.relay)
  const problem = documentNameProblem(invite.doc)
  if (problem !== null) throw new InviteLinkError(t('invite.badDocument', { problem }))
  if (invite.token !== undefined && !jwtPattern.test(invite.token)) {
    throw new InviteLinkError(t('invite.badToken'))
  }
  if (invite.fingerprint !== undefined) {
    if (!fingerprintPattern.test(invite.fingerprint)) {
      throw new InviteLinkError(t('invite.badFingerprint'))
    }
    if (!invite.relay.startsWith('wss://')) throw new InviteLinkError(t('invite.fingerprintWithoutTls'))
  }
  if (invite.also !== undefined) continuationOrigin(invite.also)
  if (invite.alsoToken !== undefined) {
    if (invite.also === undefined) throw new InviteLinkError('the link carries a token for a continuation relay (alsoToken=…) but names no relay (also=…)')
    // Any relay's token, not only ours: opaque, but printable and without spaces, as the library keeps tokens.
    if (!/^[\x21-\x7e]{1,4096}$/.test(invite.alsoToken)) {
      throw new InviteLinkError('the link\'s continuation token (alsoToken=…) holds spaces or unprintable characters; copy the whole link again')
    }
  }
}

/** Reads `#a=1&b=2` the way `URLSearchParams` reads a query. */
const parseFragment = (hash: string): Map<string, string> => {
  const values = new Map<string, string>()
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue
    const [key = '', value = ''] = part.split('=', 2)
    try {
      values.set(decodeURIComponent(key.replace(/\+/g, ' ')), decodeURIComponent(value.replace(/\+/g, ' ')))
    } catch {
      throw new InviteLinkError(t('invite.badFragment', { text: abbreviate(part) }))
    }
  }
  return values
}

const abbreviate = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text)
