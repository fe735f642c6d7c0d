import { parseHTML } from 'linkedom'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { announcePresence, leaveDelayMs } from './presence-announcer'

/** This page's awareness, with the others' states set as the relay would relay them. */
const setup = () => {
  const { document } = parseHTML('<div id="region"></div>')
  const region = document.getElementById('region') as unknown as HTMLElement
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalStateField('user', { name: 'Me', color: '#000000' })
  const listeners = new Set<(synced: boolean) => void>()
  const sync = {
    synced: false,
    on: (_event: 'sync', listener: (synced: boolean) => void) => void listeners.add(listener),
    off: (_event: 'sync', listener: (synced: boolean) => void) => void listeners.delete(listener),
    set(synced: boolean) {
      this.synced = synced
      for (const listener of listeners) listener(synced)
    }
  }
  const peers = new Map<string, Awareness>()
  const join = (name: string, key = name): void => {
    const peer = new Awareness(new Y.Doc())
    peer.setLocalStateField('user', { name, color: '#123456' })
    peers.set(key, peer)
    awareness.states.set(peer.clientID, peer.getLocalState()!)
    awareness.emit('change', [{ added: [peer.clientID], updated: [], removed: [] }, 'remote'])
  }
  const leave = (key: string): void => {
    const peer = peers.get(key)!
    awareness.states.delete(peer.clientID)
    awareness.emit('change', [{ added: [], updated: [], removed: [peer.clientID] }, 'remote'])
  }
  const said = (): string[] => Array.from(region.children, (line) => line.textContent ?? '')
  return { region, awareness, sync, join, leave, said }
}

describe('announcePresence', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says who joins and who leaves, never this page, and not those present on arrival', () => {
    const page = setup()
    announcePresence(page.region, page.awareness, page.sync)
    page.join('Ben')
    page.sync.set(true)
    expect(page.said()).toEqual([])
    page.join('Ana')
    expect(page.said()).toEqual(['Ana joined'])
    expect(page.region.getAttribute('aria-live')).toBe('polite')
    page.leave('Ana')
    expect(page.said()).toEqual(['Ana joined'])
    vi.advanceTimersByTime(leaveDelayMs)
    expect(page.said()).toEqual(['Ana joined', 'Ana left'])
  })

  it('keeps quiet when someone reconnects, or opens a second window, or when this page reconnects', () => {
    const page = setup()
    announcePresence(page.region, page.awareness, page.sync)
    page.sync.set(true)
    page.join('Ana')
    page.leave('Ana')
    page.join('Ana', 'Ana again')
    vi.advanceTimersByTime(leaveDelayMs * 2)
    page.join('Ana', 'Ana second window')
    page.leave('Ana second window')
    vi.advanceTimersByTime(leaveDelayMs * 2)
    expect(page.said()).toEqual(['Ana joined'])

    // This page drops its connection: the provider removes everyone; syncing again, Ana is back.
    page.sync.set(false)
    page.leave('Ana again')
    vi.advanceTimersByTime(leaveDelayMs * 2)
    page.join('Ana', 'Ana after the reconnection')
    page.sync.set(true)
    vi.advanceTimersByTime(leaveDelayMs * 2)
    expect(page.said()).toEqual(['Ana joined'])
  })
})
