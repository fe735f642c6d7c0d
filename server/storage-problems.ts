import type { Logger } from 'pino'
import type { DependencyHealth } from './extension'

/** One document's edits that storage refused, since when and how often. */
interface Unsaved {
  readonly since: number
  failures: number
  reason: string
}

/** An outage: from the first refused write until every document is saved again. */
interface Outage {
  readonly since: number
  failures: number
}

/**
 * What the relay knows of its storage's trouble, whatever the storage is: the documents whose
 * edits it refused and that are not saved yet, and the documents it could not read. An outage is
 * logged once when it starts and once when the last document is saved again, with how many writes
 * failed meanwhile, never once per attempt; `/healthz` reports both lists while they last.
 */
export class StorageProblems {
  private readonly unsaved = new Map<string, Unsaved>()
  private readonly unreadable = new Map<string, string>()
  private outage: Outage | null = null

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now
  ) {}

  /** A write of `name`'s edits failed; they are kept in memory and retried. */
  writeFailed(name: string, error: unknown): void {
    const reason = messageOf(error)
    const entry = this.unsaved.get(name)
    if (entry === undefined) this.unsaved.set(name, { since: this.now(), failures: 1, reason })
    else {
      entry.failures++
      entry.reason = reason
    }
    if (this.outage !== null) {
      this.outage.failures++
      return
    }
    this.outage = { since: this.now(), failures: 1 }
    this.logger.error(
      { room: name, err: error },
      'storage refused a write; edits stay in memory, are retried, and no document with unsaved edits is unloaded until storage takes them'
    )
  }

  /** Everything of `name` is stored again (written and read back). */
  saved(name: string): void {
    if (!this.unsaved.delete(name) || this.unsaved.size > 0 || this.outage === null) return
    const { since, failures } = this.outage
    this.outage = null
    this.logger.warn(
      { failedWrites: failures, seconds: Math.round((this.now() - since) / 100) / 10 },
      'storage takes writes again; every document that had unsaved edits was written and read back'
    )
  }

  /** `name` could not be read from storage; connections to it are refused until it can. */
  readFailed(name: string, error: unknown): void {
    this.unreadable.set(name, messageOf(error))
  }

  readSucceeded(name: string): void {
    this.unreadable.delete(name)
  }

  /** `/healthz` entries: `saving` and `reading`, each ok or saying which documents and why. */
  health(): { saving: DependencyHealth; reading: DependencyHealth } {
    return { saving: this.savingHealth(), reading: this.readingHealth() }
  }

  private savingHealth(): DependencyHealth {
    if (this.unsaved.size === 0 || this.outage === null) return { ok: true, detail: 'every edit the relay accepted is stored' }
    const [first] = [...this.unsaved.values()].sort((a, b) => a.since - b.since)
    return {
      ok: false,
      detail:
        `${this.unsaved.size} ${this.unsaved.size === 1 ? 'document has' : 'documents have'} edits not yet stored (${namesOf(this.unsaved.keys())}), ` +
        `since ${new Date(this.outage.since).toISOString()}, ${this.outage.failures} failed writes; last error: ${first!.reason}`
    }
  }

  private readingHealth(): DependencyHealth {
    if (this.unreadable.size === 0) return { ok: true, detail: 'every document asked for could be read' }
    const [name, reason] = [...this.unreadable][0]!
    return {
      ok: false,
      detail: `${this.unreadable.size} ${this.unreadable.size === 1 ? 'document' : 'documents'} cannot be read (${namesOf(this.unreadable.keys())}); "${name}": ${reason}`
    }
  }
}

const namesOf = (names: Iterable<string>): string => {
  const all = [...names]
  const shown = all.slice(0, 5).map((name) => JSON.stringify(name)).join(', ')
  return all.length > 5 ? `${shown} and ${all.length - 5} more` : shown
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
