import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PresenceReport } from '../../app/ipc'
import { useLanguage } from '../../app/i18n/translate'
import { listNames, PresenceService } from './presence-service'
import type { Notifier, TrayView, WindowTitles } from './presence-views'

/** The views as plain records: what the tray, notification centre and title bars would show. */
class RecordedViews implements TrayView, Notifier, WindowTitles {
  tooltip = ''
  items: string[] = []
  readonly notifications: string[] = []
  readonly titles = new Map<number, string>()
  setTooltip(text: string): void {
    this.tooltip = text
  }
  setPresenceItems(items: ReadonlyArray<{ label: string }>): void {
    this.items = items.map((item) => item.label)
  }
  notify(title: string, body: string): void {
    this.notifications.push(`${title}: ${body}`)
  }
  setTitle(windowId: number, title: string): void {
    this.titles.set(windowId, title)
  }
}

const relay = 'ws://127.0.0.1:5000'
const me = { clientId: 1, name: 'Ana', color: '#2563eb' }
const bo = { clientId: 2, name: 'Bo', color: '#dc2626' }
const cy = { clientId: 3, name: 'Cy', color: '#16a34a' }
const report = (documentName: string, people: PresenceReport['people'], localClientId = 1): PresenceReport => ({
  documentName,
  relay,
  localClientId,
  people
})

describe('PresenceService', () => {
  let views: RecordedViews
  let presence: PresenceService
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
    views = new RecordedViews()
    presence = new PresenceService({ tray: views, notifier: views, titles: views }, { debounceMs: 300, notifyEveryMs: 10_000 })
  })
  afterEach(() => {
    presence.dispose()
    vi.useRealTimers()
  })

  it('debounces a window\'s reports and applies only the last one', () => {
    const changes: unknown[] = []
    presence.onDidChangePresence((snapshot) => changes.push(snapshot))
    presence.report(7, report('plan', [me]))
    vi.advanceTimersByTime(200)
    presence.report(7, report('plan', [me, bo]))
    vi.advanceTimersByTime(299)
    expect(changes).toEqual([])
    vi.advanceTimersByTime(1)
    expect(changes).toEqual([{ documents: [{ documentName: 'plan', relay, people: [{ name: 'Bo', color: '#dc2626' }] }] }])
  })

  it('shows who edits what in the tray and the window title, without the local user', () => {
    presence.setWindowDocument(7, 'plan')
    presence.setWindowDocument(8, null)
    expect(views.titles.get(7)).toBe('plan — Ensemble')
    expect(views.titles.get(8)).toBe('Ensemble')
    presence.report(7, report('plan', [me, bo, cy]))
    presence.report(9, report('notes', [{ ...me, clientId: 4 }, bo], 4))
    vi.advanceTimersByTime(300)
    expect(views.tooltip).toBe('Ensemble: 2 people in 2 documents')
    expect(views.items).toEqual(['notes: Bo', 'plan: Bo and Cy'])
    expect(views.titles.get(7)).toBe('plan — Ensemble (with Bo and Cy)')
    presence.windowClosed(9)
    presence.report(7, report('plan', [me]))
    vi.advanceTimersByTime(300)
    expect(views.tooltip).toBe('Ensemble: nobody else is editing')
    expect(views.items).toEqual([])
  })

  it('notifies joins and leaves in open documents, at most once per interval, merging what happened meanwhile', () => {
    presence.report(7, report('plan', [me, bo]))
    vi.advanceTimersByTime(300)
    expect(views.notifications).toEqual([])

    presence.report(7, report('plan', [me, bo, cy]))
    vi.advanceTimersByTime(300)
    expect(views.notifications).toEqual(['plan: Cy joined'])

    presence.report(7, report('plan', [me, cy]))
    vi.advanceTimersByTime(300)
    presence.report(7, report('plan', [me, cy, { clientId: 5, name: 'Dee', color: '#9333ea' }]))
    vi.advanceTimersByTime(300)
    expect(views.notifications).toHaveLength(1)
    // Cy's notification went out at t=600, so the next one is due at 10 600.
    vi.advanceTimersByTime(10_599 - Date.now())
    expect(views.notifications).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(views.notifications).toEqual(['plan: Cy joined', 'plan: Dee joined; Bo left'])
  })

  it('says nothing about someone who left and came back within the interval', () => {
    presence.report(7, report('plan', [me, bo]))
    vi.advanceTimersByTime(300)
    presence.report(7, report('plan', [me, bo, cy]))
    vi.advanceTimersByTime(300)
    presence.report(7, report('plan', [me, bo]))
    vi.advanceTimersByTime(300)
    presence.report(7, report('plan', [me, bo, cy]))
    vi.advanceTimersByTime(20_000)
    expect(views.notifications).toEqual(['plan: Cy joined'])
  })

  it('forgets a window\'s report when it shows another document', () => {
    presence.report(7, report('plan', [me, bo]))
    vi.advanceTimersByTime(300)
    presence.setWindowDocument(7, 'notes')
    expect(presence.snapshot).toEqual({ documents: [] })
    expect(views.titles.get(7)).toBe('notes — Ensemble')
    expect(views.notifications).toEqual([])
  })

  it('names people in the app’s language', () => {
    expect(listNames(['Ana', 'Bo', 'Cy', 'Dee'])).toBe('Ana, Bo and 2 others')
    useLanguage('zh-CN')
    try {
      expect(listNames(['安娜', '博'])).toBe('安娜和博')
      expect(listNames(['安娜', '博', '茜', '迪'])).toBe('安娜、博等 2 人')
    } finally {
      useLanguage('en')
    }
  })
})
