import type { PresenceStatus } from '../../app/presence'

/** After this long without input, a person shows as idle. */
export const idleAfterMs = 60_000

/**
 * Tracks whether this person is active (recent input), idle (none for a minute) or away (the
 * page is hidden), and reports changes; the status goes into the awareness `user` field.
 */
export const trackActivity = (onChange: (status: PresenceStatus) => void): (() => void) => {
  let status: PresenceStatus = document.hidden ? 'away' : 'active'
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  const set = (next: PresenceStatus): void => {
    if (next === status) return
    status = next
    onChange(status)
  }
  const onInput = (): void => {
    clearTimeout(idleTimer)
    idleTimer = setTimeout(() => set('idle'), idleAfterMs)
    if (!document.hidden) set('active')
  }
  const onVisibility = (): void => (document.hidden ? set('away') : onInput())
  const inputEvents = ['keydown', 'pointerdown', 'wheel'] as const
  for (const type of inputEvents) window.addEventListener(type, onInput, { passive: true })
  document.addEventListener('visibilitychange', onVisibility)
  onInput()
  onChange(status)
  return () => {
    clearTimeout(idleTimer)
    for (const type of inputEvents) window.removeEventListener(type, onInput)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}
