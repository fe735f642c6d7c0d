import type { Logger } from 'pino'
import type { CreatedInvite, HostingState, ValidRequestPayload } from '../../app/ipc'
import { formatInviteLink, formatWebUrl } from '../../app/invite-link'
import type { IDiscoveryService } from '../discovery/discovery-service'
import { Emitter, type Disposable, type Event } from '../common/event'
import type { IRelayHostService } from '../relay-host/relay-host-service'
import { createSessionSecret, mintSessionToken } from './session-token'
import type { TlsIdentity } from './tls-identity'

export type ValidHostRequest = ValidRequestPayload<'session:host'>
export type ValidInviteRequest = ValidRequestPayload<'session:create-invite'>

/** Hosting a LAN session from the embedded relay: on, off, and the invites it hands out. */
export interface ILanSessionService extends Disposable {
  readonly state: HostingState
  readonly onDidChangeState: Event<HostingState>
  host(request: ValidHostRequest): Promise<HostingState>
  stop(): Promise<HostingState>
  createInvite(request: ValidInviteRequest): Promise<CreatedInvite>
}

export interface LanSessionDependencies {
  readonly relay: Pick<IRelayHostService, 'host' | 'unhost' | 'onDidChangeDocumentCount'>
  readonly discovery: Pick<IDiscoveryService, 'advertise' | 'withdraw' | 'updateDocumentCount'>
  /** The LAN port from the settings. */
  readonly lanPort: () => number
  /** Addresses LAN guests can reach, best first (`lanAddresses()`). */
  readonly addresses: () => string[]
  /** This machine's name, shown to people browsing the LAN. */
  readonly hostName: string
  readonly logger: Logger
  /** Interface the LAN listener binds; every IPv4 interface by default. */
  readonly bindHost?: string
  /** This installation's TLS identity for LAN sessions (`loadOrCreateTlsIdentity`). */
  readonly tlsIdentity: () => Promise<TlsIdentity>
}

/**
 * "Host on LAN": opens the relay's LAN listener over TLS with this installation's certificate and
 * a fresh secret (so links of an earlier session stop working), advertises the session by mDNS
 * with the certificate's fingerprint when anyone on the network may join, and mints invite links
 * that carry the fingerprint and tokens with the edit or view role. "Stop hosting" closes the listener, which
 * cuts every LAN guest, and withdraws the advertisement.
 */
export class LanSessionService implements ILanSessionService {
  private readonly stateEmitter = new Emitter<HostingState>()
  readonly onDidChangeState = this.stateEmitter.event
  private current: HostingState = { state: 'off' }
  private secret: string | null = null
  private documentCount = 0
  private readonly documentsSubscription: Disposable

  constructor(private readonly deps: LanSessionDependencies) {
    this.documentsSubscription = deps.relay.onDidChangeDocumentCount((count) => {
      this.documentCount = count
      if (this.current.state === 'hosting') deps.discovery.updateDocumentCount(count)
    })
  }

  get state(): HostingState {
    return this.current
  }

  async host(request: ValidHostRequest): Promise<HostingState> {
    if (this.current.state === 'hosting' || this.current.state === 'starting') await this.stop()
    this.setState({ state: 'starting', sessionName: request.sessionName })
    const secret = createSessionSecret()
    const requestedPort = this.deps.lanPort()
    let port: number
    let identity: TlsIdentity
    try {
      identity = await this.deps.tlsIdentity()
      port = await this.deps.relay.host(
        this.deps.bindHost ?? '0.0.0.0',
        requestedPort,
        { secret, access: request.access, networkRole: request.networkRole },
        { key: identity.key, cert: identity.cert }
      )
    } catch (error) {
      const reason = `could not host on the LAN: ${error instanceof Error ? error.message : String(error)}`
      this.deps.logger.error({ err: error, port: requestedPort }, reason)
      this.setState({ state: 'failed', reason })
      return this.current
    }
    this.secret = secret
    if (request.access === 'network') {
      this.deps.discovery.advertise({
        sessionName: request.sessionName,
        hostName: this.deps.hostName,
        documentCount: this.documentCount,
        port,
        fingerprint: identity.fingerprint
      })
    }
    const relays = this.deps.addresses().map((address) => `wss://${address}:${port}`)
    this.setState({
      state: 'hosting',
      sessionName: request.sessionName,
      access: request.access,
      networkRole: request.networkRole,
      port,
      relays,
      fingerprint: identity.fingerprint
    })
    return this.current
  }

  async stop(): Promise<HostingState> {
    this.secret = null
    await this.deps.discovery.withdraw()
    try {
      await this.deps.relay.unhost()
    } catch (error) {
      // The relay process is gone or restarting: its LAN listener went with it.
      this.deps.logger.warn({ err: error }, 'stopping the LAN listener failed; the relay process was not running')
    }
    this.setState({ state: 'off' })
    return this.current
  }

  async createInvite(request: ValidInviteRequest): Promise<CreatedInvite> {
    const hosting = this.current
    if (hosting.state !== 'hosting' || this.secret === null) {
      throw new Error('no LAN session is running; choose "Host on LAN" before creating an invite')
    }
    const relay = hosting.relays[0]
    if (relay === undefined) {
      throw new Error('this computer has no network address that others can reach; connect to a network and host again')
    }
    const { token, expiresAt } = await mintSessionToken(this.secret, {
      doc: request.documentName,
      role: request.role,
      ttlSeconds: request.ttlSeconds
    })
    const invite = {
      relay,
      doc: request.documentName,
      token,
      fingerprint: hosting.fingerprint,
      ...(request.also === undefined ? {} : { also: request.also }),
      ...(request.also === undefined || request.alsoToken === undefined ? {} : { alsoToken: request.alsoToken })
    }
    return { link: formatInviteLink(invite), webUrl: formatWebUrl(invite), role: request.role, expiresAt }
  }

  dispose(): void {
    this.documentsSubscription.dispose()
    this.stateEmitter.dispose()
  }

  private setState(state: HostingState): void {
    this.current = state
    this.stateEmitter.fire(state)
  }
}
