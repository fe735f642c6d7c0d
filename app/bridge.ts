/**
 * The platform bridge: everything the editor needs from the platform it runs on, and nothing
 * more. In the desktop app the renderer's desktop bridge wraps the preload's `window.ensemble`
 * (`app/desktop-api.ts`, typed IPC to the main process); in a browser the web bridge uses the page
 * URL and localStorage. Editor code receives a `PlatformBridge` and never asks which one it has.
 *
 * Answers are promises, because over IPC every answer is asynchronous.
 */

import type { PresencePerson } from './ipc'
import type { UserProfile } from './profile'

/** Which document a window shows and where its relay is. */
export interface DocumentTarget {
  /** WebSocket URL of the relay without the document name, e.g. `ws://127.0.0.1:4455`. */
  readonly relayUrl: string
  /** A valid document name (`app/document-name.ts`). */
  readonly documentName: string
  /** Access token for the relay, sent as the `token` query parameter; absent for an open relay. */
  readonly token?: string
}

/** Someone in an open document, as the platform hears of them (the desktop's presence report). */
export type DocumentPerson = PresencePerson

/** The document a window shows, as the renderer describes it to the platform. */
export interface OpenedDocument {
  readonly documentName: string
  readonly relayUrl: string
  /** This window's awareness client id. */
  readonly localClientId: number
  /** Everyone in the document now, this user included. */
  people(): DocumentPerson[]
  /** Calls `listener` whenever `people()` may have changed; returns the unsubscribe function. */
  onPeopleChanged(listener: () => void): () => void
  /** Undo and redo this user's own changes (the desktop's Edit menu uses them). */
  undo(): void
  redo(): void
  /** Starts saving a named version (File › Save Version…): the history panel, at the name box. */
  saveVersion(): void
}

export interface PlatformBridge {
  /** The saved profile, or `null` before the user first chose a name. */
  loadProfile(): Promise<UserProfile | null>
  /** Saves the profile for future documents and sessions. */
  saveProfile(profile: UserProfile): Promise<void>
  /** The document this window should open, or `null` to show the start page. */
  currentDocument(): Promise<DocumentTarget | null>
  /** Shows document `name` (a valid document name) on the same relay, in this window. */
  openDocument(name: string): Promise<void>
  /** The window now shows `document`; returns what to call when it stops showing it. */
  documentOpened(document: OpenedDocument): () => void
}
