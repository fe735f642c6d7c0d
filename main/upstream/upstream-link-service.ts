import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { UpstreamLinkSchema, type UpstreamLink } from '../../app/ipc'
import { Emitter, type Disposable, type Event } from '../common/event'

/** Local documents also kept on a hosted relay, shared by every window and given to the relay process. */
export interface IUpstreamLinkService extends Disposable {
  readonly links: readonly UpstreamLink[]
  readonly onDidChangeLinks: Event<readonly UpstreamLink[]>
  link(link: UpstreamLink): Promise<readonly UpstreamLink[]>
  unlink(document: string): Promise<readonly UpstreamLink[]>
}

export const upstreamLinksFileName = 'upstream-links.json'

/**
 * The links in `upstream-links.json` in the user-data folder: which local documents the embedded
 * relay also keeps on which hosted relay (`server/upstream/`). Each change is written atomically
 * before it counts; the file holds tokens, so only the user may read it. A file that cannot be
 * read as links is logged and left as it is, and the app starts without links.
 */
export class UpstreamLinkService implements IUpstreamLinkService {
  private readonly emitter = new Emitter<readonly UpstreamLink[]>()
  readonly onDidChangeLinks = this.emitter.event
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly file: string,
    private current: readonly UpstreamLink[]
  ) {}

  static async load(directory: string, logger: Logger): Promise<UpstreamLinkService> {
    const file = join(directory, upstreamLinksFileName)
    let links: UpstreamLink[] = []
    try {
      links = z.array(UpstreamLinkSchema).parse(JSON.parse(await readFile(file, 'utf8')))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        logger.error({ err: error, file }, 'the links to hosted relays could not be read; starting without them (the file is left as it is)')
      }
    }
    return new UpstreamLinkService(file, links)
  }

  get links(): readonly UpstreamLink[] {
    return this.current
  }

  async link(link: UpstreamLink): Promise<readonly UpstreamLink[]> {
    const parsed = UpstreamLinkSchema.safeParse(link)
    if (!parsed.success) throw new RangeError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
    const valid = parsed.data
    return this.change((links) => [...links.filter((existing) => existing.document !== valid.document), valid])
  }

  unlink(document: string): Promise<readonly UpstreamLink[]> {
    return this.change((links) => links.filter((existing) => existing.document !== document))
  }

  dispose(): void {
    this.emitter.dispose()
  }

  private change(update: (links: readonly UpstreamLink[]) => UpstreamLink[]): Promise<readonly UpstreamLink[]> {
    const next = this.queue.then(async () => {
      const links = update(this.current)
      await writeFileAtomic(this.file, JSON.stringify(links, null, 2) + '\n', { mode: 0o600 })
      this.current = links
      this.emitter.fire(links)
      return links
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}
