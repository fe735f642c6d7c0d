/**
 * Fixtures for the browser tests: a relay of our own per test (port 0, in memory unless a test
 * asks for a data folder) serving the built web client, and pages that open documents on it, each
 * in its own browser context (its own IndexedDB and localStorage, like two people's browsers).
 */
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { startEnsembleRelay } from '../server/testing/harness'
import type { Relay, RelayOptions } from '../server/relay'
import type {} from '../renderer/diagnostics'

export const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url))

/** A relay under test that can be stopped and started again on the same port. */
export interface RelayUnderTest {
  /** `http://127.0.0.1:PORT`, where the web client is served. */
  readonly httpUrl: string
  readonly current: Relay
  stop(): Promise<void>
  /** Starts a relay again on the same port with the same options. */
  restart(): Promise<void>
}

export interface Writer {
  readonly context: BrowserContext
  readonly page: Page
  readonly name: string
}

interface Fixtures {
  relayOptions: RelayOptions
  relay: RelayUnderTest
  /** Opens `doc` as `user` in a fresh browser context and waits until the editor is connected. */
  openWriter: (user: string, doc: string, options?: { color?: string; locale?: string }) => Promise<Writer>
}

export const startRelayUnderTest = async (options: RelayOptions): Promise<RelayUnderTest> => {
  let relay = await startEnsembleRelay({ webRoot, ...options })
  const port = relay.port
  let stopped = false
  return {
    get httpUrl() {
      return `http://127.0.0.1:${port}`
    },
    get current() {
      return relay
    },
    stop: async () => {
      stopped = true
      await relay.close()
    },
    restart: async () => {
      if (!stopped) await relay.close()
      relay = await startEnsembleRelay({ webRoot, ...options, port })
      stopped = false
    }
  }
}

export const openWriterPage = async (
  browser: Browser,
  httpUrl: string,
  user: string,
  doc: string,
  /**
   * `color`: a profile colour to start with (the web client otherwise picks one at random);
   * `locale`: the browser's language (Playwright sets `navigator.languages` and Accept-Language).
   */
  options: { color?: string; locale?: string } = {}
): Promise<Writer> => {
  const context = await browser.newContext(options.locale === undefined ? {} : { locale: options.locale })
  if (options.color !== undefined) {
    const profile = JSON.stringify({ name: user, color: options.color })
    await context.addInitScript((saved) => window.localStorage.setItem('ensemble.profile', saved), profile)
  }
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[${user}] page error:`, error))
  await page.goto(`${httpUrl}/?doc=${encodeURIComponent(doc)}&user=${encodeURIComponent(user)}`)
  await expect(page.locator('.ProseMirror')).toBeVisible()
  await expectConnected(page)
  await whenEditorPublished(page)
  return { context, page, name: user }
}

/** The page's status bar says it is connected to its relay. */
export const expectConnected = (page: Page): Promise<void> =>
  expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')

/**
 * Waits until the renderer has published the open document as `window.ensembleEditor`. The screen
 * shows the editor, its name and its status before that: `showEditorScreen` resolves only after
 * the local cache has loaded.
 */
export const whenEditorPublished = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => window.ensembleEditor !== undefined)
}

export const test = base.extend<Fixtures>({
  relayOptions: [{}, { option: true }],
  relay: async ({ relayOptions }, use) => {
    const relay = await startRelayUnderTest(relayOptions)
    await use(relay)
    await relay.stop()
  },
  openWriter: async ({ browser, relay }, use) => {
    const writers: Writer[] = []
    await use(async (user, doc, options) => {
      const writer = await openWriterPage(browser, relay.httpUrl, user, doc, options)
      writers.push(writer)
      return writer
    })
    for (const writer of writers) await writer.context.close()
  }
})

export { expect }

/**
 * The text of the document shown in `page`, blocks separated by newlines. Read from the view's
 * state rather than `innerText`, which would include the names on remote cursors. Waits for the
 * editor to be published first, since `expect.poll` does not retry a callback that throws.
 */
export const editorText = async (page: Page): Promise<string> => {
  await whenEditorPublished(page)
  return page.evaluate(() => {
    const doc = window.ensembleEditor!.view.state.doc
    return doc.textBetween(0, doc.content.size, '\n')
  })
}

/** Replaces the document with `texts`, one paragraph each, in one transaction (typing them would take long). */
export const replaceWithParagraphs = (page: Page, texts: readonly string[]): Promise<void> =>
  page.evaluate((lines) => {
    const view = window.ensembleEditor!.view
    const { schema } = view.state
    const blocks = lines.map((text) => schema.nodes.paragraph!.create(null, text === '' ? [] : schema.text(text)))
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, blocks))
  }, texts)
