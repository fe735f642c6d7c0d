import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, editorText, openWriterPage, startRelayUnderTest } from './fixtures'
import type { RelayUnderTest } from './fixtures'

// A relay that keeps documents in LevelDB, so that a restart has to bring them back from disk.
const test = base.extend<{ persistentRelay: RelayUnderTest }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  persistentRelay: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-e2e-'))
    const relay = await startRelayUnderTest({ dataDir })
    await use(relay)
    await relay.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('stopping and restarting the relay loses nothing and both pages return to connected', async ({ browser, persistentRelay }) => {
  const relay = persistentRelay
  const ana = await openWriterPage(browser, relay.httpUrl, 'Ana Lima', 'restart')
  const ben = await openWriterPage(browser, relay.httpUrl, 'Ben Ode', 'restart')
  try {
    await ana.page.locator('.ProseMirror').focus()
    await ana.page.keyboard.type('Before the restart.')
    await expect.poll(() => editorText(ben.page)).toBe('Before the restart.')

    await relay.stop()
    for (const writer of [ana, ben]) {
      await expect(writer.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline')
    }
    // Editing never blocks on the network: Ben writes while the relay is down.
    await ben.page.locator('.ProseMirror').focus()
    await ben.page.keyboard.press('Control+End')
    await ben.page.keyboard.type(' While it was down.')
    // Kept here, and counted: each keystroke (and the version history's note of who typed) is a
    // change the relay has not stored yet.
    const saveStatus = ben.page.getByTestId('save-status')
    await expect(saveStatus).toHaveText(/^\d+ changes not yet on the relay$/)
    expect(Number(await saveStatus.getAttribute('data-pending'))).toBeGreaterThanOrEqual(' While it was down.'.length)

    await relay.restart()
    for (const writer of [ana, ben]) {
      await expect(writer.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
    }
    const expected = 'Before the restart. While it was down.'
    await expect.poll(() => editorText(ana.page)).toBe(expected)
    await expect.poll(() => editorText(ben.page)).toBe(expected)
    // The sync after reconnecting carried them all, and the restarted relay stored them.
    await expect(saveStatus).toHaveAttribute('data-state', 'saved')

    // A newcomer without any offline copy gets everything from the restarted relay.
    const cleo = await openWriterPage(browser, relay.httpUrl, 'Cleo Park', 'restart')
    await expect.poll(() => editorText(cleo.page)).toBe(expected)
    await cleo.context.close()
  } finally {
    await ana.context.close()
    await ben.context.close()
  }
})
