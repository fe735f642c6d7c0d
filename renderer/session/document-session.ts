import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { DocumentTarget } from '../../app/bridge'
import { createDocumentDoc, documentFragmentName } from '../../app/document'
import { storedAcksParam } from '../../app/protocol'
import type { AwarenessUser } from '../../app/presence'
import { BatchedIndexeddbPersistence } from './batched-indexeddb'
import { ConnectionMonitor, type NetworkEvents } from './connection-monitor'
import { relayAccessCheck } from './relay-access-check'
import { RelayStorageStatus } from './relay-storage-status'
import { SaveTracker } from './save-tracker'
import { mergeOutgoingUpdates } from './outgoing-updates'
import { RemoteUpdateGate } from './remote-update-gate'
import { retargetProvider } from './handover/retarget-provider'
import { t } from '../../app/i18n/translate'

/** One open document: its Y.Doc, the offline cache, the relay connection and its monitor. */
export interface DocumentSession {
  /** Where the document is synced now: the target it was opened with, until `moveTo`. */
  readonly target: DocumentTarget
  readonly doc: Y.Doc
  readonly fragment: Y.XmlFragment
  readonly provider: WebsocketProvider
  readonly connection: ConnectionMonitor
  /** Whether the relay says it is storing this document's edits. */
  readonly storage: RelayStorageStatus
  /** How many of this window's changes the relay has not confirmed stored. */
  readonly saves: SaveTracker
  /** Holds remote document updates while the editor composes (IME). */
  readonly remoteUpdates: RemoteUpdateGate
  /** Resolves once the offline cache has been read (or could not be); never rejects. */
  readonly cacheLoaded: Promise<{ cached: boolean; problem: string | null }>
  /** Publishes how this user appears to the others in the document. */
  setUser(user: AwarenessUser): void
  /**
   * Syncs the same Y.Doc with the same document on another relay from now on (a host hand-over,
   * `handover/`): the editor, its caret and undo history stay, and the new relay's sync exchanges
   * by state vector whatever each side lacks, so every edit the old relay never confirmed reaches it.
   */
  moveTo(next: DocumentTarget): void
  destroy(): void
}

/** How long to wait for IndexedDB before opening the document without its cache. */
const cacheTimeoutMs = 5_000

/**
 * Opens a document: loads the IndexedDB cache and connects to the relay at the same time, so that
 * the document opens and edits without a network and merges once the relay answers.
 */
export const openDocumentSession = (target: DocumentTarget, network: NetworkEvents): DocumentSession => {
  // Without garbage collection: version history shows deleted text (app/document.ts).
  const doc = createDocumentDoc()
  const fragment = doc.getXmlFragment(documentFragmentName)
  const saves = new SaveTracker(doc)
  const provider = new WebsocketProvider(target.relayUrl, target.documentName, doc, {
    connect: false,
    // The relay then says which of our messages it has stored (SaveTracker).
    params: { ...(target.token === undefined ? {} : { token: target.token }), [storedAcksParam]: '1' },
    WebSocketPolyfill: saves.countingWebSocket(),
    // The monitor owns reconnection: backoff with jitter, and no retry after 4401/4403.
    shouldReconnect: () => false,
    // No BroadcastChannel between tabs of one browser: each tab has the relay, and the channel
    // made every update cost a postMessage here and a second apply in every other tab.
    disableBc: true
  })
  mergeOutgoingUpdates(provider)
  // A refused WebSocket upgrade reaches the page as 1006 only; the relay's access check says why.
  let current = target
  const connection = new ConnectionMonitor(provider, { network, checkAccess: () => relayAccessCheck(current)() })
  const storage = new RelayStorageStatus(provider)
  saves.bind(provider)
  const remoteUpdates = new RemoteUpdateGate(provider)
  const cache = openCache(`ensemble:${target.relayUrl}/${target.documentName}`, doc)
  connection.connect()
  return {
    get target() {
      return current
    },
    doc,
    fragment,
    provider,
    connection,
    storage,
    saves,
    remoteUpdates,
    cacheLoaded: cache.loaded,
    setUser: (user) => provider.awareness.setLocalStateField('user', user),
    moveTo: (next) => {
      current = next
      retargetProvider(provider, next)
      saves.relayChanged()
      connection.connect()
    },
    destroy: () => {
      connection.destroy()
      storage.destroy()
      saves.destroy()
      remoteUpdates.destroy()
      provider.destroy()
      void cache.persistence?.destroy()
      doc.destroy()
    }
  }
}

const openCache = (
  name: string,
  doc: Y.Doc
): { persistence: BatchedIndexeddbPersistence | null; loaded: DocumentSession['cacheLoaded'] } => {
  let persistence: BatchedIndexeddbPersistence
  try {
    persistence = new BatchedIndexeddbPersistence(name, doc)
  } catch (error) {
    return { persistence: null, loaded: Promise.resolve({ cached: false, problem: cacheProblem(error) }) }
  }
  const loaded = new Promise<{ cached: boolean; problem: string | null }>((resolve) => {
    const timer = setTimeout(
      () => resolve({ cached: false, problem: `the offline cache did not answer within ${cacheTimeoutMs / 1000} s` }),
      cacheTimeoutMs
    )
    persistence.whenSynced.then(
      () => {
        clearTimeout(timer)
        resolve({ cached: true, problem: null })
      },
      (error: unknown) => {
        clearTimeout(timer)
        resolve({ cached: false, problem: cacheProblem(error) })
      }
    )
  })
  return { persistence, loaded }
}

const cacheProblem = (error: unknown): string =>
  t('save.noOfflineCache', { reason: error instanceof Error ? error.message : String(error) })
