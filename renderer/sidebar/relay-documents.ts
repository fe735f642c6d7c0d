import { documentListPath, readDocumentListing, type DocumentListing } from '../../app/document-list'

/** How long the relay may take to list its documents. */
const listTimeoutMs = 10_000

/** Where the documents are listed: the relay's WebSocket URL and the token, if any. */
export interface ListedRelay {
  readonly relayUrl: string
  readonly token?: string | undefined
}

/** The HTTP(S) URL of the relay's document list: `ws(s):` becomes `http(s):`, the token travels as `?token=`. */
export const documentListUrl = ({ relayUrl, token }: ListedRelay): string => {
  const url = new URL(relayUrl)
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:'
  url.pathname = url.pathname.replace(/\/+$/, '') + documentListPath
  url.search = token === undefined ? '' : new URLSearchParams({ token }).toString()
  url.hash = ''
  return url.toString()
}

/**
 * Asks the relay for the documents the token may open (`GET /api/docs`). Rejects with the relay's
 * own words when it refuses (401/403 carry a sentence), or says what came back otherwise.
 */
export const fetchRelayDocuments = async (relay: ListedRelay, fetchResource: typeof fetch = (input, init) => fetch(input, init)): Promise<DocumentListing> => {
  const response = await fetchResource(documentListUrl(relay), { cache: 'no-store', signal: AbortSignal.timeout(listTimeoutMs) })
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).trim()
    throw new Error(text !== '' && text.length < 300 ? text.replace(/^Refused: /, '').replace(/\.$/, '') : `the relay answered ${response.status}`)
  }
  return readDocumentListing(await response.json())
}
