import type { WebsocketProvider } from 'y-websocket'

/** Where a provider connects: a relay's WebSocket URL, the document's name there, its token if any. */
export interface ProviderTarget {
  readonly relayUrl: string
  readonly documentName: string
  readonly token?: string | undefined
}

/**
 * Points `provider` at another relay and document, disconnected; the caller connects it again.
 * y-websocket reads `serverUrl`, `roomname` and `params` each time it opens a socket (its `url`),
 * so the provider, its Y.Doc and its awareness stay the same objects for everything bound to them.
 */
export const retargetProvider = (provider: WebsocketProvider, target: ProviderTarget): void => {
  provider.disconnect()
  provider.serverUrl = target.relayUrl.replace(/\/+$/, '')
  provider.roomname = target.documentName
  if (target.token === undefined) delete provider.params.token
  else provider.params.token = target.token
  // Tabs of one browser share edits per relay and document; this tab now belongs to the new pair.
  provider.bcChannel = `${provider.serverUrl}/${provider.roomname}`
}
