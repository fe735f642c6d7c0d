import { join } from 'node:path'
import { mountSmallDisk, type SmallDisk } from '../server/testing/small-disk'
import { test as base, expect, editorText, expectConnected, openWriterPage, startRelayUnderTest } from './fixtures'
import type { RelayUnderTest } from './fixtures'

// A relay whose LevelDB folder is on an 8 MiB disk that the test fills and frees.
const test = base.extend<{ disk: SmallDisk; smallDiskRelay: RelayUnderTest }>({
  // eslint-disable-next-line no-empty-pattern
  disk: async ({}, use) => {
    const disk = await mountSmallDisk(8 * 1024 * 1024)
    await use(disk)
    await disk.unmount()
  },
  smallDiskRelay: async ({ disk }, use) => {
    const relay = await startRelayUnderTest({ dataDir: join(disk.path, 'data') })
    await use(relay)
    await relay.stop()
  }
})

test('the page says its edits are not saved while the relay cannot store them, and everything is stored once it can', async ({
  browser,
  disk,
  smallDiskRelay: relay
}, testInfo) => {
  const ana = await openWriterPage(browser, relay.httpUrl, 'Ana Lima', 'outage')
  const whileFull = 'Typed while the disk was full. '
  let sentences = 0
  try {
    const editor = ana.page.locator('.ProseMirror')
    await editor.focus()
    await ana.page.keyboard.type('Saved before. ')
    const status = ana.page.getByTestId('storage-status')
    await expect(status).toBeHidden()

    await disk.fill()
    // The log's last, partly used page still takes a few records: type until a write needs more.
    do {
      await ana.page.keyboard.type(whileFull)
      sentences++
    } while (sentences < 40 && !(await status.isVisible()))
    await expect(status).toBeVisible()
    await expect(status).toHaveText(/Not saved on the relay: its storage is failing/)
    await expect(status).toHaveAttribute('title', /No space left on device/)
    const health = (await (await fetch(`${relay.httpUrl}/healthz`)).json()) as { status: string; dependencies: Record<string, { ok: boolean }> }
    expect(health.status).toBe('degraded')
    expect(health.dependencies.saving?.ok).toBe(false)
    await ana.page.screenshot({ path: testInfo.outputPath('storage-outage-en.png') })

    await disk.free()
    await expect(status).toBeHidden({ timeout: 20_000 })
    await expect(ana.page.getByTestId('notice')).toHaveText('Your edits are saved on the relay again.')
    await ana.page.keyboard.type('After.')
  } finally {
    await ana.context.close()
  }
  // Restarted from its folder alone, with no page left to resend anything, the relay has it all.
  await relay.restart()
  const ben = await openWriterPage(browser, relay.httpUrl, 'Ben Ode', 'outage')
  try {
    await expectConnected(ben.page)
    await expect.poll(() => editorText(ben.page)).toBe(`Saved before. ${whileFull.repeat(sentences)}After.`)
  } finally {
    await ben.context.close()
  }
})
