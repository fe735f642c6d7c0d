import type { Awareness } from 'y-protocols/awareness'
import { awarenessUserOf } from '../../app/presence'
import { t } from '../../app/i18n/translate'

/** How long someone must stay gone before "left" is said: a reconnection (a network blip) says nothing. */
export const leaveDelayMs = 4_000

/** The provider's part the announcer listens to: whether this page is in sync with the relay. */
export interface SyncSource {
  readonly synced: boolean
  on(event: 'sync', listener: (synced: boolean) => void): void
  off(event: 'sync', listener: (synced: boolean) => void): void
}

/** How many messages the region keeps: older ones have been read. */
const kept = 5

/**
 * A polite live region (`[data-testid=presence-announcer]`) that tells screen readers when someone
 * joins or leaves the document ("Ana joined", "Ana left"), from the awareness: never this page,
 * each person once however many windows they have open, and none of the flapping of a reconnection.
 * Who is there when this page first syncs is taken as it is, not announced; while this page is out
 * of sync it hears nothing, and on syncing again it says only who really came or went meanwhile.
 * Someone gone is announced after `leaveDelayMs`, unless they come back first.
 */
export const announcePresence = (region: HTMLElement, awareness: Awareness, sync: SyncSource): (() => void) => {
  region.dataset.testid = 'presence-announcer'
  region.setAttribute('aria-live', 'polite')
  region.setAttribute('aria-atomic', 'false')
  region.setAttribute('role', 'log')
  /** Who the region last said is here. */
  let known: Set<string> | null = null
  const leaving = new Map<string, ReturnType<typeof setTimeout>>()

  const others = (): Set<string> => {
    const names = new Set<string>()
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return
      const user = awarenessUserOf(state)
      if (user !== null) names.add(user.name)
    })
    return names
  }
  const say = (message: string): void => {
    const line = region.ownerDocument.createElement('p')
    line.textContent = message
    region.append(line)
    while (region.childElementCount > kept) region.firstElementChild?.remove()
  }
  const update = (): void => {
    if (!sync.synced) return
    const now = others()
    if (known === null) {
      known = now
      return
    }
    for (const name of now) {
      const pending = leaving.get(name)
      if (pending !== undefined) {
        clearTimeout(pending)
        leaving.delete(name)
      } else if (!known.has(name)) {
        say(t('presence.joined', { name }))
      }
      known.add(name)
    }
    for (const name of known) {
      if (now.has(name) || leaving.has(name)) continue
      leaving.set(
        name,
        setTimeout(() => {
          leaving.delete(name)
          if (others().has(name)) return
          known?.delete(name)
          say(t('presence.left', { name }))
        }, leaveDelayMs)
      )
    }
  }
  const onSync = (synced: boolean): void => {
    if (synced) update()
  }
  awareness.on('change', update)
  sync.on('sync', onSync)
  update()
  return () => {
    awareness.off('change', update)
    sync.off('sync', onSync)
    for (const timer of leaving.values()) clearTimeout(timer)
    leaving.clear()
  }
}
