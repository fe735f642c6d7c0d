import { t } from '../../app/i18n/translate'
import type { PresenceReport, PresenceSnapshot } from '../../app/ipc'
import { Emitter, type Disposable, type Event } from '../common/event'
import type { Notifier, TrayView, WindowTitles } from './presence-views'

/** Who is editing which document, across every window; shown in the tray, titles and notifications. */
export interface IPresenceService extends Disposable {
  readonly snapshot: PresenceSnapshot
  readonly onDidChangePresence: Event<PresenceSnapshot>
  /** A window's awareness report; applied after `debounceMs` without a newer one from that window. */
  report(windowId: number, report: PresenceReport): void
  /** The document a window shows (`null`: the home screen); clears its report when it changes. */
  setWindowDocument(windowId: number, documentName: string | null): void
  windowClosed(windowId: number): void
}

export interface PresenceOptions {
  readonly debounceMs?: number
  /** At most one join/leave notification per document in this interval; later ones are merged. */
  readonly notifyEveryMs?: number
  readonly appName?: string
}

interface Person {
  readonly name: string
  readonly color: string
}

interface PendingNotification {
  last: number
  readonly joined: Set<string>
  readonly left: Set<string>
  timer?: NodeJS.Timeout | undefined
}

export class PresenceService implements IPresenceService {
  private readonly emitter = new Emitter<PresenceSnapshot>()
  readonly onDidChangePresence = this.emitter.event
  private readonly reports = new Map<number, PresenceReport>()
  private readonly documents = new Map<number, string | null>()
  private readonly debounceTimers = new Map<number, NodeJS.Timeout>()
  private readonly notifications = new Map<string, PendingNotification>()
  private current: PresenceSnapshot = { documents: [] }
  private readonly debounceMs: number
  private readonly notifyEveryMs: number
  private readonly appName: string

  constructor(
    private readonly views: { readonly tray: TrayView; readonly notifier: Notifier; readonly titles: WindowTitles },
    options: PresenceOptions = {},
    private readonly now: () => number = Date.now
  ) {
    this.debounceMs = options.debounceMs ?? 300
    this.notifyEveryMs = options.notifyEveryMs ?? 10_000
    this.appName = options.appName ?? 'Ensemble'
    this.render()
  }

  get snapshot(): PresenceSnapshot {
    return this.current
  }

  report(windowId: number, report: PresenceReport): void {
    clearTimeout(this.debounceTimers.get(windowId))
    this.debounceTimers.set(
      windowId,
      setTimeout(() => {
        this.debounceTimers.delete(windowId)
        this.reports.set(windowId, report)
        this.documents.set(windowId, report.documentName)
        this.recompute()
      }, this.debounceMs)
    )
  }

  setWindowDocument(windowId: number, documentName: string | null): void {
    this.documents.set(windowId, documentName)
    if (this.reports.get(windowId)?.documentName !== documentName) {
      clearTimeout(this.debounceTimers.get(windowId))
      this.debounceTimers.delete(windowId)
      this.reports.delete(windowId)
    }
    this.recompute()
  }

  windowClosed(windowId: number): void {
    clearTimeout(this.debounceTimers.get(windowId))
    this.debounceTimers.delete(windowId)
    this.reports.delete(windowId)
    this.documents.delete(windowId)
    this.recompute()
  }

  dispose(): void {
    for (const timer of this.debounceTimers.values()) clearTimeout(timer)
    for (const pending of this.notifications.values()) clearTimeout(pending.timer)
    this.emitter.dispose()
  }

  private recompute(): void {
    const localIds = new Set([...this.reports.values()].map((report) => report.localClientId))
    const byDocument = new Map<string, { documentName: string; relay: string; people: Map<string, Person> }>()
    for (const report of this.reports.values()) {
      const key = documentKey(report.relay, report.documentName)
      const entry = byDocument.get(key) ?? { documentName: report.documentName, relay: report.relay, people: new Map<string, Person>() }
      for (const person of report.people) {
        if (!localIds.has(person.clientId)) entry.people.set(person.name, { name: person.name, color: person.color })
      }
      byDocument.set(key, entry)
    }
    const next: PresenceSnapshot = {
      documents: [...byDocument.values()]
        .map((entry) => ({
          documentName: entry.documentName,
          relay: entry.relay,
          people: [...entry.people.values()].sort((a, b) => a.name.localeCompare(b.name))
        }))
        .sort((a, b) => a.documentName.localeCompare(b.documentName))
    }
    this.announceChanges(this.current, next)
    const changed = JSON.stringify(next) !== JSON.stringify(this.current)
    this.current = next
    this.render()
    if (changed) this.emitter.fire(next)
  }

  private announceChanges(before: PresenceSnapshot, after: PresenceSnapshot): void {
    const names = (snapshot: PresenceSnapshot): Map<string, Set<string>> =>
      new Map(snapshot.documents.map((doc) => [documentKey(doc.relay, doc.documentName), new Set(doc.people.map((person) => person.name))]))
    const old = names(before)
    for (const [key, people] of names(after)) {
      // A document that just opened in a window is not news: everyone there was there already.
      const previous = old.get(key)
      if (previous === undefined) continue
      for (const name of people) if (!previous.has(name)) this.queueNotification(key, 'joined', name)
      for (const name of previous) if (!people.has(name)) this.queueNotification(key, 'left', name)
    }
  }

  private queueNotification(key: string, change: 'joined' | 'left', name: string): void {
    const pending = this.notifications.get(key) ?? { last: -Infinity, joined: new Set<string>(), left: new Set<string>() }
    this.notifications.set(key, pending)
    const opposite = change === 'joined' ? pending.left : pending.joined
    // Someone who left and came back before we said so is not news either.
    if (!opposite.delete(name)) (change === 'joined' ? pending.joined : pending.left).add(name)
    if (pending.timer !== undefined) return
    const wait = pending.last + this.notifyEveryMs - this.now()
    if (wait <= 0) this.flushNotification(key)
    else pending.timer = setTimeout(() => this.flushNotification(key), wait)
  }

  private flushNotification(key: string): void {
    const pending = this.notifications.get(key)
    if (pending === undefined) return
    pending.timer = undefined
    const documentName = key.slice(key.indexOf('\n') + 1)
    const lines = [
      pending.joined.size > 0 ? t('desktopPresence.joined', { names: listNames([...pending.joined]) }) : null,
      pending.left.size > 0 ? t('desktopPresence.left', { names: listNames([...pending.left]) }) : null
    ].filter((line): line is string => line !== null)
    pending.joined.clear()
    pending.left.clear()
    if (lines.length === 0) return
    pending.last = this.now()
    this.views.notifier.notify(documentName, lines.join('; '))
  }

  private render(): void {
    const withPeople = this.current.documents.filter((doc) => doc.people.length > 0)
    const everyone = new Set(withPeople.flatMap((doc) => doc.people.map((person) => person.name)))
    const app = this.appName
    this.views.tray.setTooltip(
      everyone.size === 0
        ? t('desktopPresence.nobody', { app })
        : t('desktopPresence.summary', {
            app,
            people: t('desktopPresence.people', { count: everyone.size }),
            documents: t('desktopPresence.documents', { count: withPeople.length })
          })
    )
    this.views.tray.setPresenceItems(
      withPeople.map((doc) => ({ label: t('desktopPresence.trayItem', { document: doc.documentName, names: listNames(doc.people.map((person) => person.name)) }) }))
    )
    for (const [windowId, documentName] of this.documents) {
      this.views.titles.setTitle(windowId, this.titleFor(windowId, documentName))
    }
  }

  private titleFor(windowId: number, documentName: string | null): string {
    if (documentName === null) return this.appName
    const report = this.reports.get(windowId)
    const doc = this.current.documents.find(
      (entry) => entry.documentName === documentName && (report === undefined || entry.relay === report.relay)
    )
    const people = doc?.people.map((person) => person.name) ?? []
    const parts = { document: documentName, app: this.appName }
    return people.length === 0 ? t('desktopPresence.title', parts) : t('desktopPresence.titleWith', { ...parts, names: listNames(people) })
  }
}

const documentKey = (relay: string, documentName: string): string => `${relay}\n${documentName}`

/** "Ana", "Ana and Bo", "Ana, Bo and Cy", "Ana, Bo and 3 others". */
export const listNames = (names: readonly string[]): string => {
  const [first = '', second = '', third = ''] = names
  if (names.length <= 1) return first
  if (names.length === 2) return t('desktopPresence.twoNames', { first, second })
  if (names.length === 3) return t('desktopPresence.threeNames', { first, second, third })
  return t('desktopPresence.manyNames', { first, second, count: names.length - 2 })
}
