/**
 * The message contract between the main process and the relay process (the Electron
 * `utilityProcess` that runs `server/`). The same messages travel over a `MessagePortMain` in
 * Electron and over Node's IPC channel under Node (tests, headless hosts), so both hosts run
 * one implementation.
 */
import { z } from 'zod'
import type { AccessRole } from '../../app/access-token'

const RoleSchema = z.enum(['edit', 'suggest', 'view']) satisfies z.ZodType<AccessRole>

/** What the relay process needs to start. */
export const RelayLaunchConfigSchema = z.object({
  /** LevelDB folder (in the user-data folder), or `null` to keep documents in memory. */
  dataDir: z.string().min(1).nullable(),
  /** Port for the loopback listener; `0` picks a free one. A restart asks for the previous port again. */
  port: z.number().int().min(0).max(65535),
  /** Folder of the built web client served to LAN browser guests, or `null`. */
  webRoot: z.string().nullable(),
  /** How long an empty document stays in memory before it is written and dropped. */
  lingerMs: z.number().int().nonnegative().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
})
export type RelayLaunchConfig = z.input<typeof RelayLaunchConfigSchema>

/** The LAN policy while hosting: who gets in through the LAN listener. */
export const LanPolicySchema = z.object({
  /** HS256 key for invite tokens (its UTF-8 bytes), fresh for each session. */
  secret: z.string().min(32),
  access: z.enum(['network', 'link']),
  networkRole: RoleSchema
})
export type LanPolicy = z.infer<typeof LanPolicySchema>

/** The LAN listener's TLS identity (PEM): this installation's key and self-signed certificate. */
export const LanTlsSchema = z.object({ key: z.string().min(1), cert: z.string().min(1) })
export type LanTls = z.infer<typeof LanTlsSchema>

export const RelayCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), config: RelayLaunchConfigSchema }),
  /** Expose the relay on `host:port` (the LAN interfaces) under `policy`, over TLS with `tls`. */
  z.object({
    type: z.literal('host'),
    host: z.string().min(1),
    port: z.number().int().min(0).max(65535),
    policy: LanPolicySchema,
    tls: LanTlsSchema
  }),
  /** Keep exactly these local documents also on their hosted relays (`server/upstream/`). */
  z.object({
    type: z.literal('upstream'),
    links: z.array(z.object({ document: z.string().min(1), relayUrl: z.string().min(1), remoteDocument: z.string().min(1), token: z.string().optional() }))
  }),
  /** Close the LAN listener and every connection that came through it. */
  z.object({ type: z.literal('unhost') }),
  /** Stop gracefully: close connections, flush storage, then exit 0. */
  z.object({ type: z.literal('stop') })
])
export type RelayCommand = z.input<typeof RelayCommandSchema>

export const RelayProcessMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('listening'), url: z.string(), port: z.number().int() }),
  z.object({ type: z.literal('hosting'), port: z.number().int() }),
  z.object({ type: z.literal('unhosted') }),
  /** Number of documents in memory changed (for the mDNS TXT record). */
  z.object({ type: z.literal('documents'), count: z.number().int().nonnegative() }),
  z.object({ type: z.literal('error'), during: z.enum(['start', 'host', 'unhost', 'stop', 'command']), message: z.string() }),
  z.object({ type: z.literal('stopped') })
])
export type RelayProcessMessage = z.infer<typeof RelayProcessMessageSchema>

/** Either end of the contract: send a message, receive messages. */
export interface RelayChannel<In, Out> {
  postMessage(message: Out): void
  onMessage(listener: (message: In) => void): void
}

/** The relay process's side: receives commands, sends status messages. */
export type RelayProcessChannel = RelayChannel<unknown, RelayProcessMessage>

/** Exit code of a relay process that could not start (bad config, port in use, store locked). */
export const exitCodeStartFailed = 3
