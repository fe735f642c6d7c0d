import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { protocol, type Session } from 'electron'
import { appScheme, contentSecurityPolicy, resolveAppAsset } from '../security/app-origin'
import { contentTypeOf } from '../../app/web-content-types'

/** Must run before `app.whenReady()`: makes `app://` a standard, secure scheme with a real origin. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer'
}

/**
 * Serves the renderer build (`root`, the web client of `dist/web`) on `app://ensemble/`, every
 * response with the CSP. Without a build, `index.html` is a page that says how to make one.
 */
export const serveAppProtocol = (session: Session, root: string, missingBuildPage: string): void => {
  session.protocol.handle(appScheme, async (request) => {
    const asset = resolveAppAsset(root, request.url)
    if ('status' in asset) return new Response(asset.message, { status: asset.status, headers: securityHeaders })
    try {
      const body = await readFile(asset.file)
      return new Response(body, {
        headers: { ...securityHeaders, 'Content-Type': contentTypeOf(extname(asset.file)) }
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      if (asset.file.endsWith('index.html')) {
        return new Response(missingBuildPage, { headers: { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8' } })
      }
      return new Response(`no such file: ${new URL(request.url).pathname}`, { status: 404, headers: securityHeaders })
    }
  })
}

/** Shown instead of the editor when `dist/web` was not built. No script, so the CSP holds. */
export const missingRendererPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ensemble</title></head>
<body style="font: 15px system-ui, sans-serif; margin: 3em; max-width: 40em">
<h1>Ensemble</h1>
<p>The editor (the web client in <code>dist/web</code>) is not built in this copy of the app.</p>
<p>Run <code>npm run build:web</code>, then <code>npm start</code> again.</p>
</body></html>
`
