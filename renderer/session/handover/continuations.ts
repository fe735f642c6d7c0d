import type { DocumentTarget } from '../../../app/bridge'
import { documentNameProblem } from '../../../app/document-name'
import type { RelayEntry } from '../../../app/library'
import { isSameDocument, type Continuation } from '../../../app/session-continuation'

/** Where a session can go on: a hosted relay, or this computer's own relay (the desktop app's). */
export type ContinuationPlace = 'relay' | 'this-computer'

/** A place to continue the session, as a target a `DocumentSession` can move to. */
export interface ContinuationTarget extends DocumentTarget {
  readonly place: ContinuationPlace
}

/** What the choice is made from. */
export interface ContinuationFacts {
  /** Where the session is now (the host's relay). */
  readonly current: DocumentTarget
  /** What the document names as its continuation (`app/session-continuation.ts`), if anything. */
  readonly named: Continuation | null
  /** The relays this user remembers, with their tokens (the library). */
  readonly rememberedRelays: readonly RelayEntry[]
  /** The desktop app's embedded relay, `ws://127.0.0.1:PORT`; `null` in a browser. */
  readonly embeddedRelay: string | null
}

/**
 * The places a session can continue when its host leaves, most preferred first: the hosted relay
 * the host keeps the document on (where the others go too), then this computer's own relay, which
 * keeps the document here until the others can be reached again. The hosted relay's token is the
 * one the invite carried for it (`also`/`alsoToken`), else the one remembered for that relay, else
 * none (an open relay). A document opened from this computer's own relay never moves.
 */
export const chooseContinuations = ({ current, named, rememberedRelays, embeddedRelay }: ContinuationFacts): ContinuationTarget[] => {
  if (embeddedRelay !== null && sameRelay(current.relayUrl, embeddedRelay)) return []
  const places: ContinuationTarget[] = []
  if (named !== null && !isSameDocument(named, current)) {
    const token = current.also !== undefined && sameRelay(current.also, named.relayUrl) ? current.alsoToken : rememberedRelays.find((relay) => sameRelay(relay.url, named.relayUrl))?.token
    places.push({ place: 'relay', relayUrl: named.relayUrl, documentName: named.documentName, ...(token === undefined ? {} : { token }) })
  }
  if (embeddedRelay !== null) {
    const documentName = localCopyName(current)
    if (documentName !== null) places.push({ place: 'this-computer', relayUrl: embeddedRelay, documentName, local: true })
  }
  return places
}

/**
 * The name of this computer's copy of a document handed over from `host`: under `handover/` and
 * the host's address, so that it never merges into a document of the same name made here.
 * `null` when that would not be a valid name (a very long one).
 */
export const localCopyName = (host: { readonly relayUrl: string; readonly documentName: string }): string | null => {
  const address = new URL(host.relayUrl).host.replace(/[^\p{L}\p{N}_~@+\-.()]/gu, '-')
  const name = `handover/${address}/${host.documentName}`
  return documentNameProblem(name) === null ? name : null
}

const sameRelay = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '')
