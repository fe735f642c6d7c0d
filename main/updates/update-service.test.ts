import { EventEmitter } from 'node:events'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../app/ipc'
import { UpdateService, type Updater } from './update-service'

/**
 * An updater that behaves as electron-updater's does against a release feed: it emits the same
 * events in the same order. The feed's answers are set per test.
 */
class FeedUpdater extends EventEmitter implements Updater {
  autoDownload = false
  installs = 0
  constructor(private readonly answer: () => Promise<void>) {
    super()
  }
  async checkForUpdates(): Promise<unknown> {
    this.emit('checking-for-update')
    await this.answer()
    return null
  }
  quitAndInstall(): void {
    this.installs++
  }
}

const quiet = pino({ level: 'silent' })

describe('UpdateService', () => {
  it('downloads a newer version in the background and installs it when asked', async () => {
    const updater: FeedUpdater = new FeedUpdater(async () => {
      updater.emit('update-available', { version: '1.2.0' })
      updater.emit('download-progress', { percent: 41.6 })
      updater.emit('update-downloaded', { version: '1.2.0' })
    })
    const service = new UpdateService(updater, '1.1.0', quiet)
    const seen: UpdateStatus[] = []
    service.onDidChangeStatus((status) => seen.push(status))
    expect(updater.autoDownload).toBe(true)
    expect(() => service.install()).toThrow('there is no downloaded update to install (the updater is idle)')
    expect(await service.check()).toEqual({ state: 'ready', currentVersion: '1.1.0', version: '1.2.0' })
    expect(seen.map((status) => status.state)).toEqual(['checking', 'downloading', 'downloading', 'ready'])
    expect(seen[2]).toMatchObject({ percent: 42 })
    service.install()
    expect(updater.installs).toBe(1)
    service.dispose()
  })

  it('says it is up to date, and why a check failed', async () => {
    let fail = false
    const updater: FeedUpdater = new FeedUpdater(async () => {
      if (fail) {
        updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'))
        throw new Error('net::ERR_INTERNET_DISCONNECTED')
      }
      updater.emit('update-not-available', { version: '1.1.0' })
    })
    const service = new UpdateService(updater, '1.1.0', quiet)
    expect(await service.check()).toMatchObject({ state: 'up-to-date', currentVersion: '1.1.0' })
    fail = true
    expect(await service.check()).toEqual({ state: 'failed', currentVersion: '1.1.0', reason: 'net::ERR_INTERNET_DISCONNECTED' })
    service.dispose()
  })

  it('reports a copy that cannot update itself as such, and never checks', async () => {
    const service = new UpdateService(null, '1.1.0', quiet, 'a development build does not update itself')
    expect(await service.check()).toEqual({ state: 'unsupported', currentVersion: '1.1.0', reason: 'a development build does not update itself' })
    service.dispose()
  })
})
