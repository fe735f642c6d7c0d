import type { UpdatesBridge } from '../../app/bridge'
import type { UpdateStatus } from '../../app/ipc'
import { t } from '../../app/i18n/translate'
import { displayLocale } from '../i18n/page-language'

/** What the Settings dialog says about the app's updates. */
export const describeUpdateStatus = (status: UpdateStatus): string => {
  const version = t('updates.version', { version: status.currentVersion })
  switch (status.state) {
    case 'idle':
      return t('updates.idle', { version })
    case 'checking':
      return t('updates.checking', { version })
    case 'up-to-date':
      return t('updates.upToDate', { version, time: new Date(status.checkedAt).toLocaleTimeString(displayLocale()) })
    case 'downloading':
      return t('updates.downloading', { version, next: status.version, percent: status.percent })
    case 'ready':
      return t('updates.ready', { next: status.version })
    case 'failed':
      return t('updates.failed', { version, reason: status.reason })
    case 'unsupported':
      return t('updates.unsupported', { version, reason: status.reason })
    default:
      throw new TypeError(`unknown update state ${JSON.stringify(status satisfies never)}`)
  }
}

/**
 * The Updates part of Settings (`[data-testid=updates]`): the version, what the last check found,
 * "Check for updates", and "Restart to update" once a new version is downloaded.
 */
export const mountUpdatesSection = (container: HTMLElement, updates: UpdatesBridge): (() => void) => {
  const section = document.createElement('section')
  section.className = 'updates'
  section.dataset.testid = 'updates'
  section.setAttribute('aria-label', t('updates.section'))
  const text = document.createElement('p')
  text.setAttribute('role', 'status')
  const check = document.createElement('button')
  check.type = 'button'
  check.textContent = t('updates.check')
  const install = document.createElement('button')
  install.type = 'button'
  install.textContent = t('updates.install')
  section.append(text, check, install)
  container.append(section)
  const render = (status: UpdateStatus): void => {
    section.dataset.state = status.state
    text.textContent = describeUpdateStatus(status)
    check.hidden = status.state === 'unsupported' || status.state === 'ready'
    check.disabled = status.state === 'checking' || status.state === 'downloading'
    install.hidden = status.state !== 'ready'
  }
  check.addEventListener('click', () => void updates.check().then(render, (error: unknown) => (text.textContent = t('updates.checkFailed', { reason: String(error) }))))
  install.addEventListener('click', () => void updates.install().catch((error: unknown) => (text.textContent = t('updates.installFailed', { reason: String(error) }))))
  const stop = updates.onStatus(render)
  updates.getStatus().then(render, (error: unknown) => (text.textContent = t('updates.statusUnreadable', { reason: String(error) })))
  return stop
}
