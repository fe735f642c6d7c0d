import type { Page } from '@playwright/test'
import { test, expect, expectConnected } from './fixtures'

/** Boxes of elements that must be wholly on screen, by what they are. */
const boxesOf = (page: Page, selectors: Record<string, string>) =>
  page.evaluate((wanted) => {
    const boxes: Record<string, { left: number; right: number; width: number; height: number } | null> = {}
    for (const [what, selector] of Object.entries(wanted)) {
      const box = document.querySelector(selector)?.getBoundingClientRect()
      boxes[what] = box === undefined ? null : { left: box.left, right: box.right, width: box.width, height: box.height }
    }
    return boxes
  }, selectors)

test('at a phone’s width (420 px) the document takes the width and the header fits', async ({ browser, relay }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 420, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${relay.httpUrl}/?doc=${encodeURIComponent('team/a rather long document name for a phone')}&user=Ana`)
  await expectConnected(page)
  // Under the document, the side panel starts folded: only its tabs take room.
  await expect(page.getByTestId('side-panel')).toHaveAttribute('data-open', 'none')
  await page.locator('.ProseMirror').focus()
  await page.keyboard.type('Writing on a phone.')
  const check = async (state: string): Promise<void> => {
    const boxes = await boxesOf(page, {
      title: '[data-testid=document-name]',
      presence: '[data-testid=presence]',
      status: '[data-testid=connection-status]',
      storage: '[data-testid=storage-status]',
      export: '[data-testid=export-menu]',
      home: '[data-testid=go-home]',
      share: '[data-testid=share]',
      settings: '[data-testid=open-settings]',
      toolbar: '[data-testid=toolbar]',
      tabs: '[data-testid=side-panel] [role=tablist]'
    })
    for (const [what, box] of Object.entries(boxes)) {
      if (box === null || box.width === 0) continue
      expect(box.left, `${what} (${state}) starts on screen`).toBeGreaterThanOrEqual(0)
      expect(box.right, `${what} (${state}) ends on screen`).toBeLessThanOrEqual(420)
    }
    expect(boxes.title!.width, `the title (${state}) is readable`).toBeGreaterThan(150)
    for (const what of ['home', 'share', 'settings']) expect(boxes[what]!.width, `${what} (${state})`).toBeGreaterThan(30)
    const editor = (await page.locator('.ProseMirror').boundingBox())!
    expect(editor.width, `the document (${state}) is most of the width`).toBeGreaterThanOrEqual(330)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `nothing (${state}) overflows sideways`).toBeLessThanOrEqual(420)
  }
  await check('connected')
  // The relay's "Not saved on the relay" note shares the header: it must fit too. Shown here as
  // the storage status view shows it (renderer/session/storage-status-view.ts).
  await page.evaluate(() => {
    const note = document.querySelector<HTMLElement>('[data-testid=storage-status]')!
    note.hidden = false
    note.textContent = 'Not saved on the relay: its storage is failing. Your edits still reach the others and stay in this window; keep it open.'
  })
  await check('with the storage note')
  const path = testInfo.outputPath('editor-at-420px.png')
  await page.screenshot({ path })
  await testInfo.attach('the editor at 420 px', { path, contentType: 'image/png' })
  // A tab still opens its panel there, under the document.
  await page.getByTestId('tab-chat').click()
  await expect(page.getByTestId('chat-panel')).toBeVisible()
  await check('with the chat open')
  await context.close()
})
