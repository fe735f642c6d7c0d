import type { AccessRole } from '../../app/ipc'
import { RelayRefusal, type ConnectionContext, type RelayExtension } from '../../server/extension'
import { SessionTokenError, tokenGrants, verifySessionToken } from '../lan/session-token'
import type { LanPolicy } from './protocol'

/** The `entry` name of connections that arrive through the LAN listener. */
export const lanEntry = 'lan'

/**
 * Access control of the desktop's embedded relay. Connections on its own port come from this
 * machine (it listens on 127.0.0.1 only) and may do anything. Connections through the LAN listener
 * follow the hosting policy: in `network` mode anyone gets the session's network role without a
 * token, and a token may grant more; in `link` mode a valid token is required. Without a policy
 * (not hosting) the LAN is refused.
 *
 * The token checks match the relay's token auth (issue 4) so links work against either.
 */
export class LanAccessExtension implements RelayExtension {
  readonly name = 'desktop-lan-access'
  readonly priority = 10
  private policy: LanPolicy | null = null

  setPolicy(policy: LanPolicy | null): void {
    this.policy = policy
  }

  async onAuthenticate(context: ConnectionContext): Promise<void> {
    if (context.entry !== lanEntry) return
    const policy = this.policy
    if (policy === null) throw new RelayRefusal(403, 'this computer is not hosting a session any more')
    const token = context.params.get('token')
    if (token === null || token === '') {
      if (policy.access === 'network') return grant(context, policy.networkRole)
      throw new RelayRefusal(401, 'this session is open only to people with an invite link; ask the host for one')
    }
    let claims
    try {
      claims = await verifySessionToken(token, policy.secret)
    } catch (error) {
      if (error instanceof SessionTokenError) throw new RelayRefusal(401, error.message)
      throw error
    }
    if (!tokenGrants(claims.doc, context.documentName)) {
      throw new RelayRefusal(403, `the invite is for "${claims.doc}", not for "${context.documentName}"`)
    }
    grant(context, claims.role)
    if (claims.name !== undefined) context.userName = claims.name
    context.expiresAt = claims.exp * 1000
  }
}

const grant = (context: ConnectionContext, role: AccessRole): void => {
  context.role = role
}
