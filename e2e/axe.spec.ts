/**
 * axe-core (through @axe-core/playwright) on every screen: home, the editor with its toolbar, the
 * sidebar and each side panel open, and the settings and share dialogs, in English and Chinese,
 * and in dark mode.
 * None may have a serious or critical violation; the report names each one with its elements.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, expectConnected, test } from './fixtures'

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

/** The serious and critical violations on the page now, each as "rule: what (where)". */
const seriousViolations = async (page: Page): Promise<string[]> => {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
}

const expectAccessible = async (page: Page, screen: string): Promise<void> => {
  expect(await seriousViolations(page), `serious or critical violations on ${screen}`).toEqual([])
}

const variants = [
  { language: 'en', colorScheme: 'light' },
  { language: 'zh-CN', colorScheme: 'light' },
  { language: 'en', colorScheme: 'dark' }
] as const

for (const { language, colorScheme } of variants) {
  test(`home, editor, sidebar, panels and dialogs have no serious axe violations (${language}, ${colorScheme})`, async ({ browser, relay }) => {
    // Eight full axe runs: more than the default minute on a busy machine.
    test.setTimeout(180_000)
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme })
    await context.addInitScript((chosen) => window.localStorage.setItem('ensemble.language', chosen), language)
    const page = await context.newPage()
    try {
      await page.goto(`${relay.httpUrl}/?doc=axe&user=Ana`)
      await expectConnected(page)
      await page.locator('.ProseMirror').click()
      await page.keyboard.type('Checked by axe.')
      await expect(page.getByTestId('documents-sidebar')).toBeVisible()
      await expect(page.getByTestId('toolbar')).toBeVisible()
      await expectAccessible(page, 'the editor with the sidebar')

      // Comments is open from the start; each click opens another tab.
      for (const tab of ['history', 'chat', 'comments']) {
        await page.getByTestId(`tab-${tab}`).click()
        await expect(page.getByTestId('side-panel')).toHaveAttribute('data-open', tab)
        await expectAccessible(page, `the editor with the ${tab} panel`)
      }

      await page.getByTestId('open-settings').click()
      await expect(page.getByTestId('settings-dialog')).toBeVisible()
      await expectAccessible(page, 'the settings dialog')
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('settings-dialog')).toHaveCount(0)

      await page.getByTestId('share').click()
      await expect(page.getByTestId('share-dialog')).toBeVisible()
      await expectAccessible(page, 'the share dialog')
      await page.keyboard.press('Escape')

      await page.getByTestId('go-home').click()
      await expect(page.getByTestId('new-document')).toBeVisible()
      await expect(page.getByTestId('sidebar-document')).toHaveCount(1)
      await expectAccessible(page, 'the home screen')
    } finally {
      await context.close()
    }
  })
}
