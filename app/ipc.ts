/**
 * The IPC contract between the desktop renderer and the main process: channel names, payload
 * schemas and types. The main process validates every request against these schemas (and its
 * sender frame) before acting on it; see `desktop-api.ts` for the object the preload exposes.
 *
 * Requests go renderer → main through `ipcRenderer.invoke` and resolve with the response type;
 * events go main → renderer through `webContents.send`.
 */
import { z } from 'zod'
import type { AccessRole } from './access-token'
import { documentNameProblem } from './document-name'
import type { EventChannel, MenuCommand, RequestChannel } from './ipc-channels'
import { DocumentAddressSchema, DocumentKeySchema, RelayEntrySchema, RelayKeySchema, type Library } from './library'
import { LanguageChoiceSchema, SettingsPatchSchema, type Settings } from './settings'

export * from './ipc-channels'

const DocumentNameSchema = z.string().superRefine((name, context) => {
  const problem = documentNameProblem(name)
  if (problem !== null) context.addIssue({ code: 'custom', message: problem })
})
const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb')
const RoleSchema = z.enum(['edit', 'suggest', 'view']) satisfies z.ZodType<AccessRole>

/** One person in a document, as the window's awareness reports them. */
export const PresencePersonSchema = z.object({
  clientId: z.number().int().nonnegative(),
  name: z.string().trim().min(1).max(64),
  color: ColorSchema
})
export type PresencePerson = z.infer<typeof PresencePersonSchema>

/** A window's view of who is in its document (sent on every awareness change; main debounces). */
export const PresenceReportSchema = z.object({
  documentName: DocumentNameSchema,
  /** The WebSocket URL of the relay the document lives on. */
  relay: z.string().max(300),
  /** This window's own awareness client id, so it is not announced to itself. */
  localClientId: z.number().int().nonnegative(),
  people: z.array(PresencePersonSchema).max(500)
})
export type PresenceReport = z.infer<typeof PresenceReportSchema>

/** Who is in which open document, across every window. */
export interface PresenceSnapshot {
  readonly documents: ReadonlyArray<{
    readonly documentName: string
    readonly relay: string
    /** Everyone but the local user, by name; one entry per name even if they have several tabs. */
    readonly people: ReadonlyArray<{ readonly name: string; readonly color: string }>
  }>
}

export const HostRequestSchema = z.object({
  /** Shown to others browsing the LAN. */
  sessionName: z.string().trim().min(1, 'the session name is empty').max(63, 'session names are at most 63 characters (a DNS-SD limit)'),
  /** `network`: advertised by mDNS and open to anyone on the LAN; `link`: not advertised, a signed link is needed. */
  access: z.enum(['network', 'link']),
  /** The role of people who join without a link in `network` mode. */
  networkRole: RoleSchema.default('edit')
})
export type HostRequest = z.input<typeof HostRequestSchema>

export type HostingState =
  | { readonly state: 'off' }
  | { readonly state: 'starting'; readonly sessionName: string }
  | {
      readonly state: 'hosting'
      readonly sessionName: string
      readonly access: 'network' | 'link'
      readonly networkRole: AccessRole
      readonly port: number
      /** `wss://ADDRESS:PORT` for each LAN interface. */
      readonly relays: readonly string[]
      /** The certificate's fingerprint (`sha256/BASE64`), in invites and the mDNS advert. */
      readonly fingerprint: string
    }
  | { readonly state: 'failed'; readonly reason: string }

export const InviteRequestSchema = z.object({
  documentName: DocumentNameSchema,
  role: RoleSchema,
  /** Lifetime of the token; default one day, at most 30 days. */
  ttlSeconds: z.number().int().min(60).max(30 * 24 * 3600).default(24 * 3600),
  /**
   * Where guests continue if the host leaves, and a token there, for the invite's `also=` and
   * `alsoToken=`: the host's own link of the document to a hosted relay, handed out by choice.
   */
  also: z.string().max(300).regex(/^wss?:\/\/[^/?#\s]+$/, 'the relay address is ws(s)://host[:port], without a path').optional(),
  alsoToken: z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'the token may hold only printable characters without spaces').optional()
})
export type InviteRequest = z.input<typeof InviteRequestSchema>

export interface CreatedInvite {
  /** `ensemble://join?…` for desktop guests. */
  readonly link: string
  /** `http://…/?doc=…#token=…` for browser guests. */
  readonly webUrl: string
  readonly role: AccessRole
  /** When the token stops working, ms since the epoch. */
  readonly expiresAt: number
}

/** A session found on the LAN by mDNS. */
export interface DiscoveredSession {
  /** Stable while the session is advertised (its DNS-SD instance name). */
  readonly id: string
  readonly sessionName: string
  readonly hostName: string
  readonly documentCount: number
  /** `wss://ADDRESS:PORT` to connect to (`ws://` for a host of an older version). */
  readonly relay: string
  /** The session's certificate fingerprint, which the desktop app pins for that address. */
  readonly fingerprint?: string
}

export type RelayStatus =
  | { readonly state: 'starting'; readonly attempt: number }
  | { readonly state: 'listening'; readonly url: string; readonly port: number }
  | { readonly state: 'crashed'; readonly exitCode: number | null; readonly reason: string }
  | { readonly state: 'restarting'; readonly attempt: number; readonly delayMs: number }
  | { readonly state: 'stopped'; readonly reason?: string }

/** A join request from outside the renderer: an `ensemble://` link opened by the system or a menu. */
export interface JoinRequest {
  readonly relay: string
  readonly doc: string
  readonly token?: string
  /** The certificate the LAN host must present (the link's `fp`). */
  readonly fingerprint?: string
  /** Where the session continues if the host leaves (the link's `also`), and a token there (`alsoToken`). */
  readonly also?: string
  readonly alsoToken?: string
}

/** Asks the main process to print the sender's window to a PDF file the user picks. */
export const PdfExportRequestSchema = z.object({
  /** Names the suggested file (its last `/` segment); the page itself is what gets printed. */
  documentName: DocumentNameSchema
})
export type PdfExportRequest = z.infer<typeof PdfExportRequestSchema>

/** A file the user picked in the File menu's Import dialog, read by the main process, for the renderer to import. */
export interface FileToImport {
  /** The file's name without its folder, e.g. `notes.md`; its extension says the format. */
  readonly fileName: string
  readonly text: string
}

/** Where a local document is also kept: a document on a hosted relay (`server/upstream/`). */
export const UpstreamLinkSchema = z.object({
  /** The local document (on the embedded relay). */
  document: DocumentNameSchema,
  /** The hosted relay, `ws(s)://host[:port]`. */
  relayUrl: z.string().max(300).regex(/^wss?:\/\/[^/?#\s]+$/, 'the relay address is ws(s)://host[:port], without a path'),
  /** The document's name there. */
  remoteDocument: DocumentNameSchema,
  /** An access token for it, when that relay asks for one. */
  token: z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'the token may hold only printable characters without spaces').optional()
})
export type UpstreamLink = z.infer<typeof UpstreamLinkSchema>

/** Where the app's own updates stand (`main/updates/update-service.ts`); Settings shows it. */
export type UpdateStatus =
  | { readonly state: 'idle'; readonly currentVersion: string }
  | { readonly state: 'checking'; readonly currentVersion: string }
  | { readonly state: 'up-to-date'; readonly currentVersion: string; readonly checkedAt: number }
  /** A newer version was found and is downloading in the background. */
  | { readonly state: 'downloading'; readonly currentVersion: string; readonly version: string; readonly percent: number }
  /** Downloaded: installs on the next quit, or now from Settings. */
  | { readonly state: 'ready'; readonly currentVersion: string; readonly version: string }
  | { readonly state: 'failed'; readonly currentVersion: string; readonly reason: string }
  | { readonly state: 'unsupported'; readonly currentVersion: string; readonly reason: string }

/** Where the PDF was written, or that the user cancelled the save dialog. */
export type PdfExportResponse = { readonly outcome: 'saved'; readonly path: string } | { readonly outcome: 'cancelled' }

const none = z.undefined()

/** Renderer → main requests: each channel's payload schema. */
export const requestSchemas = {
  'relay:get-status': none,
  'settings:get': none,
  'settings:update': SettingsPatchSchema,
  'settings:set-language': z.object({ language: LanguageChoiceSchema }).strict(),
  'presence:report': PresenceReportSchema,
  'presence:get': none,
  'session:get-state': none,
  'session:host': HostRequestSchema,
  'session:stop': none,
  'session:create-invite': InviteRequestSchema,
  'discovery:browse': none,
  'discovery:stop-browsing': none,
  'discovery:check-address': z.object({ address: z.string().max(300) }),
  'window:set-document': z.object({ documentName: DocumentNameSchema.nullable() }),
  'shell:open-external': z.object({ url: z.string().max(2048) }),
  'join:take-pending': none,
  'transfer:export-pdf': PdfExportRequestSchema,
  'library:get': none,
  'library:record-document': DocumentAddressSchema,
  'library:forget-document': DocumentKeySchema,
  'library:remember-relay': RelayEntrySchema,
  'library:forget-relay': RelayKeySchema,
  'updates:get-status': none,
  'updates:check': none,
  'updates:install': none,
  'security:check-certificate': z.object({
    relay: z.string().max(300).regex(/^wss:\/\//, 'only wss:// relays have certificates'),
    fingerprint: z.string().regex(/^sha256\/[A-Za-z0-9+/]{43}=$/, 'a fingerprint is sha256/ and 44 base64 characters')
  }),
  'upstream:get': none,
  'upstream:link': UpstreamLinkSchema,
  'upstream:unlink': z.object({ document: DocumentNameSchema })
  // The core type, which zod and zod/mini schemas (app/library.ts) share.
} as const satisfies Record<RequestChannel, z.core.$ZodType>
export type RequestPayload<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>
/** A request payload after validation (defaults applied). */
export type ValidRequestPayload<C extends RequestChannel> = z.output<(typeof requestSchemas)[C]>

/** What each request resolves with. */
export interface ResponsePayloads {
  'relay:get-status': RelayStatus
  'settings:get': Settings
  'settings:update': Settings
  /** The settings after storing the language chosen in Settings (main rebuilds its menus in it). */
  'settings:set-language': Settings
  'presence:report': void
  'presence:get': PresenceSnapshot
  'session:get-state': HostingState
  'session:host': HostingState
  'session:stop': HostingState
  'session:create-invite': CreatedInvite
  'discovery:browse': readonly DiscoveredSession[]
  'discovery:stop-browsing': void
  /** The relay's WebSocket origin once `/healthz` answered there. */
  'discovery:check-address': { readonly relay: string }
  'window:set-document': void
  'shell:open-external': void
  'join:take-pending': JoinRequest | null
  'transfer:export-pdf': PdfExportResponse
  /** The library after the request: recent documents and remembered relays (`library.ts`). */
  'library:get': Library
  'library:record-document': Library
  'library:forget-document': Library
  'library:remember-relay': Library
  'library:forget-relay': Library
  'updates:get-status': UpdateStatus
  'updates:check': UpdateStatus
  'updates:install': void
  /** `null` when the relay presented the expected certificate (it is then accepted from that host), else why not. */
  'security:check-certificate': { readonly problem: string | null }
  /** Every local document kept on a hosted relay too. */
  'upstream:get': readonly UpstreamLink[]
  'upstream:link': readonly UpstreamLink[]
  'upstream:unlink': readonly UpstreamLink[]
}

/** Main → renderer events and their payloads. */
export interface EventPayloads {
  'relay:status': RelayStatus
  'settings:changed': Settings
  'presence:changed': PresenceSnapshot
  'session:changed': HostingState
  'discovery:changed': readonly DiscoveredSession[]
  'join:requested': JoinRequest
  'menu:command': MenuCommand
  'transfer:import-file': FileToImport
  'library:changed': Library
  'updates:status': UpdateStatus
  'upstream:changed': readonly UpstreamLink[]
}

/** Fails to compile when `EventPayloads` and `eventChannels` name different channels. */
type SameKeys<A, K> = [Exclude<keyof A, K>, Exclude<K, keyof A>] extends [never, never] ? true : false
export const eventPayloadsMatchChannels: SameKeys<EventPayloads, EventChannel> = true
export const responsesMatchChannels: SameKeys<ResponsePayloads, RequestChannel> = true

/** A request whose payload did not match its channel's schema. */
export class IpcPayloadError extends Error {
  override name = 'IpcPayloadError'
}

/** Validates `payload` for `channel`; throws `IpcPayloadError` naming the channel and every problem. */
export const parseRequest = <C extends RequestChannel>(channel: C, payload: unknown): ValidRequestPayload<C> => {
  const result = z.safeParse(requestSchemas[channel] as z.core.$ZodType, payload)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    throw new IpcPayloadError(`invalid payload for ${channel}: ${problems.join('; ')}`)
  }
  return result.data as ValidRequestPayload<C>
}
