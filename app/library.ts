/**
 * The user's library, shown on the home screen: the documents opened recently and the hosted
 * relays remembered for next time. The desktop keeps it in `library.json` in the user-data folder
 * (`main/library/`), behind the IPC door; a browser keeps it in localStorage
 * (`renderer/platform/web-library.ts`). Both store this shape, validate it with these schemas and
 * change it only through the functions below, so that both behave alike.
 */
// zod/mini: the same checks as zod, at a fraction of its size in the web client's bundle.
import en from 'zod/v4/locales/en.js'
import * as z from 'zod/mini'
import { documentNameProblem } from './document-name'
import { InviteLinkError, isCertificateFingerprint, parseRelayAddress } from './invite-link'

// zod/mini comes without messages ("Invalid input"); the English ones say what was wrong. Full
// zod, where the main process also loads it, configures the same ones.
z.config(en())

/** The library keeps this many recent documents, newest first; older ones drop off. */
export const maxRecentDocuments = 30
/** The library keeps this many remembered relays, most recently used first. */
export const maxRememberedRelays = 20

/** A check that fails with the message `problem` returns for the value, when it returns one. */
const checkedBy = (problem: (value: string) => string | null) =>
  z.superRefine<string>((value, context) => {
    const message = problem(value)
    if (message !== null) context.addIssue({ code: 'custom', message, input: value })
  })

const DocumentNameSchema = z.string().check(checkedBy(documentNameProblem))

/** Why `url` is not a relay origin `ws(s)://host[:port]`, or `null` when it is one. */
export const relayUrlProblem = (url: string): string | null => {
  if (!/^wss?:\/\//.test(url)) return `"${url}" is not a ws:// or wss:// URL`
  try {
    return parseRelayAddress(url) === url ? null : `"${url}" must be only ws(s)://host[:port], without a path or trailing slash`
  } catch (error) {
    if (error instanceof InviteLinkError) return error.message
    throw error
  }
}

const RelayUrlSchema = z.string().check(z.maxLength(300), checkedBy(relayUrlProblem))

/** Access tokens are opaque here (the relay checks them); they travel in URLs, so no spaces. */
const TokenSchema = z
  .string()
  .check(
    z.minLength(1, 'the token is empty'),
    z.maxLength(4096, 'the token is longer than 4096 characters'),
    z.regex(/^[\x21-\x7e]+$/, 'the token may hold only printable characters without spaces')
  )

/**
 * A document to open. Without `relayUrl` it is a local document: on the desktop it lives in the
 * embedded relay (whose port may change between runs), in a browser on the relay that served the page.
 */
/** A LAN host's certificate fingerprint, as invites carry it (`sha256/BASE64`). */
const FingerprintSchema = z.string().check(checkedBy((value) => (isCertificateFingerprint(value) ? null : `"${value}" is not a certificate fingerprint (sha256/ and 44 base64 characters)`)))

export const DocumentAddressSchema = z.strictObject({
  documentName: DocumentNameSchema,
  relayUrl: z.optional(RelayUrlSchema),
  token: z.optional(TokenSchema),
  /** The certificate a LAN host's relay must present (its invite's `fp`). */
  fingerprint: z.optional(FingerprintSchema),
  /** Where the session continues if its LAN host leaves (its invite's `also`), and a token there. */
  also: z.optional(RelayUrlSchema),
  alsoToken: z.optional(TokenSchema)
})
export type DocumentAddress = z.infer<typeof DocumentAddressSchema>

/** Which recent document to forget: its name and relay, as recorded. */
export const DocumentKeySchema = z.omit(DocumentAddressSchema, { token: true, fingerprint: true, also: true, alsoToken: true })
export type DocumentKey = z.infer<typeof DocumentKeySchema>

/** A hosted relay to remember, with the token to use there. */
export const RelayEntrySchema = z.strictObject({ url: RelayUrlSchema, token: z.optional(TokenSchema) })
export type RelayEntry = z.infer<typeof RelayEntrySchema>
/** Which remembered relay to forget: its URL. */
export const RelayKeySchema = z.pick(RelayEntrySchema, { url: true })

const TimeSchema = z.number().check(z.int(), z.nonnegative())
export const RecentDocumentSchema = z.extend(DocumentAddressSchema, { openedAt: TimeSchema })
export type RecentDocument = z.infer<typeof RecentDocumentSchema>
export const RememberedRelaySchema = z.extend(RelayEntrySchema, { usedAt: TimeSchema })
export type RememberedRelay = z.infer<typeof RememberedRelaySchema>

export const LibrarySchema = z.object({
  documents: z.array(RecentDocumentSchema).check(z.maxLength(maxRecentDocuments)),
  relays: z.array(RememberedRelaySchema).check(z.maxLength(maxRememberedRelays))
})
export type Library = z.infer<typeof LibrarySchema>

export const emptyLibrary: Library = { documents: [], relays: [] }

/** Whether `a` and `b` name the same document (same name on the same relay, or both local). */
export const sameDocument = (a: DocumentKey, b: DocumentKey): boolean =>
  a.documentName === b.documentName && (a.relayUrl ?? null) === (b.relayUrl ?? null)

/**
 * What to record for a document a window shows: local documents without their relay (its port may
 * change), others with the relay's canonical origin (`ws://HOST:1` becomes `ws://host:1`).
 */
export const addressToRecord = (shown: {
  readonly documentName: string
  readonly relayUrl: string
  readonly token?: string
  readonly fingerprint?: string
  readonly also?: string
  readonly alsoToken?: string
  readonly local?: boolean
}): DocumentAddress => ({
  documentName: shown.documentName,
  ...(shown.local === true ? {} : { relayUrl: parseRelayAddress(shown.relayUrl) }),
  ...(shown.token === undefined ? {} : { token: shown.token }),
  ...(shown.local === true || shown.fingerprint === undefined ? {} : { fingerprint: shown.fingerprint }),
  ...(shown.local === true || shown.also === undefined ? {} : { also: shown.also }),
  ...(shown.local === true || shown.alsoToken === undefined ? {} : { alsoToken: shown.alsoToken })
})

/** `library` with `address` first among the recent documents, opened at `now`. */
export const recordDocument = (library: Library, address: DocumentAddress, now: number): Library => ({
  ...library,
  documents: [{ ...address, openedAt: now }, ...library.documents.filter((entry) => !sameDocument(entry, address))].slice(0, maxRecentDocuments)
})

export const forgetDocument = (library: Library, key: DocumentKey): Library => ({
  ...library,
  documents: library.documents.filter((entry) => !sameDocument(entry, key))
})

/** `library` with `relay` first among the remembered relays; its token replaces an older one. */
export const rememberRelay = (library: Library, relay: RelayEntry, now: number): Library => ({
  ...library,
  relays: [{ ...relay, usedAt: now }, ...library.relays.filter((entry) => entry.url !== relay.url)].slice(0, maxRememberedRelays)
})

export const forgetRelay = (library: Library, url: string): Library => ({
  ...library,
  relays: library.relays.filter((entry) => entry.url !== url)
})

/** Reads a stored library; the problem names the first bad field when it is not one. */
export const parseLibrary = (value: unknown): { library: Library } | { problem: string } => {
  const parsed = LibrarySchema.safeParse(value)
  if (parsed.success) return { library: parsed.data }
  const issue = parsed.error.issues[0]
  return { problem: issue === undefined ? 'not a library' : `${issue.path.join('.') || 'library'}: ${issue.message}` }
}
