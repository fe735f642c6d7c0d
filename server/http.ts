import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { Registry } from 'prom-client'
import { contentTypeOf } from '../app/web-content-types'

export interface HttpRoutes {
  /** Figures for `/healthz`. */
  readonly health: () => Record<string, unknown>
  readonly metrics: Registry
  /** Folder holding the built web client, or `null` when there is none. */
  readonly webRoot: string | null
  /** The document API, `/api/docs` and under it (`server/transfer/document-api.ts`), if the relay offers it. */
  readonly documents?: { handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> }
}

/** Serves `/healthz`, `/metrics`, the document API and the web client's static files. */
export const createHttpHandler =
  (routes: HttpRoutes) =>
  async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://relay.invalid')
    if (routes.documents !== undefined && (url.pathname === '/api/docs' || url.pathname.startsWith('/api/docs/'))) {
      return routes.documents.handle(request, response, url)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, `${request.method} is not supported here; the relay serves GET requests.`)
    }
    if (url.pathname === '/healthz') {
      return sendJson(response, 200, routes.health())
    }
    if (url.pathname === '/metrics') {
      const body = await routes.metrics.metrics()
      response.writeHead(200, { 'Content-Type': routes.metrics.contentType })
      response.end(body)
      return
    }
    await serveStatic(routes.webRoot, url.pathname, response)
  }

const serveStatic = async (root: string | null, pathname: string, response: ServerResponse): Promise<void> => {
  if (root === null || !(await isFile(join(root, 'index.html')))) {
    return sendText(
      response,
      404,
      'The web client is not built yet. Run `npm run build:web` and restart the relay; ' +
        'WebSocket clients can connect meanwhile.'
    )
  }
  let relative: string
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  } catch {
    return sendText(response, 400, `The path ${pathname} is not valid URL encoding.`)
  }
  const file = join(root, relative === '' ? 'index.html' : relative)
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) && file !== root) {
    return sendText(response, 404, `No such file: ${pathname}`)
  }
  // Paths without an extension are client-side routes: serve the app.
  const target = (await isFile(file)) ? file : extname(file) === '' ? join(root, 'index.html') : null
  if (target === null) return sendText(response, 404, `No such file: ${pathname}`)
  response.writeHead(200, {
    'Content-Type': contentTypeOf(extname(target)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600'
  })
  createReadStream(target).pipe(response)
}

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

export const sendText = (response: ServerResponse, status: number, text: string): void => {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(text + '\n')
}

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}
