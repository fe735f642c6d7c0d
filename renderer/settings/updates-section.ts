import type { UpdatesBridge } from '../../app/bridge'
import type { UpdateStatus } from '../../app/ipc'

/** What the Settings dialog says about the app's updates. */
export const describeUpdateStatus = (status: UpdateStatus): string => {
  const version = `Ensemble ${status.currentVersion}`
  switch (status.state) {
    case 'idle':
      return `${version}.`
    case 'checking':
      return `${version}. Checking for updates…`
    case 'up-to-date':
      return `${version} is up to date (checked ${new Date(status.checkedAt).toLocaleTimeString()}).`
    case 'downloading':
      return `${version}. Downloading version ${status.version}: ${status.percent} %.`
    case 'ready':
      return `Version ${status.version} is ready: it installs when you quit, or now with “Restart to update”.`
    case 'failed':
      return `${version}. Could not check for updates: ${status.reason}. Check your connection and try again.`
    case 'unsupported':
      return `${version}. Updates: ${status.reason}.`
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
  section.setAttribute('aria-label', 'Updates')
  const text = document.createElement('p')
  text.setAttribute('role', 'status')
  const check = document.createElement('button')
  check.type = 'button'
  check.textContent = 'Check for updates'
  const install = document.createElement('button')
  install.type = 'button'
  install.textContent = 'Restart to update'
  section.append(text, check, install)
  container.append(section)
  const render = (status: UpdateStatus): void => {
    section.dataset.state = status.state
    text.textContent = describeUpdateStatus(status)
    check.hidden = status.state === 'unsupported' || status.state === 'ready'
    check.disabled = status.state === 'checking' || status.state === 'downloading'
    install.hidden = status.state !== 'ready'
  }
  check.addEventListener('click', () => void updates.check().then(render, (error: unknown) => (text.textContent = `Could not check for updates: ${String(error)}`)))
  install.addEventListener('click', () => void updates.install().catch((error: unknown) => (text.textContent = `Could not install the update: ${String(error)}`)))
  const stop = updates.onStatus(render)
  updates.getStatus().then(render, (error: unknown) => (text.textContent = `The update status could not be read: ${String(error)}`))
  return stop
}
