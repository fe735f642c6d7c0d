import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Logger } from 'pino'
import { accessRefusal, type AccessGranted } from '../../app/access-check'
import { documentFragmentName } from '../../app/document'
import { documentNameProblem } from '../../app/document-name'
import { exportFormats, formatInfo, importFormats, isExportFormat, isImportFormat, maxImportBytes } from '../../app/convert/formats'
import { ImportError } from '../../app/convert/import-result'
import type { ConnectionContext, RelayRefusal } from '../extension'
import { sendJson, sendText } from '../http'
import { RoomClosedError, type Room } from '../room'
import type { RoomRegistry } from '../room-registry'
import { readBody, BodyTooLargeError } from './request-body'
import type { DocumentStorage } from '../storage/document-storage'
import { documentListPath } from '../../app/document-list'
import { listDocuments } from './document-list'

/** What the document API needs of the relay. */
export interface DocumentApiServices {
  /** Runs the relay's `onAuthenticate` hooks, as for a WebSocket; resolves with the refusal, if any. */
  authenticate(context: ConnectionContext, options?: { readonly quiet?: boolean }): Promise<RelayRefusal | null>
  readonly rooms: Pick<RoomRegistry, 'acquire' | 'release' | 'makeRoomFor' | 'get'>
  /** Where the documents are stored, for the list of them (`GET /api/docs`). */
  readonly storage: Pick<DocumentStorage, 'list' | 'load'>
  /** The listener a request's socket came through (`acceptConnection`), if not the relay's own port. */
  entryOf(socket: Socket): string | undefined
  /** True once the relay is shutting down. */
  closing(): boolean
  readonly logger: Logger
  /** Largest request body `import` accepts; default `maxImportBytes` (10 MiB). */
  readonly maxImportBytes?: number
}

/** `/api/docs/NAME/export`, `/import` or `/access`; NAME may hold `/` or be URL-encoded. */
const routePattern = /^\/api\/docs\/(.+)\/(export|import|access)$/
export const documentApiPrefix = '/api/docs/'

/** The conversions, loaded on first use (see `conversions.ts`). */
let conversions: Promise<typeof import('./conversions')> | undefined
const loadConversions = (): Promise<typeof import('./conversions')> => (conversions ??= import('./conversions'))

type Action = 'export' | 'import' | 'access'
const methodOf: Record<Action, 'GET' | 'POST'> = { export: 'GET', import: 'POST', access: 'GET' }

/**
 * The relay's HTTP API for scripts and tools:
 *
 * - `GET /api/docs` lists the stored documents the token may open, with their titles
 *   (`document-list.ts`; 401 when the token is missing or invalid);
 * - `GET /api/docs/NAME/export?format=md|html|txt` answers with the document in that format;
 * - `POST /api/docs/NAME/import?format=md|html` replaces the document's content with the request
 *   body, as one change that connected clients see at once, and answers with the import warnings;
 * - `GET /api/docs/NAME/access` answers whether a WebSocket for NAME with this token would be
 *   admitted, and if not why (`app/access-check.ts`): browsers cannot read a refused upgrade.
 *
 * All take the access token as `Authorization: Bearer TOKEN` or `?token=TOKEN` and go through the
 * same `onAuthenticate` hooks as a WebSocket; a view-only token may export but not import.
 */
export class DocumentApi {
  constructor(private readonly services: DocumentApiServices) {}

  /** Serves a request under `/api/docs/`. */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === documentListPath || url.pathname === documentApiPrefix) return this.list(request, response, url)
    const route = routePattern.exec(url.pathname)
    if (route === null) {
      return sendText(
        response,
        404,
        `No such API: ${url.pathname}. Use ${documentListPath}, ${documentApiPrefix}NAME/export, ${documentApiPrefix}NAME/import or ${documentApiPrefix}NAME/access.`
      )
    }
    const action = route[2] as Action
    const method = methodOf[action]
    if (request.method !== method && !(method === 'GET' && request.method === 'HEAD')) {
      response.setHeader('Allow', method === 'GET' ? 'GET, HEAD' : 'POST')
      return sendText(response, 405, `${action} takes ${method} requests, not ${request.method}.`)
    }
    let documentName: string
    try {
      documentName = decodeURIComponent(route[1]!)
    } catch {
      return sendText(response, 400, `The document name in ${url.pathname} is not valid URL encoding.`)
    }
    const problem = documentNameProblem(documentName)
    if (problem !== null) return sendText(response, 400, `Not a document name: ${problem}.`)
    if (action === 'access') return this.checkAccess(request, response, url, documentName)
    const format = url.searchParams.get('format')
    const formats = action === 'export' ? exportFormats : importFormats
    const valid = action === 'export' ? isExportFormat : isImportFormat
    if (format === null || !valid(format)) {
      return sendText(
        response,
        400,
        `${format === null ? 'No format given' : `Unknown format "${format}"`}: add ?format=${formats.join('|')} to the URL.`
      )
    }
    const context = this.contextOf(request, url, documentName)
    const refusal = await this.services.authenticate(context)
    if (refusal !== null) {
      if (refusal.status === 401) response.setHeader('WWW-Authenticate', 'Bearer')
      return sendText(response, refusal.status, `Refused: ${refusal.message}.`)
    }
    if (this.services.closing()) return sendText(response, 503, 'The relay is shutting down; try again shortly.')
    try {
      return await (action === 'export'
        ? this.export(response, documentName, format as (typeof exportFormats)[number])
        : this.import(request, response, context, format as (typeof importFormats)[number]))
    } catch (error) {
      if (error instanceof DocumentUnavailableError) return sendText(response, 503, `${error.message}.`)
      throw error
    }
  }

  /**
   * Answers as the WebSocket upgrade would decide: 200 with the role, or the refusal with the same
   * reason text and the close code it stands for. Any page may read the answer (CORS `*`): it tells
   * only the holder of a token what the relay thinks of it, and pages of an origin the allow-list
   * refuses are refused here too, since the same hooks run.
   */
  private async checkAccess(request: IncomingMessage, response: ServerResponse, url: URL, documentName: string): Promise<void> {
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Cache-Control', 'no-store')
    const context = this.contextOf(request, url, documentName)
    const refusal = await this.services.authenticate(context)
    if (refusal === null) return sendJson(response, 200, { document: documentName, role: context.role } satisfies AccessGranted)
    const body = accessRefusal(refusal.status, refusal.message)
    if (body === null) return sendText(response, refusal.status, `Refused: ${refusal.message}.`)
    if (refusal.status === 401) response.setHeader('WWW-Authenticate', 'Bearer')
    sendJson(response, refusal.status, body)
  }

  /**
   * `GET /api/docs`: the documents this request's token may open, as JSON (`app/document-list.ts`).
   * Any page may read it (CORS `*`), as the access check: it answers only for the token it is given.
   */
  private async list(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return sendText(response, 405, `${documentListPath} takes GET requests, not ${request.method}.`)
    }
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Cache-Control', 'no-store')
    const result = await listDocuments(
      {
        storage: this.services.storage,
        loadedRoom: (name) => this.services.rooms.get(name),
        admits: (context) => this.services.authenticate(context, { quiet: true }),
        logger: this.services.logger
      },
      (name) => this.contextOf(request, url, name)
    )
    if ('refusal' in result) {
      response.setHeader('WWW-Authenticate', 'Bearer')
      return sendText(response, result.refusal.status, `Refused: ${result.refusal.message}.`)
    }
    sendJson(response, 200, result.listing)
  }

  /** The request's connection context, with a bearer token moved to the `token` parameter the hooks read. */
  private contextOf(request: IncomingMessage, url: URL, documentName: string): ConnectionContext {
    const params = new URLSearchParams(url.searchParams)
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
    if (bearer !== undefined) params.set('token', bearer)
    return {
      documentName,
      params,
      headers: request.headers,
      remoteAddress: request.socket.remoteAddress ?? 'unknown',
      entry: this.services.entryOf(request.socket),
      role: 'edit'
    }
  }

  private async export(response: ServerResponse, documentName: string, format: (typeof exportFormats)[number]): Promise<void> {
    const { exportDocument, readDocument, serverDom } = await loadConversions()
    const body = await this.withRoom(documentName, (room) =>
      isNeverWritten(room) ? null : exportDocument(readDocument(room.doc.getXmlFragment(documentFragmentName)), format, { dom: serverDom, title: documentName })
    )
    if (body === null) return sendText(response, 404, `There is no document named "${documentName}" on this relay.`)
    const fileName = `${documentName.split('/').at(-1)}.${formatInfo[format].extension}`
    response.writeHead(200, {
      'Content-Type': formatInfo[format].mimeType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      // The page is the relay's origin: whatever a document holds, it runs nothing there.
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline'",
      'Cache-Control': 'no-store'
    })
    response.end(body)
  }

  private async import(
    request: IncomingMessage,
    response: ServerResponse,
    context: ConnectionContext,
    format: (typeof importFormats)[number]
  ): Promise<void> {
    const { documentName } = context
    if (context.role !== 'edit') {
      const may = context.role === 'suggest' ? 'suggest changes to' : 'view'
      return sendText(response, 403, `Refused: this token may only ${may} "${documentName}"; importing replaces its content and needs the edit role.`)
    }
    const limit = this.services.maxImportBytes ?? maxImportBytes
    let bytes: Uint8Array
    try {
      bytes = await readBody(request, limit)
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error
      response.setHeader('Connection', 'close')
      return sendText(response, 413, `The file is larger than the ${limit} bytes an import may have.`)
    }
    if (bytes.length === 0) return sendText(response, 400, 'The request body is empty; send the file to import as the body.')
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return sendText(response, 400, 'The request body is not UTF-8 text; save the file as UTF-8 and send it again.')
    }
    const { importDocument, replaceDocument, serverDom } = await loadConversions()
    let result
    try {
      result = importDocument(text, format, { dom: serverDom })
    } catch (error) {
      if (error instanceof ImportError) return sendText(response, 400, `Cannot import: ${error.message}.`)
      throw error
    }
    const update = await this.withRoom(documentName, (room) =>
      room.changeDocument((doc) => replaceDocument(doc.getXmlFragment(documentFragmentName), result.doc))
    )
    this.services.logger.info(
      { room: documentName, remote: context.remoteAddress, format, bytes: bytes.length, warnings: result.warnings.length },
      'imported a document over HTTP'
    )
    sendJson(response, 200, { document: documentName, changed: update !== null, warnings: result.warnings })
  }

  /** Runs `use` on the loaded room of `name`, then lets the room go (it unloads later if nobody is in it). */
  private async withRoom<T>(name: string, use: (room: Room) => T): Promise<T> {
    if (!this.services.rooms.makeRoomFor(name)) {
      throw new DocumentUnavailableError('the relay holds as many documents as it may, all in use; try again later')
    }
    const room = this.services.rooms.acquire(name)
    try {
      try {
        await room.loaded
      } catch (error) {
        this.services.logger.error({ room: name, err: error }, 'document could not be loaded for an HTTP request')
        throw new DocumentUnavailableError(`the document "${name}" could not be loaded; try again later`)
      }
      try {
        return use(room)
      } catch (error) {
        if (error instanceof RoomClosedError) throw new DocumentUnavailableError(error.message)
        throw error
      }
    } finally {
      this.services.rooms.release(room)
    }
  }
}

/** True when nothing was ever written to the document (no stored or live update). */
const isNeverWritten = (room: Room): boolean => room.doc.store.clients.size === 0

/** The document could not be read or changed just now (loading failed, or it is reloading). */
class DocumentUnavailableError extends Error {
  override name = 'DocumentUnavailableError'
}
