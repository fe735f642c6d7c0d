import * as Y from 'yjs'

/**
 * Where a document's content lives inside its Y.Doc. Every client (desktop renderer, web client,
 * exporters) binds ProseMirror to this one `Y.XmlFragment`; renaming it would hide existing content.
 */
export const documentFragmentName = 'prosemirror'

/**
 * The other shared types of a document, next to its content. Each belongs to one model in
 * `app/history/`, `app/comments/` or `app/chat/`; like the fragment's, these names are part of
 * the stored format and are never renamed.
 */
export const documentTypeNames = {
  /** `Y.Array` of version records (`app/history/versions.ts`). */
  versions: 'versions',
  /** `Y.Map` of `PermanentUserData`: which client ids and deletions belong to whom. */
  authors: 'authors',
  /** `Y.Map` from author name to colour, for history's highlights (`app/history/authors.ts`). */
  authorColors: 'author-colors',
  /** `Y.Map` of comment threads by id (`app/comments/threads.ts`). */
  comments: 'comments',
  /** `Y.Array` of chat messages (`app/chat/chat-log.ts`). */
  chat: 'chat',
  /** `Y.Map` of facts about the document, such as its `title` (`app/document-title.ts`). */
  meta: 'meta',
  /** `Y.Map` of facts about the live session, such as where it continues (`app/session-continuation.ts`). */
  session: 'session'
} as const

/**
 * Every document keeps its history, so garbage collection is off wherever a document's Y.Doc is
 * built: in the renderer, in the relay's rooms and in storage compaction. Version history renders
 * deleted text from Yjs snapshots, and a collector would replace that text with placeholders the
 * moment it is deleted; one copy with collection on (a relay, a compaction) is enough to lose it
 * for everyone who loads from that copy. README.md ("Version history") gives what this costs.
 */
export const documentDocOptions = { gc: false } as const

/** A Y.Doc for an Ensemble document (garbage collection off; see `documentDocOptions`). */
export const createDocumentDoc = (): Y.Doc => new Y.Doc(documentDocOptions)
