/** mDNS/DNS-SD as `DiscoveryService` needs it; `bonjour-backend.ts` implements it with `bonjour-service`. */
export interface MdnsService {
  /** DNS-SD instance name. */
  readonly name: string
  readonly port: number
  /** Host name the service announced (e.g. `ana-laptop.local`). */
  readonly host: string
  /** Addresses from the A/AAAA records. */
  readonly addresses: readonly string[]
  /** Source address of the answer, when the backend knows it. */
  readonly refererAddress?: string
  readonly txt: unknown
}

export interface MdnsPublication {
  updateTxt(txt: Record<string, string>): void
  stop(): Promise<void>
}

export interface MdnsBrowser {
  stop(): void
}

export interface MdnsBackend {
  publish(service: { name: string; type: string; port: number; txt: Record<string, string> }): MdnsPublication
  /** `up` is called when a service appears and again whenever its records change; `down` when it leaves. */
  browse(type: string, handlers: { up(service: MdnsService): void; down(service: MdnsService): void }): MdnsBrowser
  destroy(): Promise<void>
}
