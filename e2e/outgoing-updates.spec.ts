import type { Page, WebSocket } from '@playwright/test'
import { test, expect, editorText } from './fixtures'

/**
 * A window sends its changes merged, one update message per task (renderer/session/
 * outgoing-updates.ts): many transactions in one task leave as one message, a keystroke leaves at
 * once, the other page gets everything, and the relay's stored acks still mark it all saved.
 */

/** Counts the y-websocket sync update messages (type 0, sub-type 2) `page` sends to its relay. */
const countUpdatesSent = (page: Page): { readonly count: number } => {
  const counter = { count: 0 }
  page.on('websocket', (socket: WebSocket) => {
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string' && payload[0] === 0 && payload[1] === 2) counter.count++
    })
  })
  return counter
}

test('two hundred transactions in one task leave as one message; each keystroke as its own; all stored', async ({ browser, relay, openWriter }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const sent = countUpdatesSent(page)
  await page.goto(`${relay.httpUrl}/?doc=merged&user=Ana`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  await page.waitForFunction(() => window.ensembleEditor !== undefined)
  const reader = await openWriter('Ben', 'merged')

  const before = sent.count
  await page.evaluate(() => {
    const view = window.ensembleEditor!.view
    for (let i = 0; i < 200; i++) view.dispatch(view.state.tr.insertText(String(i % 10), view.state.doc.content.size - 1))
  })
  await expect.poll(() => editorText(reader.page)).toBe('0123456789'.repeat(20))
  expect(sent.count - before).toBe(1)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')

  await page.locator('.ProseMirror').click()
  await page.keyboard.press('End')
  const typing = sent.count
  for (const [index, key] of [...'abc'].entries()) {
    await page.keyboard.type(key)
    await expect.poll(() => sent.count).toBe(typing + index + 1)
  }
  await expect.poll(() => editorText(reader.page)).toBe(`${'0123456789'.repeat(20)}abc`)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  await context.close()
})
