import { uuidv4 } from 'lib0/random'
import * as Y from 'yjs'
import { documentTypeNames } from '../document'
import type { UserProfile } from '../profile'
import type { CommentAnchor } from './anchors'
import { t } from '../i18n/translate'

/** One message of a thread: the first one opens it, the others reply. */
export interface Comment {
  readonly id: string
  readonly author: UserProfile
  readonly text: string
  /** Milliseconds since the epoch, on the writer's clock. */
  readonly createdAt: number
}

/** A discussion about a range of the document. */
export interface CommentThread {
  readonly id: string
  readonly anchor: CommentAnchor
  /**
   * Where it was anchored before `moveAnchor`, newest first. When an undo brings the text back
   * where it was, the current anchor is orphaned and one of these finds the text again.
   */
  readonly formerAnchors: readonly CommentAnchor[]
  /** The text the thread was opened on, as it was then; shown when that text is gone. */
  readonly quote: string
  readonly createdAt: number
  readonly resolved: boolean
  /** Who last resolved or reopened it, and when; `null` while nobody has. */
  readonly statusChangedBy: string | null
  readonly statusChangedAt: number | null
  /** Oldest first; the first one opened the thread. */
  readonly comments: readonly Comment[]
}

/** Longest comment `commentTextProblem` accepts, in characters. */
export const maxCommentLength = 10_000
/** How many former anchors a thread keeps. */
export const maxFormerAnchors = 5
/** Longest quote kept with a thread; a longer selection is cut with an ellipsis. */
export const maxQuoteLength = 200

/** Returns why `text` cannot be a comment, or `null` when it can. */
export const commentTextProblem = (text: string): string | null => {
  const trimmed = text.trim()
  if (trimmed.length === 0) return t('comments.textEmpty')
  if (trimmed.length > maxCommentLength) return t('comments.textTooLong', { length: trimmed.length, limit: maxCommentLength })
  return null
}

/** Raised when a comment cannot be written; the message says why and what to do. */
export class CommentError extends Error {
  override name = 'CommentError'
}

export interface NewComment {
  readonly text: string
  readonly author: UserProfile
  readonly now: number
}

/**
 * A document's comment threads, kept in the document (`comments`: a `Y.Map` of threads by id,
 * each a `Y.Map` whose `comments` is a `Y.Array`). Living in the document, they reach everyone who
 * can read it, view-only readers included, and stay next to the text their anchors name. Writing
 * one is a write to the document, so only people who may edit can comment.
 *
 * Concurrent replies both land (array inserts); concurrent resolve and reopen settle on one
 * status, the same on every copy (last writer wins).
 */
export class CommentThreads {
  private readonly threads: Y.Map<Y.Map<unknown>>

  constructor(private readonly doc: Y.Doc) {
    this.threads = doc.getMap(documentTypeNames.comments)
  }

  /** Every well-formed thread, oldest first. */
  list(): CommentThread[] {
    const threads: CommentThread[] = []
    this.threads.forEach((entry, id) => {
      const thread = readThread(id, entry)
      if (thread !== null) threads.push(thread)
    })
    return threads.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  get(id: string): CommentThread | undefined {
    const entry = this.threads.get(id)
    return entry === undefined ? undefined : (readThread(id, entry) ?? undefined)
  }

  /** Opens a thread on `anchor` with its first comment. Throws `CommentError` for text `commentTextProblem` refuses. */
  start(anchor: CommentAnchor, quote: string, first: NewComment, origin?: unknown): CommentThread {
    const comment = checkedComment(first)
    const id = uuidv4()
    const entry = new Y.Map<unknown>()
    const comments = new Y.Array<Comment>()
    comments.push([comment])
    this.doc.transact(() => {
      entry.set('anchorStart', anchor.start)
      entry.set('anchorEnd', anchor.end)
      entry.set('quote', quote.length > maxQuoteLength ? `${quote.slice(0, maxQuoteLength - 1)}…` : quote)
      entry.set('createdAt', first.now)
      entry.set('resolved', false)
      entry.set('comments', comments)
      this.threads.set(id, entry)
    }, origin)
    return readThread(id, entry)!
  }

  /** Adds a reply to thread `threadId`. Throws `CommentError` when the thread is unknown or the text refused. */
  reply(threadId: string, reply: NewComment, origin?: unknown): Comment {
    const comment = checkedComment(reply)
    const comments = this.entry(threadId).get('comments')
    if (!(comments instanceof Y.Array)) throw new CommentError(`Cannot reply: thread ${threadId} has no list of comments.`)
    this.doc.transact(() => comments.push([comment]), origin)
    return comment
  }

  /** Marks thread `threadId` resolved (`true`) or open again (`false`). */
  setResolved(threadId: string, resolved: boolean, by: UserProfile, now: number, origin?: unknown): void {
    const entry = this.entry(threadId)
    this.doc.transact(() => {
      entry.set('resolved', resolved)
      entry.set('statusChangedBy', by.name)
      entry.set('statusChangedAt', now)
    }, origin)
  }

  /**
   * Moves thread `threadId` to `anchor`: its text was re-created elsewhere (y-prosemirror writes a
   * paragraph split or join as deleted and re-inserted text). The current anchor is kept among the
   * former ones.
   */
  moveAnchor(threadId: string, anchor: CommentAnchor, origin?: unknown): void {
    const entry = this.entry(threadId)
    const current = readThread(threadId, entry)
    this.doc.transact(() => {
      if (current !== null) {
        const former = [current.anchor, ...current.formerAnchors].slice(0, maxFormerAnchors)
        entry.set('formerAnchors', former.map(({ start, end }) => ({ start, end })))
      }
      entry.set('anchorStart', anchor.start)
      entry.set('anchorEnd', anchor.end)
    }, origin)
  }

  /** Calls `listener` when any thread changes (here or elsewhere); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    const observer = (): void => listener()
    this.threads.observeDeep(observer)
    return () => this.threads.unobserveDeep(observer)
  }

  private entry(threadId: string): Y.Map<unknown> {
    const entry = this.threads.get(threadId)
    if (!(entry instanceof Y.Map)) throw new CommentError(`There is no comment thread ${threadId} in this document; it may have been written by a newer version of Ensemble.`)
    return entry
  }
}

const checkedComment = ({ text, author, now }: NewComment): Comment => {
  const problem = commentTextProblem(text)
  if (problem !== null) throw new CommentError(t('comments.cannotPost', { problem }))
  return { id: uuidv4(), author: { name: author.name, color: author.color }, text: text.trim(), createdAt: now }
}

const readThread = (id: string, entry: unknown): CommentThread | null => {
  if (!(entry instanceof Y.Map)) return null
  const start: unknown = entry.get('anchorStart')
  const end: unknown = entry.get('anchorEnd')
  const quote: unknown = entry.get('quote')
  const createdAt: unknown = entry.get('createdAt')
  const list: unknown = entry.get('comments')
  if (!(start instanceof Uint8Array) || !(end instanceof Uint8Array) || typeof quote !== 'string' || typeof createdAt !== 'number') return null
  if (!(list instanceof Y.Array)) return null
  const comments = (list.toArray() as unknown[]).filter(isComment)
  if (comments.length === 0) return null
  const former: unknown = entry.get('formerAnchors')
  const by: unknown = entry.get('statusChangedBy')
  const at: unknown = entry.get('statusChangedAt')
  return {
    id,
    anchor: { start, end },
    formerAnchors: Array.isArray(former) ? former.filter(isAnchor) : [],
    quote,
    createdAt,
    resolved: entry.get('resolved') === true,
    statusChangedBy: typeof by === 'string' ? by : null,
    statusChangedAt: typeof at === 'number' ? at : null,
    comments
  }
}

const isAnchor = (value: unknown): value is CommentAnchor =>
  typeof value === 'object' && value !== null && (value as CommentAnchor).start instanceof Uint8Array && (value as CommentAnchor).end instanceof Uint8Array

const isComment = (value: unknown): value is Comment => {
  if (typeof value !== 'object' || value === null) return false
  const { id, author, text, createdAt } = value as Partial<Comment>
  return (
    typeof id === 'string' &&
    typeof text === 'string' &&
    typeof createdAt === 'number' &&
    typeof author === 'object' &&
    author !== null &&
    typeof author.name === 'string' &&
    typeof author.color === 'string'
  )
}
