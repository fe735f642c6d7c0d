import type { PlatformBridge } from '../../app/bridge'
import { maxDisplayNameLength, profileColors, profileProblem, type UserProfile } from '../../app/profile'
import { openDialog, type Dialog } from '../ui/dialog'
import { fromTemplate, messageOf, part, runForm } from '../ui/dom'
import { mountLanguageSection } from './language-section'
import { mountUpdatesSection } from './updates-section'
import { t } from '../../app/i18n/translate'

/** Why `text` is not a LAN port the settings accept, or `null` with the port. */
export const parseLanPort = (text: string): { port: number } | { problem: string } => {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return { problem: t('settings.portNotNumber', { port: trimmed }) }
  const port = Number(trimmed)
  if (port < 1024 || port > 65535) return { problem: t('settings.portOutOfRange', { port }) }
  return { port }
}

/**
 * Settings (`[data-testid=settings-dialog]`): the display name and colour others see, and the LAN
 * port of a hosted session. The profile is saved through the bridge, which tells every open
 * document (and, on the desktop, every window), so the people in them see the change at once.
 * Where the platform cannot host, the LAN port is shown disabled with the reason.
 */
export const openSettingsDialog = (bridge: PlatformBridge, profile: UserProfile | null): Dialog => {
  let stopUpdates = (): void => {}
  const dialog = openDialog({ title: t('settings.title'), testid: 'settings-dialog', onClose: () => stopUpdates() })
  const form = fromTemplate<HTMLFormElement>(`
    <form class="dialog-form">
      <label>${t('settings.displayName')} <input name="name" required maxlength="${maxDisplayNameLength}" autocomplete="name"></label>
      <label>${t('settings.colour')} <input name="color" type="color"></label>
      <div class="swatches" role="group" aria-label="${t('settings.suggestedColours')}"></div>
      <label>${t('settings.lanPort')} <input name="lanPort" type="text" inputmode="numeric" autocomplete="off"></label>
      <p class="note lan-note"></p>
      <button type="submit">${t('settings.save')}</button>
      <p class="saved note" role="status"></p>
      <p class="problem" role="alert"></p>
    </form>`)
  const name = part<HTMLInputElement>(form, '[name=name]')
  const color = part<HTMLInputElement>(form, '[name=color]')
  const port = part<HTMLInputElement>(form, '[name=lanPort]')
  const saved = part(form, '.saved')
  name.value = profile?.name ?? ''
  color.value = profile?.color ?? profileColors[0]
  for (const swatch of profileColors) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'swatch'
    button.dataset.color = swatch
    button.setAttribute('aria-label', t('settings.useColour', { colour: swatch }))
    button.style.backgroundColor = swatch
    button.addEventListener('click', () => (color.value = swatch))
    part(form, '.swatches').append(button)
  }
  const canHost = bridge.hosting.unavailableReason === null
  let storedPort: number | null = null
  if (canHost) {
    part(form, '.lan-note').textContent = t('settings.lanPortNote')
    bridge.hosting.getLanPort().then(
      (value) => {
        storedPort = value
        port.value = String(value)
      },
      (error: unknown) => (part(form, '.lan-note').textContent = t('settings.lanPortUnreadable', { reason: messageOf(error) }))
    )
  } else {
    port.disabled = true
    part(form, '.lan-note').textContent = t('settings.lanPortDesktopOnly')
  }
  form.addEventListener('input', () => (saved.textContent = ''))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void runForm(form, part(form, '.problem'), async () => {
      const next = { name: name.value.trim(), color: color.value }
      const problem = profileProblem(next)
      if (problem !== null) throw new RangeError(problem)
      let lanPort: number | null = null
      if (canHost && port.value.trim() !== String(storedPort)) {
        const parsed = parseLanPort(port.value)
        if ('problem' in parsed) throw new RangeError(parsed.problem)
        lanPort = parsed.port
      }
      await bridge.saveProfile(next)
      if (lanPort !== null) {
        await bridge.hosting.setLanPort(lanPort)
        storedPort = lanPort
      }
      saved.textContent = t('settings.saved')
    })
  })
  dialog.body.append(form)
  mountLanguageSection(dialog.body, (choice) => bridge.saveLanguageChoice(choice))
  if (bridge.updates !== null) stopUpdates = mountUpdatesSection(dialog.body, bridge.updates)
  name.focus()
  return dialog
}
