/**
 * The Electron main process entry (`dist/main/main.mjs`): one instance per user, `ensemble://`
 * links routed to it, then the composition root.
 */
import { resolve } from 'node:path'
import { app } from 'electron'
import pino from 'pino'
import { inviteScheme } from '../../app/invite-link'
import type { JoinRequest } from '../../app/ipc'
import { joinRequestFromArgv, joinRequestFromUrl } from '../desktop/deep-link'
import { registerAppScheme } from './app-protocol'
import { startDesktopApp } from './desktop-app'

const logger = pino({ level: process.env.ENSEMBLE_LOG_LEVEL ?? 'info', base: { service: 'ensemble-main' } })

// Tests and side-by-side profiles keep their documents and settings apart.
if (process.env.ENSEMBLE_USER_DATA !== undefined) app.setPath('userData', resolve(process.env.ENSEMBLE_USER_DATA))

if (!app.requestSingleInstanceLock()) {
  // The running instance receives our argv (and any ensemble:// link in it) through `second-instance`.
  app.quit()
} else {
  // A development run (`electron .`) registers itself with the path of the app folder.
  // Reviewed (electronegativity): links that arrive this way are parsed strictly (app/invite-link.ts) and only ever
  // start the join flow; a broken one is reported, never followed.
  if (process.defaultApp && process.argv[1] !== undefined) {
    app.setAsDefaultProtocolClient(inviteScheme, process.execPath, [resolve(process.argv[1])]) /* eng-disable PROTOCOL_HANDLER_JS_CHECK */
  } else {
    app.setAsDefaultProtocolClient(inviteScheme) /* eng-disable PROTOCOL_HANDLER_JS_CHECK */
  }
  registerAppScheme()
  // The link that started the app: an argument (Windows, Linux), or an `open-url` event that macOS
  // sends before the app is ready, so it is caught here, before the composition root listens.
  let startupJoin: JoinRequest | null = null
  const takeLink = (result: ReturnType<typeof joinRequestFromUrl> | null): void => {
    if (result === null) return
    if ('request' in result) startupJoin = result.request
    else logger.warn(`ignoring the link the app was started with: ${result.problem}`)
  }
  takeLink(joinRequestFromArgv(process.argv))
  const earlyOpenUrl = (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault()
    takeLink(joinRequestFromUrl(url))
  }
  app.on('open-url', earlyOpenUrl)
  const takeStartupJoin = (): JoinRequest | null => {
    app.off('open-url', earlyOpenUrl)
    return startupJoin
  }
  startDesktopApp(logger, takeStartupJoin).catch((error: unknown) => {
    logger.fatal({ err: error }, 'the app could not start')
    app.exit(1)
  })
}
