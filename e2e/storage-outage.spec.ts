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
  const stillFull = 'Still full. '
  let sentences = 0
  try {
    const editor = ana.page.locator('.ProseMirror')
    await editor.focus()
    await ana.page.keyboard.type('Saved before. ')
    const status = ana.page.getByTestId('storage-status')
    const saved = ana.page.getByTestId('save-status')
    await expect(status).toBeHidden()
    // "Saved" only once the relay confirms it stored the change (stored acks, README).
    await expect(saved).toHaveAttribute('data-state', 'saved')
    await expect(saved).toHaveText('Saved')

    await disk.fill()
    // The log's last, partly used page still takes a few records: type until a write needs more.
    do {
      await ana.page.keyboard.type(whileFull)
      sentences++
    } while (sentences < 40 && !(await status.isVisible()))
    await expect(status).toBeVisible()
    await expect(status).toHaveText(/Not saved on the relay: its storage is failing/)
    await expect(status).toHaveAttribute('title', /No space left on device/)
    await expect(saved).toHaveAttribute('data-state', 'pending')
    // Every keystroke from now on is one more change the relay has not stored.
    const before = Number(await saved.getAttribute('data-pending'))
    await ana.page.keyboard.type(stillFull)
    await expect(saved).toHaveText(`${before + stillFull.length} changes not yet on the relay`)
    // Leaving now asks first; dismissing the question keeps the page and its edits.
    const question = new Promise<string>((resolve) =>
      ana.page.once('dialog', (dialog) => {
        resolve(dialog.type())
        void dialog.dismiss()
      })
    )
    await ana.page.close({ runBeforeUnload: true })
    expect(await question).toBe('beforeunload')
    expect(ana.page.isClosed()).toBe(false)
    const health = (await (await fetch(`${relay.httpUrl}/healthz`)).json()) as { status: string; dependencies: Record<string, { ok: boolean }> }
    expect(health.status).toBe('degraded')
    expect(health.dependencies.saving?.ok).toBe(false)
    await ana.page.screenshot({ path: testInfo.outputPath('storage-outage-en.png') })

    await disk.free()
    await expect(status).toBeHidden({ timeout: 20_000 })
    await expect(ana.page.getByTestId('notice')).toHaveText('Your edits are saved on the relay again.')
    await expect(saved).toHaveAttribute('data-state', 'saved')
    await ana.page.keyboard.type('After.')
    await expect(saved).toHaveText('Saved')
  } finally {
    await ana.context.close()
  }
  // Restarted from its folder alone, with no page left to resend anything, the relay has it all.
  await relay.restart()
  const ben = await openWriterPage(browser, relay.httpUrl, 'Ben Ode', 'outage')
  try {
    await expectConnected(ben.page)
    await expect.poll(() => editorText(ben.page)).toBe(`Saved before. ${whileFull.repeat(sentences)}${stillFull}After.`)
  } finally {
    await ben.context.close()
  }
})
