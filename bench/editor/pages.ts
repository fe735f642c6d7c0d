/** Opening the benchmark's pages: each in a fresh browser context, as a first visit. */
import type { Browser, Page } from '@playwright/test'

/** Generous: a page of the 1,000,000-character document on a busy 2-core machine. */
export const pageTimeoutMs = 10 * 60_000

/** A page in a fresh context (own IndexedDB, like a first visit), shimmed for tsx-compiled probes. */
export const openPage = async (browser: Browser, url: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
  // tsx (esbuild) wraps named functions in `__name(...)`; the probes run in the page, where it is missing.
  await context.addInitScript('globalThis.__name = (target) => target')
  const page = await context.newPage()
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`))
  await page.goto(url)
  return page
}

/** A page of the web client on `doc`, once it is connected to the relay and its editor exists. */
export const openConnected = async (browser: Browser, web: string, doc: string, user: string): Promise<Page> => {
  const page = await openPage(browser, `${web}/?doc=${encodeURIComponent(doc)}&user=${user}`)
  await page.waitForSelector('[data-testid=connection-status][data-state=connected]', { timeout: pageTimeoutMs })
  await page.waitForFunction(() => window.ensembleEditor !== undefined, null, { timeout: pageTimeoutMs })
  return page
}
