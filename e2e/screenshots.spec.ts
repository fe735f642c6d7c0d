/**
 * Screenshots of the home screen, the editor (also in dark mode) and the documents sidebar, in
 * English and in Chinese (`localStorage['ensemble.language']`, read before the page renders),
 * written as artifacts to
 * `test-results/screenshots/` for people to look at: the tests check that each screen is in its
 * language, the pictures show whether it looks right.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { expect, expectConnected, test, type RelayUnderTest } from './fixtures'

const folder = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url))

const languages = [
  { language: 'en', title: 'Quarterly plan', other: 'Meeting notes', body: 'Our goals for the next three months, and who leads each.', newDocument: 'New document' },
  { language: 'zh-CN', title: '季度计划', other: '会议纪要', body: '接下来三个月的目标，以及每项工作的负责人。', newDocument: '新建文档' }
] as const

/** A page in `language` for Ana, on the relay under test, in a browser of its own. */
const pageIn = async (browser: Browser, language: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })
  await context.addInitScript((chosen) => {
    window.localStorage.setItem('ensemble.language', chosen)
    window.localStorage.setItem('ensemble.profile', JSON.stringify({ name: 'Ana Lima', color: '#1b998b' }))
  }, language)
  return context.newPage()
}

/** Opens `doc`, gives it `title` and a line of text; leaves the page on it. */
const write = async (page: Page, relay: RelayUnderTest, doc: string, title: string, body: string): Promise<void> => {
  await page.goto(`${relay.httpUrl}/?doc=${encodeURIComponent(doc)}`)
  await expectConnected(page)
  const field = page.getByTestId('document-name')
  await field.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(title)
  await page.keyboard.press('Enter')
  await expect(field).toHaveText(title)
  await page.locator('.ProseMirror').click()
  await page.keyboard.type(body)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
}

for (const { language, title, other, body, newDocument } of languages) {
  test(`screenshots of home, editor and sidebar in ${language}`, async ({ browser, relay }) => {
    mkdirSync(folder, { recursive: true })
    const page = await pageIn(browser, language)
    await write(page, relay, 'team/notes', other, body)
    await write(page, relay, 'team/plan', title, body)
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    await expect(page.getByTestId('documents-sidebar')).toBeVisible()
    await expect(page.getByTestId('sidebar-document')).toHaveCount(2)
    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${folder}editor-${language}.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${folder}editor-${language}-dark.png` })
    await page.emulateMedia({ colorScheme: 'light' })

    await page.getByTestId('sidebar-search').fill(title.slice(0, 2))
    await expect(page.getByTestId('sidebar-document')).toHaveCount(1)
    await page.screenshot({ path: `${folder}sidebar-${language}.png`, clip: { x: 0, y: 0, width: 640, height: 480 } })

    await page.getByTestId('go-home').click()
    await expect(page.getByTestId('new-document')).toContainText(newDocument)
    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${folder}home-${language}.png`, fullPage: true })
    await page.context().close()
  })
}
