import { isLoopbackHostHeader } from '../../server/access/loopback'
import { isAlwaysAdmitted } from '../../server/access/origin-allow-list'
import { authenticateWithToken } from '../../server/access/token-authentication'
import { RelayRefusal, type ConnectionContext, type RelayExtension } from '../../server/extension'
import { sessionKey } from '../lan/session-token'
import type { LanPolicy } from './protocol'

/** The `entry` name of connections that arrive through the LAN listener. */
export const lanEntry = 'lan'

/**
 * Access control of the desktop's embedded relay. Connections on its own port come from this
 * machine (it listens on 127.0.0.1 only) and may do anything, if they come from the app (see
 * `checkLocalCaller`): any web page the user visits could otherwise open a WebSocket to
 * 127.0.0.1 and read every document. Connections through the LAN listener
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
    if (context.entry !== lanEntry) return checkLocalCaller(context)
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

/**
 * The relay's own port serves the app's windows (pages of `app://ensemble`), the web client it
 * serves itself, and programs on this machine (which send no `Origin`). Browsers send `Origin` with
 * every WebSocket upgrade and cross-origin request, so a page from anywhere else is refused here;
 * a `Host` that is not a loopback name is a DNS-rebinding page posing as the relay's origin.
 */
const checkLocalCaller = (context: ConnectionContext): void => {
  const { host, origin } = context.headers
  if (!isLoopbackHostHeader(host)) {
    throw new RelayRefusal(403, `this relay answers only to this computer by its loopback address, not to "${host ?? ''}"`)
  }
  if (isAlwaysAdmitted(origin, host)) return
  throw new RelayRefusal(403, `pages from ${JSON.stringify(origin)} may not use Ensemble's local relay; open the document in Ensemble`)
}
