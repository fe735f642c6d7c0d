import type * as Y from 'yjs'
import type { UserProfile } from '../profile'
import { contentChangedSince, contentEverWritten } from './content-changes'
import type { Version, VersionHistory } from './versions'
import { t } from '../i18n/translate'

/** Runs `callback` after `ms` milliseconds; returns what cancels it. `setTimeout` in the renderer. */
export type Schedule = (callback: () => void, ms: number) => () => void

export interface AutoVersionOptions {
  /** How long this copy must go without an edit before its edits are saved as a version. */
  readonly pauseMs: number
  /** Who the versions are attributed to (read when one is taken, so a renamed profile applies). */
  readonly author: () => UserProfile
  readonly schedule: Schedule
  readonly now: () => number
}

/** Names of automatic versions, by what took them, in the language of whoever takes them. */
export const automaticVersionNames = {
  get pause(): string {
    return t('history.autoPause')
  },
  get sessionEnd(): string {
    return t('history.autoSessionEnd')
  },
  beforeRestore: (name: string): string => t('history.autoBeforeRestore', { name })
}

/**
 * Takes automatic versions of this copy's own editing: once it has gone `pauseMs` without an edit,
 * and when its session ends (`sessionEnded`). Only edits made here count (remote ones are someone
 * else's to save), so N people editing together do not take N versions of every pause; and a
 * version is only taken when the content changed since the newest version, so two people pausing
 * at once, or a pause right after a named version, add nothing.
 */
export class AutoVersioner {
  private editedSinceVersion = false
  private cancelPause: (() => void) | null = null
  private disposed = false

  constructor(
    private readonly history: VersionHistory,
    private readonly fragment: Y.XmlFragment,
    private readonly options: AutoVersionOptions
  ) {
    fragment.observeDeep(this.onContentChanged)
  }

  /** Saves this copy's unsaved edits because its session ends; returns the version, or `null` when it made none. */
  sessionEnded(): Version | null {
    return this.editedSinceVersion ? this.saveIfChanged(automaticVersionNames.sessionEnd) : null
  }

  /**
   * Saves the current state as an automatic version named `name` if the content changed since the
   * newest version (or there is none yet and something was ever written). Returns it, or `null`.
   */
  saveIfChanged(name: string): Version | null {
    this.cancelPause?.()
    this.cancelPause = null
    this.editedSinceVersion = false
    if (this.disposed) return null
    const latest = this.history.latest()
    const changed = latest === null ? contentEverWritten(this.fragment) : contentChangedSince(this.fragment, latest.snapshot)
    if (!changed) return null
    return this.history.save({ name, kind: 'automatic', author: this.options.author(), now: this.options.now() })
  }

  /** Whether this copy edited the content since it last saved a version (or since it opened). */
  get hasUnsavedEdits(): boolean {
    return this.editedSinceVersion
  }

  dispose(): void {
    this.disposed = true
    this.cancelPause?.()
    this.cancelPause = null
    this.fragment.unobserveDeep(this.onContentChanged)
  }

  private readonly onContentChanged = (_events: Array<Y.YEvent<Y.XmlFragment>>, transaction: Y.Transaction): void => {
    if (!transaction.local || this.disposed) return
    this.editedSinceVersion = true
    this.cancelPause?.()
    this.cancelPause = this.options.schedule(() => {
      this.cancelPause = null
      if (this.editedSinceVersion) this.saveIfChanged(automaticVersionNames.pause)
    }, this.options.pauseMs)
  }
}
