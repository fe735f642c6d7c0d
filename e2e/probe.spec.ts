import { test, expect, editorText } from './fixtures'

test('probe', async ({ openWriter }, testInfo) => {
  const ana = await openWriter('Ana Lima', 'probe')
  const ben = await openWriter('Ben Ode', 'probe')
  await ana.page.locator('.ProseMirror').click()
  await ana.page.keyboard.type('# Title\nHello **bold** world')
  await ben.page.locator('.ProseMirror').click()
  await ben.page.keyboard.type('From Ben')
  await expect.poll(() => editorText(ben.page)).toContain('Hello')
  await ana.page.screenshot({ path: testInfo.outputPath('ana.png') })
  console.log(await editorText(ana.page), '|', await editorText(ben.page))
  await ana.context.setOffline(true)
  await expect(ana.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline', { timeout: 5000 })
})
