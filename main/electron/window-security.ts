import { shell, type App, type Session } from 'electron'
import type { Logger } from 'pino'
import { contentSecurityPolicy, isAppUrl } from '../security/app-origin'
import { checkExternalUrl } from '../security/external-url'
import { isPermissionAllowed } from '../security/permissions'

/** Opens `url` in the system browser if it is a plain http(s) link; logs and drops anything else. */
export const openExternally = (url: string, logger: Logger): void => {
  const checked = checkExternalUrl(url)
  if ('problem' in checked) {
    logger.warn({ url: url.slice(0, 200) }, `not opening a link: ${checked.problem}`)
    return
  }
  // Reviewed (electronegativity): only http(s) URLs without credentials get here (checkExternalUrl above).
  const opened = shell.openExternal(checked.url) /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  opened.catch((error: unknown) => logger.error({ err: error, url: checked.url }, 'the system browser did not open the link'))
}

/**
 * Applies to every web contents the app creates: no navigation away from `app://ensemble`, no
 * new windows (http/https links go to the system browser after validation), no `<webview>`.
 */
export const hardenWebContents = (app: App, logger: Logger): void => {
  app.on('web-contents-created', (_event, contents) => {
    const blockNavigation = (event: { preventDefault(): void }, url: string): void => {
      if (isAppUrl(url)) return
      event.preventDefault()
      logger.warn({ url: url.slice(0, 200) }, 'blocked a navigation away from the app')
    }
    contents.on('will-navigate', (event) => blockNavigation(event, event.url))
    contents.on('will-redirect', (event) => blockNavigation(event, event.url))
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
      logger.warn('blocked a <webview>')
    })
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url, logger)
      return { action: 'deny' }
    })
  })
}

/** Denies every web permission the app does not use, and all device access. */
export const restrictPermissions = (session: Session, logger: Logger): void => {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl)
    if (!allowed) logger.info({ permission, url: details.requestingUrl.slice(0, 200) }, 'denied a permission request')
    callback(allowed)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin))
  session.setDevicePermissionHandler(() => false)
}

/**
 * The CSP again on every HTTP(S) response the session receives, in case anything other than the
 * `app://` handler (which sets it itself) ever serves a page.
 */
export const enforceContentSecurityPolicy = (session: Session): void => {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
}
