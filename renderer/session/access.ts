import * as decoding from 'lib0/decoding'
import { ObservableV2 } from 'lib0/observable'
import * as authProtocol from 'y-protocols/auth'
import type { WebsocketProvider } from 'y-websocket'
import { messageAuth } from '../../app/protocol'
import type { ConnectionState } from './connection-monitor'
import { t } from '../../app/i18n/translate'

/** Whether this user may change the document, change it only by suggesting, or only read it. */
export type AccessMode = 'edit' | 'suggest' | 'view'

/**
 * The claims of an access token (a JWT: `header.payload.signature`, payload in base64url), read
 * without checking the signature: the relay checks it, the page only needs to know what to offer
 * and how to explain a refusal. `null` when the token is not a JWT.
 */
export const tokenClaimsOf = (token: string): Readonly<Record<string, unknown>> | null => {
  const parts = token.split('.')
  const payload = parts[1]
  if (parts.length !== 3 || payload === undefined || payload === '') return null
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))
    const claims: unknown = JSON.parse(json)
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** The `role` claim of an access token, or `null` when the token is not a JWT or carries no role. */
export const roleClaimOf = (token: string): AccessMode | null => {
  const role = tokenClaimsOf(token)?.role
  return role === 'edit' || role === 'suggest' || role === 'view' ? role : null
}

/** What the side panels say instead of their forms while the relay refuses this page. */
export const deniedNote = (): string => t('panels.deniedNote')

/** The part of the connection monitor that access follows. */
export interface DeniableConnection {
  readonly state: ConnectionState
  on(name: 'change', listener: (state: ConnectionState) => void): void
  off(name: 'change', listener: (state: ConnectionState) => void): void
}

/**
 * What this page may do with its document: `view` when its token says so, or once the relay has
 * refused one of its writes (the relay answers a view-only connection's write with an auth
 * "permission denied" message, which the stock provider only logs). While the relay refuses the
 * connection itself (4401/4403, `denied`), nothing may be written either: an edit would stay in
 * this browser, never reaching anyone, with nothing to say so. Features that write to the
 * document (the editor, comments, chat, versions) ask before offering to write, and say why when
 * they cannot.
 */
export class DocumentAccess extends ObservableV2<{ change: (mode: AccessMode) => void }> {
  private current: AccessMode
  private deniedReason: string | null = null
  private refused: boolean

  constructor(
    token: string | undefined,
    provider: WebsocketProvider,
    private readonly connection?: DeniableConnection
  ) {
    super()
    this.refused = connection?.state.state === 'denied'
    connection?.on('change', this.onConnection)
    this.current = token === undefined ? 'edit' : (roleClaimOf(token) ?? 'edit')
    const original = provider.messageHandlers[messageAuth]
    provider.messageHandlers[messageAuth] = (encoder, decoder, handledBy, emitSynced, messageType) => {
      // Peek at the message, then let the provider handle it as it always does.
      authProtocol.readAuthMessage(decoding.clone(decoder), handledBy.doc, (_doc, reason) => this.writeRefused(reason))
      original?.(encoder, decoder, handledBy, emitSynced, messageType)
    }
  }

  get mode(): AccessMode {
    return this.current
  }

  /**
   * Whether this page may write to the document: edit it, or (`suggest`) make suggestions, comment,
   * chat and save versions. What only an editor may do (accept and reject suggestions, restore a
   * version) asks `canReview`.
   */
  get canEdit(): boolean {
    return this.current !== 'view' && !this.refused
  }

  /** Whether this page may change the document directly: accept or reject suggestions, restore a version. */
  get canReview(): boolean {
    return this.current === 'edit' && !this.refused
  }

  /** Whether every change this page makes to the content must be a suggestion (a `suggest` token). */
  get mustSuggest(): boolean {
    return this.current === 'suggest'
  }

  /** Whether the relay refuses this page's connection (4401/4403) right now. */
  get denied(): boolean {
    return this.refused
  }

  override destroy(): void {
    this.connection?.off('change', this.onConnection)
    super.destroy()
  }

  private readonly onConnection = (state: ConnectionState): void => {
    const refused = state.state === 'denied'
    if (refused === this.refused) return
    this.refused = refused
    this.emit('change', [this.current])
  }

  /** Why the relay refused a write, when it did. */
  get reason(): string | null {
    return this.deniedReason
  }

  private writeRefused(reason: string): void {
    this.deniedReason = reason
    if (this.current === 'view') return
    this.current = 'view'
    this.emit('change', ['view'])
  }
}
