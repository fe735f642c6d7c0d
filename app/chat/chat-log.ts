import { uuidv4 } from 'lib0/random'
import type * as Y from 'yjs'
import { documentTypeNames } from '../document'
import type { UserProfile } from '../profile'
import { t } from '../i18n/translate'

/** A message of a document's chat. */
export interface ChatMessage {
  readonly id: string
  readonly author: UserProfile
  readonly text: string
  /** Milliseconds since the epoch, on the sender's clock. */
  readonly sentAt: number
}

/** Longest message `chatTextProblem` accepts, in characters. */
export const maxChatMessageLength = 2_000

/** Returns why `text` cannot be sent, or `null` when it can. */
export const chatTextProblem = (text: string): string | null => {
  const trimmed = text.trim()
  if (trimmed.length === 0) return t('chat.textEmpty')
  if (trimmed.length > maxChatMessageLength) return t('chat.textTooLong', { length: trimmed.length, limit: maxChatMessageLength })
  return null
}

/** Raised when a message cannot be sent; the message says why. */
export class ChatError extends Error {
  override name = 'ChatError'
}

/**
 * A document's chat, kept in the document (`chat`, a `Y.Array` of messages), so that whoever opens
 * the document later reads what was said, and messages sent offline arrive with the next sync.
 * Messages are never edited or removed. The order is the array's, the same on every copy; a message
 * sent at the same moment as another lands on either side of it, the same everywhere.
 */
export class ChatLog {
  private readonly log: Y.Array<unknown>

  constructor(private readonly doc: Y.Doc) {
    this.log = doc.getArray(documentTypeNames.chat)
  }

  /** Every well-formed message, in order. */
  messages(): ChatMessage[] {
    return this.log.toArray().filter(isMessage)
  }

  /** Sends `text` as `author`. Throws `ChatError` for text `chatTextProblem` refuses. */
  send(text: string, author: UserProfile, now: number, origin?: unknown): ChatMessage {
    const problem = chatTextProblem(text)
    if (problem !== null) throw new ChatError(t('chat.cannotSend', { problem }))
    const message: ChatMessage = { id: uuidv4(), author: { name: author.name, color: author.color }, text: text.trim(), sentAt: now }
    this.doc.transact(() => this.log.push([message]), origin)
    return message
  }

  /** Calls `listener` when messages arrive (from here or anyone); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    const observer = (): void => listener()
    this.log.observe(observer)
    return () => this.log.unobserve(observer)
  }
}

/**
 * How many of `messages` came after the one with id `lastReadId` from someone other than
 * `selfName`. With no `lastReadId` (never opened here) every message of someone else counts; so
 * does it when `lastReadId` is not among the messages.
 */
export const unreadCount = (messages: readonly ChatMessage[], lastReadId: string | null, selfName: string): number => {
  const readUpTo = lastReadId === null ? -1 : messages.findIndex((message) => message.id === lastReadId)
  return messages.slice(readUpTo + 1).filter((message) => message.author.name !== selfName).length
}

const isMessage = (value: unknown): value is ChatMessage => {
  if (typeof value !== 'object' || value === null) return false
  const { id, author, text, sentAt } = value as Partial<ChatMessage>
  return (
    typeof id === 'string' &&
    typeof text === 'string' &&
    typeof sentAt === 'number' &&
    typeof author === 'object' &&
    author !== null &&
    typeof author.name === 'string' &&
    typeof author.color === 'string'
  )
}
