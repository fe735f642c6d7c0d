/**
 * The platform bridge: everything the editor needs from the platform it runs on, and nothing
 * more. In the desktop app the renderer's desktop bridge wraps the preload's `window.ensemble`
 * (`app/desktop-api.ts`, typed IPC to the main process); in a browser the web bridge uses the page
 * URL and localStorage. Editor code receives a `PlatformBridge` and never asks which one it has.
 *
 * Answers are promises, because over IPC every answer is asynchronous.
 */

import type { CreatedInvite, DiscoveredSession, FileToImport, HostingState, HostRequest, InviteRequest, MenuCommand, PresencePerson, UpdateStatus, UpstreamLink } from './ipc'
import type { LanguageChoice } from './i18n/languages'
import type { DocumentAddress, DocumentKey, Library, RelayEntry } from './library'
import type { UserProfile } from './profile'

export type { DocumentAddress }

/** Which document a window shows and where its relay is. */
export interface DocumentTarget {
  /** WebSocket URL of the relay without the document name, e.g. `ws://127.0.0.1:4455`. */
  readonly relayUrl: string
  /** A valid document name (`app/document-name.ts`). */
  readonly documentName: string
  /** Access token for the relay, sent as the `token` query parameter; absent for an open relay. */
  readonly token?: string
  /** The certificate a LAN host's relay presents (an invite's `fp`); the desktop checks it before connecting. */
  readonly fingerprint?: string
  /** The relay the session continues on if its host leaves (an invite's `also`), and a token for it (`alsoToken`). */
  readonly also?: string
  readonly alsoToken?: string
  /**
   * Whether the document lives on the platform's own relay: the embedded relay on the desktop (so a
   * LAN session can share it), the relay that served the page in a browser.
   */
  readonly local?: boolean
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
  /** Opens the editor's find bar (Edit › Find…), with the replace row when `replacing` (Edit › Find and Replace…). */
  find(replacing: boolean): void
}

/** Export commands a platform may issue itself (the desktop's File menu). */
export type TransferCommand = 'export-md' | 'export-html' | 'export-txt' | 'export-pdf'

/** How a PDF export ended: written to `path`, handed to the browser's print dialog, or cancelled. */
export type PdfExportResult = { readonly outcome: 'saved'; readonly path: string } | { readonly outcome: 'printing' } | { readonly outcome: 'cancelled' }

/** The platform's part of import and export; the conversions themselves run in the renderer. */
export interface TransferBridge {
  /**
   * Turns the page into a PDF: Electron's `printToPDF` and a save dialog on the desktop (the page's
   * print stylesheet applies), the browser's print dialog (where "Save as PDF" is one choice) on the web.
   */
  exportPdf(documentName: string): Promise<PdfExportResult>
  /** Calls `listener` for export commands from outside the page; returns the unsubscribe function. */
  onCommand(listener: (command: TransferCommand) => void): () => void
  /** Calls `listener` with each file the platform picked for import (the desktop's File menu); returns the unsubscribe function. */
  onFileToImport(listener: (file: FileToImport) => void): () => void
}

/** The home screen's recent documents and remembered relays (`library.ts`). */
export interface LibraryBridge {
  get(): Promise<Library>
  /** Puts the document this window just opened first among the recent ones. */
  recordOpened(target: DocumentTarget): Promise<Library>
  forgetDocument(key: DocumentKey): Promise<Library>
  rememberRelay(relay: RelayEntry): Promise<Library>
  forgetRelay(url: string): Promise<Library>
  /** Calls `listener` after every change, also those made in other windows or tabs. */
  onChanged(listener: (library: Library) => void): () => void
}

/** Hosting a LAN session from this computer's relay: a desktop feature. */
export interface HostingBridge {
  /** Why this platform cannot host, as a sentence for the user; `null` when it can. */
  readonly unavailableReason: string | null
  getState(): Promise<HostingState>
  host(request: HostRequest): Promise<HostingState>
  stop(): Promise<HostingState>
  /** Signed invite link and web URL for a local document; needs a running session. */
  createInvite(request: InviteRequest): Promise<CreatedInvite>
  onChanged(listener: (state: HostingState) => void): () => void
  /** The TCP port a LAN session listens on (a setting). */
  getLanPort(): Promise<number>
  setLanPort(port: number): Promise<void>
}

/** Finding sessions on the LAN, and the typed-address fallback. */
export interface DiscoveryBridge {
  /** Why this platform cannot list LAN sessions, as a sentence for the user; `null` when it can. */
  readonly unavailableReason: string | null
  /** Lists sessions now and on every change until the returned function is called. */
  browse(listener: { sessions(sessions: readonly DiscoveredSession[]): void; problem(message: string): void }): () => void
  /** Checks that a relay answers at a typed address (`192.168.1.20`, `host:4455`, `wss://…`); resolves with its WebSocket origin. */
  checkAddress(address: string): Promise<string>
}

/** Menu commands the open document carries out itself (`OpenedDocument`), never the screen. */
export const documentMenuCommands = ['undo', 'redo', 'save-version', 'find', 'find-replace'] as const
export type DocumentMenuCommand = (typeof documentMenuCommands)[number]

/** Something the platform asks the page to do: a native menu item, or an `ensemble://` link to join. */
export type PlatformCommand =
  | { readonly kind: 'menu'; readonly command: Exclude<MenuCommand, DocumentMenuCommand> }
  | { readonly kind: 'join'; readonly address: DocumentAddress & { readonly relayUrl: string } }

export interface PlatformBridge {
  /** The saved profile, or `null` before the user first chose a name. */
  loadProfile(): Promise<UserProfile | null>
  /** Saves the profile for future documents and sessions. */
  saveProfile(profile: UserProfile): Promise<void>
  /**
   * Tells the platform the language chosen in Settings (the page itself keeps it in localStorage):
   * the desktop app rebuilds its menus and native dialogs in it; a browser has nothing to tell.
   */
  saveLanguageChoice(choice: LanguageChoice): Promise<void>
  /** The document this window should open, or `null` to show the start page. */
  currentDocument(): Promise<DocumentTarget | null>
  /** Shows document `name` (a valid document name) on the same relay, in this window. */
  openDocument(name: string): Promise<void>
  /** The window now shows `document`; returns what to call when it stops showing it. */
  documentOpened(document: OpenedDocument): () => void
  readonly transfer: TransferBridge
  /** Calls `listener` whenever the profile changes: saved in this window, or in another one. */
  onProfileChanged(listener: (profile: UserProfile) => void): () => void
  /** Shows a document on any relay in this window; without `relayUrl`, on the platform's own relay. */
  open(address: DocumentAddress): Promise<void>
  /** Shows the home screen in this window. */
  openHome(): Promise<void>
  /** The WebSocket URL of the platform's own relay: the embedded relay on the desktop, the page's relay in a browser. */
  ownRelayUrl(): Promise<string>
  /** The window now shows the home screen; returns what to call when it stops showing it. */
  homeOpened(): () => void
  /** Commands from outside the page (native menus, `ensemble://` links); a browser sends none. */
  onCommand(listener: (command: PlatformCommand) => void): () => void
  readonly library: LibraryBridge
  readonly hosting: HostingBridge
  readonly discovery: DiscoveryBridge
  /** The desktop app's own updates; `null` in a browser, which loads the relay's current web client. */
  readonly updates: UpdatesBridge | null
  /** Keeping local documents also on a hosted relay; `null` in a browser (its documents are on a relay already). */
  readonly upstream: UpstreamBridge | null
  /**
   * The desktop app's embedded relay, where a guest's session can continue on this computer when
   * its LAN host leaves; `null` in a browser.
   */
  readonly embeddedRelay: { url(): Promise<string> } | null
}

/** Local documents also kept on a hosted relay (relay-to-relay sync, both ways). */
export interface UpstreamBridge {
  get(): Promise<readonly UpstreamLink[]>
  link(link: UpstreamLink): Promise<readonly UpstreamLink[]>
  unlink(document: string): Promise<readonly UpstreamLink[]>
  onChanged(listener: (links: readonly UpstreamLink[]) => void): () => void
}

/** Checking for, and installing, new versions of the desktop app. */
export interface UpdatesBridge {
  getStatus(): Promise<UpdateStatus>
  check(): Promise<UpdateStatus>
  install(): Promise<void>
  onStatus(listener: (status: UpdateStatus) => void): () => void
}
