import type { DocumentAddress } from '../../app/bridge'
import { documentNameProblem } from '../../app/document-name'
import { isCertificateFingerprint } from '../../app/invite-link'

/**
 * What a web client URL asks for: `http(s)://RELAY/?doc=NAME&user=NAME#token=T`
 * (ARCHITECTURE.md, "Web client URL"). The token travels in the fragment so that it never reaches
 * a server log or a Referer header.
 */
export interface WebClientRequest {
  /** The document to open, or `null` for the start page. */
  readonly documentName: string | null
  /** Why `?doc=` was refused, when it was present but invalid. */
  readonly documentProblem: string | null
  /** Display name from `&user=`, trimmed, or `null`. */
  readonly userName: string | null
  readonly token: string | null
  /** The LAN host's certificate fingerprint from the fragment's `fp=`, when the link carried one. */
  readonly fingerprint: string | null
  /** The fragment's `also=`: the relay the session continues on if its host leaves (a bare ws(s) origin), or `null`. */
  readonly also: string | null
  /** The fragment's `alsoToken=`, a token for `also`; `null` without `also`. */
  readonly alsoToken: string | null
  /** `ws(s)://host:port` of the relay: the page's own origin, or `?relay=` when given. */
  readonly relayUrl: string
  /** Whether `relayUrl` came from `?relay=` rather than from the page's origin. */
  readonly relayGiven: boolean
}

/** Reads a web client URL; never throws, an invalid `doc` is reported in `documentProblem`. */
export const parseWebClientUrl = (href: string): WebClientRequest => {
  const url = new URL(href)
  const requested = url.searchParams.get('doc')
  const problem = requested === null ? null : documentNameProblem(requested)
  const user = url.searchParams.get('user')?.trim() ?? ''
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''))
  const relayParam = url.searchParams.get('relay')
  const givenRelay = isRelayOrigin(relayParam) ? relayParam : null
  const token = fragment.get('token')
  const fingerprint = fragment.get('fp')
  const also = fragment.get('also')
  const alsoToken = fragment.get('alsoToken')
  return {
    documentName: problem === null ? requested : null,
    documentProblem: problem,
    userName: user === '' ? null : user,
    token: token === null || token === '' ? null : token,
    fingerprint: fingerprint !== null && isCertificateFingerprint(fingerprint) ? fingerprint : null,
    also: isRelayOrigin(also) ? also : null,
    alsoToken: isRelayOrigin(also) && alsoToken !== null && alsoToken !== '' ? alsoToken : null,
    relayUrl: givenRelay ?? `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`,
    relayGiven: givenRelay !== null
  }
}

const isRelayOrigin = (text: string | null): text is string => text !== null && /^wss?:\/\/[^/?#]+$/.test(text)

/** The web client URL of a document on the same relay as `current`, keeping `relay` and the token. */
export const documentUrl = (current: string, documentName: string): string => {
  const url = new URL(current)
  const next = new URL(url.origin + url.pathname)
  next.searchParams.set('doc', documentName)
  const relay = url.searchParams.get('relay')
  if (relay !== null) next.searchParams.set('relay', relay)
  next.hash = url.hash
  return next.toString()
}

/**
 * The URL that shows `address` from the page at `current`: `?doc=NAME`, with `&relay=` when the
 * document is on another relay than `ownRelay` (the page's, or the desktop's embedded one), and the
 * token in the fragment.
 */
export const addressUrl = (current: string, address: DocumentAddress, ownRelay: string | null): string => {
  const next = new URL(homeUrl(current))
  next.searchParams.set('doc', address.documentName)
  if (address.relayUrl !== undefined && address.relayUrl !== ownRelay) next.searchParams.set('relay', address.relayUrl)
  const fragment = new URLSearchParams()
  if (address.token !== undefined) fragment.set('token', address.token)
  if (address.fingerprint !== undefined) fragment.set('fp', address.fingerprint)
  if (address.also !== undefined) fragment.set('also', address.also)
  if (address.alsoToken !== undefined) fragment.set('alsoToken', address.alsoToken)
  if ([...fragment].length > 0) next.hash = fragment.toString()
  return next.toString()
}

/** The URL of the home screen from the page at `current`: the same page without a document. */
export const homeUrl = (current: string): string => {
  const url = new URL(current)
  // Not `url.origin`: for the desktop's app:// scheme that is "null" outside Electron.
  return `${url.protocol}//${url.host}${url.pathname}`
}
