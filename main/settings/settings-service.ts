import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import writeFileAtomic from 'write-file-atomic'
import { SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../app/settings'
import { Emitter, type Disposable, type Event } from '../common/event'

export interface ISettingsService extends Disposable {
  readonly settings: Settings
  readonly onDidChangeSettings: Event<Settings>
  /** Validates, applies and stores a change; rejects naming the bad field, storing nothing. */
  update(patch: SettingsPatch): Promise<Settings>
}

export const settingsFileName = 'settings.json'

/**
 * Settings in `settings.json` in the user-data folder, written atomically (write-file-atomic:
 * temporary file, fsync, rename) so that a crash mid-write leaves the old file whole. A file that
 * cannot be read as settings is moved aside (`settings.json.unreadable-<time>`), not overwritten,
 * and the defaults are used.
 */
export class SettingsService implements ISettingsService {
  private readonly emitter = new Emitter<Settings>()
  readonly onDidChangeSettings = this.emitter.event
  private writes = Promise.resolve()

  private constructor(
    private readonly file: string,
    private current: Settings,
    private readonly logger: Logger
  ) {}

  static async load(directory: string, defaults: Settings, logger: Logger, now: () => number = Date.now): Promise<SettingsService> {
    const file = join(directory, settingsFileName)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
      return new SettingsService(file, defaults, logger)
    }
    let problem: string
    try {
      // Fields from a newer version are dropped; missing ones take their defaults.
      const parsed = SettingsSchema.safeParse({ ...defaults, ...(JSON.parse(text) as object) })
      if (parsed.success) return new SettingsService(file, parsed.data, logger)
      problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    } catch (error) {
      problem = `not JSON (${(error as Error).message})`
    }
    const aside = `${file}.unreadable-${now()}`
    await rename(file, aside)
    logger.error({ file, aside }, `the settings file was unreadable (${problem}); moved it to ${aside} and using defaults`)
    return new SettingsService(file, defaults, logger)
  }

  get settings(): Settings {
    return this.current
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const checked = SettingsPatchSchema.parse(patch)
    const next = SettingsSchema.parse({ ...this.current, ...checked })
    // Writes are queued so that the file always ends with the last change.
    const write = this.writes.then(() => writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 }))
    this.writes = write.catch((error: unknown) => this.logger.error({ err: error, file: this.file }, 'could not store the settings'))
    await write
    this.current = next
    this.emitter.fire(next)
    return next
  }

  dispose(): void {
    this.emitter.dispose()
  }
}
