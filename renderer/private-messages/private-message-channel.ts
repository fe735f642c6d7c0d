import type { WebsocketProvider } from 'y-websocket'
import { encodePrivateMessage, privateMessageTextProblem, readPrivateMessageFrame, type PrivateMessageFrame } from '../../app/private-message'
import { messagePrivate } from '../../app/protocol'
import { t } from '../../app/i18n/translate'

/** One line of a private conversation, as this page saw it. */
export interface ConversationEntry {
  readonly id: string
  readonly direction: 'in' | 'out'
  readonly text: string
  /** When it was sent or received, ms since the epoch. */
  readonly at: number
  /** `undelivered` when the relay said the recipient could not get it (`reason` says why). */
  readonly status: 'sent' | 'received' | 'undelivered'
  readonly reason?: string
}

/**
 * Private messages of one open document over its y-websocket connection (message type 100, see
 * `app/private-message.ts`). Conversations live in this page only: they are never written to the
 * document, and they end when the page closes.
 */
export class PrivateMessageChannel {
  private readonly conversations = new Map<number, ConversationEntry[]>()
  private readonly listeners = new Set<(clientId: number, entry: ConversationEntry) => void>()

  constructor(private readonly provider: WebsocketProvider) {
    provider.messageHandlers[messagePrivate] = (_encoder, decoder) => {
      try {
        this.receive(readPrivateMessageFrame(decoder))
      } catch (error) {
        console.error('Ensemble: ignored a malformed private message from the relay', error)
      }
    }
  }

  /** This page's awareness client id: what others address it by. */
  get ownId(): number {
    return this.provider.awareness.clientID
  }

  /** The conversation with `clientId`, oldest first. */
  entriesWith(clientId: number): readonly ConversationEntry[] {
    return this.conversations.get(clientId) ?? []
  }

  /** Sends `text` to `clientId`; throws a `RangeError` that says why when it cannot be sent. */
  send(clientId: number, text: string): ConversationEntry {
    const problem = privateMessageTextProblem(text)
    if (problem !== null) throw new RangeError(problem)
    const socket = this.provider.ws
    if (!this.provider.wsconnected || socket === null || socket.readyState !== WebSocket.OPEN) {
      throw new RangeError(t('private.offline'))
    }
    const id = randomId()
    socket.send(encodePrivateMessage({ from: this.ownId, to: clientId, id, text }))
    const entry: ConversationEntry = { id, direction: 'out', text, at: Date.now(), status: 'sent' }
    this.add(clientId, entry)
    return entry
  }

  /** Calls `listener` for each new or changed entry; returns the unsubscribe function. */
  onEntry(listener: (clientId: number, entry: ConversationEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.listeners.clear()
    delete this.provider.messageHandlers[messagePrivate]
  }

  private receive(frame: PrivateMessageFrame): void {
    if (frame.kind === 'send') {
      // The relay delivers only what is addressed to this page; anything else is not ours to show.
      if (frame.message.to !== this.ownId) return
      this.add(frame.message.from, { id: frame.message.id, direction: 'in', text: frame.message.text, at: Date.now(), status: 'received' })
      return
    }
    const entries = this.conversations.get(frame.notice.to) ?? []
    const index = entries.findIndex((entry) => entry.id === frame.notice.id && entry.direction === 'out')
    if (index < 0) return
    const updated: ConversationEntry = { ...entries[index]!, status: 'undelivered', reason: frame.notice.reason }
    entries[index] = updated
    for (const listener of this.listeners) listener(frame.notice.to, updated)
  }

  private add(clientId: number, entry: ConversationEntry): void {
    const entries = this.conversations.get(clientId) ?? []
    entries.push(entry)
    this.conversations.set(clientId, entries)
    for (const listener of this.listeners) listener(clientId, entry)
  }
}

const randomId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(9)), (byte) => byte.toString(16).padStart(2, '0')).join('')
