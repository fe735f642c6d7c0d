import { describe, expect, it } from 'vitest'
import { describeUpdateStatus } from './updates-section'

describe('describeUpdateStatus', () => {
  it('says what the updater found, and what to do', () => {
    expect(describeUpdateStatus({ state: 'downloading', currentVersion: '1.1.0', version: '1.2.0', percent: 42 })).toBe(
      'Ensemble 1.1.0. Downloading version 1.2.0: 42 %.'
    )
    expect(describeUpdateStatus({ state: 'ready', currentVersion: '1.1.0', version: '1.2.0' })).toBe(
      'Version 1.2.0 is ready: it installs when you quit, or now with “Restart to update”.'
    )
    expect(describeUpdateStatus({ state: 'failed', currentVersion: '1.1.0', reason: 'net::ERR_INTERNET_DISCONNECTED' })).toBe(
      'Ensemble 1.1.0. Could not check for updates: net::ERR_INTERNET_DISCONNECTED. Check your connection and try again.'
    )
  })
})
