import { accessCheckPath, readAccessRefusal } from '../../app/access-check'
import type { AccessCheck } from './connection-monitor'

/** How long the relay may take to answer the access check; after that the client stays offline and retries. */
const accessCheckTimeoutMs = 10_000

/** Where a session connects: the relay's WebSocket URL, the document, and the token if any. */
export interface AccessCheckTarget {
  readonly relayUrl: string
  readonly documentName: string
  readonly token?: string | undefined
}

/**
 * The HTTP(S) URL of the relay's access check (`app/access-check.ts`) for `target`: the WebSocket
 * URL with `http(s):` for `ws(s):`, the check's path, and the token as the WebSocket carries it.
 */
export const accessCheckUrl = ({ relayUrl, documentName, token }: AccessCheckTarget): string => {
  const url = new URL(relayUrl)
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:'
  // y-websocket drops trailing slashes of the relay URL before appending the document name.
  url.pathname = url.pathname.replace(/\/+$/, '') + accessCheckPath(documentName)
  url.search = token === undefined ? '' : new URLSearchParams({ token }).toString()
  url.hash = ''
  return url.toString()
}

/**
 * Asks the relay over HTTP whether it would admit `target`'s WebSocket. Rejects, naming what it got,
 * when the answer is neither an admission nor a refusal with a reason: the caller then treats the
 * failure as a network problem, as before there was a check.
 */
export const relayAccessCheck =
  (target: AccessCheckTarget, fetchResource: typeof fetch = (input, init) => fetch(input, init)): AccessCheck =>
  async () => {
    const url = accessCheckUrl(target)
    const response = await fetchResource(url, { cache: 'no-store', signal: AbortSignal.timeout(accessCheckTimeoutMs) })
    if (response.ok) return null
    const where = url.replace(/([?&]token=)[^&]*/, '$1REDACTED')
    if (response.status !== 401 && response.status !== 403) {
      throw new Error(`the relay's access check ${where} answered ${response.status}, which says nothing about access`)
    }
    const refusal = readAccessRefusal(response.status, await response.json().catch(() => null))
    if (refusal === null) throw new Error(`the relay's access check ${where} answered ${response.status} without a reason`)
    return refusal
  }
