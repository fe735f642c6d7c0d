import { grantCoversDocument } from '../../app/access-token'
import { RelayRefusal, type ConnectionContext, type RelayExtension } from '../extension'
import { AccessTokenError, verifyAccessToken } from './access-token'
import { checkSecretLength } from './auth-secret'

/**
 * Admits a connection on the strength of its access token, or refuses it: 401 for a missing,
 * malformed, expired or wrongly signed token, 403 for a token that grants another document. An
 * accepted token sets the connection's role, name and expiry. Used by the hosted relay's
 * `--auth token` and by the desktop app's LAN sessions, so both read tokens the same way.
 */
export const authenticateWithToken = async (secret: Uint8Array, context: ConnectionContext): Promise<void> => {
  let claims
  try {
    claims = await verifyAccessToken(secret, context.params.get('token'))
  } catch (error) {
    if (error instanceof AccessTokenError) throw new RelayRefusal(401, error.message)
    throw error
  }
  if (!grantCoversDocument(claims.doc, context.documentName)) {
    throw new RelayRefusal(
      403,
      `the access token grants "${claims.doc}", not "${context.documentName}"; ask for a link to this document`
    )
  }
  context.role = claims.role
  context.userName = claims.name
  context.expiresAt = claims.exp * 1000
}

/**
 * `--auth token`: every connection presents an access token in its `token` query parameter.
 * Missing, malformed, expired or wrongly signed tokens are refused with 401, a token for another
 * document with 403; an accepted token sets the connection's role, name and expiry.
 */
export const tokenAuthentication = (secret: Uint8Array): RelayExtension => {
  checkSecretLength(secret)
  return {
    name: 'token-authentication',
    priority: 10,
    onAuthenticate: (context) => authenticateWithToken(secret, context)
  }
}
