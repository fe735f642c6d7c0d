/**
 * The platform bridge: everything the renderer needs from the platform it runs on, and nothing
 * more. In the desktop app the preload script exposes an implementation through `contextBridge`
 * under `window[platformBridgeGlobal]` (its methods go over typed IPC to the main process); in a
 * browser the renderer uses its web bridge (localStorage and the page URL). Editor code receives a
 * `PlatformBridge` and never asks which one it has.
 *
 * Every method returns a promise, because over IPC every answer is asynchronous.
 */

import type { UserProfile } from './profile'

/** The name of the global under which the Electron preload exposes its bridge. */
export const platformBridgeGlobal = 'ensembleBridge'

/** Which document a window shows and where its relay is. */
export interface DocumentTarget {
  /** WebSocket URL of the relay without the document name, e.g. `ws://127.0.0.1:4455`. */
  readonly relayUrl: string
  /** A valid document name (`app/document-name.ts`). */
  readonly documentName: string
  /** Access token for the relay, sent as the `token` query parameter; absent for an open relay. */
  readonly token?: string
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
}
