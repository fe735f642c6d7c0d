import type { DocumentTarget, PlatformBridge } from '../../app/bridge'
import { parseRelayAddress } from '../../app/invite-link'
import type { RecentDocument } from '../../app/library'
import type { DocumentDirectory } from '../editor/mentions'

/**
 * The documents an `@` mention can link from the open one: the library's recent documents on the
 * same relay (the home screen's list), kept up to date as the library changes. Opening one keeps the relay and uses the token it was opened with,
 * or else the open document's (a token for `team/*` opens its neighbours too).
 */
export const knownDocuments = (bridge: PlatformBridge, target: DocumentTarget): { directory: DocumentDirectory; stop(): void } => {
  let entries: readonly RecentDocument[] = []
  const relay = target.local === true ? undefined : canonical(target.relayUrl)
  const sameRelay = (entry: RecentDocument): boolean => (relay === undefined ? entry.relayUrl === undefined : entry.relayUrl === relay)
  const show = (documents: readonly RecentDocument[]): void => {
    entries = documents.filter((entry) => sameRelay(entry) && entry.documentName !== target.documentName)
  }
  bridge.library
    .get()
    .then((library) => show(library.documents))
    .catch((error: unknown) => console.warn('Ensemble: the recent documents could not be read for mentions', error))
  const stop = bridge.library.onChanged((library) => show(library.documents))
  return {
    directory: {
      documents: () => entries.map((entry) => entry.documentName),
      open: (documentName) => {
        const token = entries.find((entry) => entry.documentName === documentName)?.token ?? target.token
        bridge
          .open({ documentName, ...(relay === undefined ? {} : { relayUrl: relay }), ...(token === undefined ? {} : { token }) })
          .catch((error: unknown) => console.error(`Ensemble: "${documentName}" could not be opened`, error))
      }
    },
    stop
  }
}

const canonical = (relayUrl: string): string => {
  try {
    return parseRelayAddress(relayUrl)
  } catch {
    return relayUrl
  }
}
