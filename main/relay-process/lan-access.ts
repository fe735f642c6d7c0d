import { authenticateWithToken } from '../../server/access/token-authentication'
import { RelayRefusal, type ConnectionContext, type RelayExtension } from '../../server/extension'
import { sessionKey } from '../lan/session-token'
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
 * Tokens are read by the same code as the hosted relay's `--auth token`.
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
      if (policy.access === 'network') {
        context.role = policy.networkRole
        return
      }
      throw new RelayRefusal(401, 'this session is open only to people with an invite link; ask the host for one')
    }
    await authenticateWithToken(sessionKey(policy.secret), context)
  }
}
