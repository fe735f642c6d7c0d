import * as decoding from 'lib0/decoding'
import { ObservableV2 } from 'lib0/observable'
import * as authProtocol from 'y-protocols/auth'
import type { WebsocketProvider } from 'y-websocket'
import { messageAuth } from '../../app/protocol'

/** Whether this user may change the document, or only read it. */
export type AccessMode = 'edit' | 'view'

/**
 * The `role` claim of an access token (a JWT: `header.payload.signature`, payload in base64url),
 * read without checking the signature: the relay checks it, the page only needs to know what to
 * offer. `null` when the token is not a JWT or carries no role.
 */
export const roleClaimOf = (token: string): AccessMode | null => {
  const payload = token.split('.')[1]
  if (payload === undefined || payload === '') return null
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))
    const role: unknown = (JSON.parse(json) as { role?: unknown }).role
    return role === 'edit' || role === 'view' ? role : null
  } catch {
    return null
  }
}

/**
 * What this page may do with its document: `view` when its token says so, or once the relay has
 * refused one of its writes (the relay answers a view-only connection's write with an auth
 * "permission denied" message, which the stock provider only logs). Features that write to the
 * document (comments, chat, versions) ask before offering to write, and say why when they cannot.
 */
export class DocumentAccess extends ObservableV2<{ change: (mode: AccessMode) => void }> {
  private current: AccessMode
  private deniedReason: string | null = null

  constructor(token: string | undefined, provider: WebsocketProvider) {
    super()
    this.current = token === undefined ? 'edit' : (roleClaimOf(token) ?? 'edit')
    const original = provider.messageHandlers[messageAuth]
    provider.messageHandlers[messageAuth] = (encoder, decoder, handledBy, emitSynced, messageType) => {
      // Peek at the message, then let the provider handle it as it always does.
      authProtocol.readAuthMessage(decoding.clone(decoder), handledBy.doc, (_doc, reason) => this.denied(reason))
      original?.(encoder, decoder, handledBy, emitSynced, messageType)
    }
  }

  get mode(): AccessMode {
    return this.current
  }

  get canEdit(): boolean {
    return this.current === 'edit'
  }

  /** Why the relay refused a write, when it did. */
  get reason(): string | null {
    return this.deniedReason
  }

  private denied(reason: string): void {
    this.deniedReason = reason
    if (this.current === 'view') return
    this.current = 'view'
    this.emit('change', ['view'])
  }
}
