import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Logger } from 'pino'
import { importFormatOfFile, maxImportBytes } from '../../app/convert/formats'
import type { FileToImport } from '../../app/ipc'
import type { Disposable } from '../common/event'

/** What the File menu's import needs of Electron: an open dialog, a window to send to, an error box. */
export interface FileImportPlatform {
  /** Asks for a Markdown or HTML file; resolves with its path, or `null` when the user cancelled. */
  askOpenPath(windowId: number): Promise<string | null>
  /** Sends the file to the window's renderer, which converts it into a new document. */
  sendToWindow(windowId: number, file: FileToImport): void
  /** Tells the user why the file cannot be imported. */
  showProblem(windowId: number, message: string): void
}

export interface IFileImportService extends Disposable {
  /** Runs the File menu's Import for a window: dialog, checks, read, hand over. */
  importInto(windowId: number): Promise<void>
}

/**
 * The desktop's File → Import: the main process reads the file the user picked (the sandboxed
 * renderer cannot open paths) after checking its type and size, and hands the text to the
 * window; the renderer converts it, reports what it could not carry over, and opens it as a new
 * document. Every refusal says which file and why.
 */
export class FileImportService implements IFileImportService {
  constructor(
    private readonly platform: FileImportPlatform,
    private readonly logger: Logger,
    private readonly limit = maxImportBytes
  ) {}

  async importInto(windowId: number): Promise<void> {
    const path = await this.platform.askOpenPath(windowId)
    if (path === null) return
    const fileName = basename(path)
    const refuse = (reason: string): void => {
      this.logger.info({ path, reason }, 'refused a file to import')
      this.platform.showProblem(windowId, `"${fileName}" cannot be imported: ${reason}.`)
    }
    if (importFormatOfFile(fileName) === null) return refuse('only Markdown (.md, .markdown) and HTML (.html, .htm) files can be imported')
    let size: number
    try {
      size = (await stat(path)).size
    } catch (error) {
      return refuse(`it cannot be read (${error instanceof Error ? error.message : String(error)})`)
    }
    if (size > this.limit) return refuse(`it is ${size} bytes; an import may have at most ${this.limit} bytes`)
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch (error) {
      return refuse(`it cannot be read (${error instanceof Error ? error.message : String(error)})`)
    }
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return refuse('it is not UTF-8 text; save it as UTF-8 and import it again')
    }
    this.platform.sendToWindow(windowId, { fileName, text })
  }

  dispose(): void {}
}
