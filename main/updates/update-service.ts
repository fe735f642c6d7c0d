import type { Logger } from 'pino'
import type { UpdateStatus } from '../../app/ipc'
import { Emitter, type Disposable, type Event } from '../common/event'

/**
 * The part of electron-updater's `autoUpdater` the service drives. electron-updater reads the
 * release feed that electron-builder publishes with the installers (`latest*.yml`, see
 * .github/workflows/release.yml) and downloads in the background.
 */
export interface Updater {
  autoDownload: boolean
  on(event: 'checking-for-update', listener: () => void): unknown
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
}

export interface IUpdateService extends Disposable {
  readonly status: UpdateStatus
  readonly onDidChangeStatus: Event<UpdateStatus>
  /** Asks the release feed now; the status says what it found. */
  check(): Promise<UpdateStatus>
  /** Quits and installs a downloaded update. */
  install(): void
}

/** How long after the start the first check waits, so that it never competes with opening a window. */
const firstCheckDelayMs = 10_000
const checkEveryMs = 6 * 3600_000

/**
 * Checks for new versions of the app and says so: at start (a little later), every six hours,
 * and when asked (Settings). A found update downloads in the background and installs on the next
 * quit, or at once from Settings. Where updating is not possible (a build from source, a Linux
 * package manager's copy), `unsupported` says why instead of failing quietly.
 */
export class UpdateService implements IUpdateService {
  private current: UpdateStatus
  private readonly statusEmitter = new Emitter<UpdateStatus>()
  readonly onDidChangeStatus = this.statusEmitter.event
  private readonly timers: NodeJS.Timeout[] = []

  constructor(
    private readonly updater: Updater | null,
    private readonly currentVersion: string,
    private readonly logger: Logger,
    /** Why `updater` is null, for the status. */
    unsupportedReason = 'this copy of Ensemble was not installed from a release'
  ) {
    this.current = updater === null ? { state: 'unsupported', currentVersion, reason: unsupportedReason } : { state: 'idle', currentVersion }
    if (updater === null) return
    updater.autoDownload = true
    updater.on('checking-for-update', () => this.set({ state: 'checking', currentVersion }))
    updater.on('update-not-available', () => this.set({ state: 'up-to-date', currentVersion, checkedAt: Date.now() }))
    updater.on('update-available', ({ version }) => this.set({ state: 'downloading', currentVersion, version, percent: 0 }))
    updater.on('download-progress', ({ percent }) => {
      if (this.current.state === 'downloading') this.set({ ...this.current, percent: Math.round(percent) })
    })
    updater.on('update-downloaded', ({ version }) => this.set({ state: 'ready', currentVersion, version }))
    updater.on('error', (error) => {
      this.logger.warn({ err: error }, 'checking for updates failed')
      this.set({ state: 'failed', currentVersion, reason: error.message })
    })
  }

  get status(): UpdateStatus {
    return this.current
  }

  /** Schedules the first check and the periodic ones. */
  start(): void {
    if (this.updater === null) return
    const run = (): void => void this.check()
    this.timers.push(setTimeout(run, firstCheckDelayMs), setInterval(run, checkEveryMs))
    for (const timer of this.timers) timer.unref()
  }

  async check(): Promise<UpdateStatus> {
    if (this.updater === null) return this.current
    // A download under way or finished is not restarted by asking again.
    if (this.current.state === 'downloading' || this.current.state === 'ready') return this.current
    try {
      await this.updater.checkForUpdates()
    } catch (error) {
      // electron-updater also emits 'error'; the message is the same, so the status is set once.
      if (this.current.state !== 'failed') this.set({ state: 'failed', currentVersion: this.currentVersion, reason: error instanceof Error ? error.message : String(error) })
    }
    return this.current
  }

  install(): void {
    if (this.current.state !== 'ready') throw new Error(`there is no downloaded update to install (the updater is ${this.current.state})`)
    this.updater?.quitAndInstall()
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.statusEmitter.dispose()
  }

  private set(status: UpdateStatus): void {
    this.current = status
    this.statusEmitter.fire(status)
  }
}
