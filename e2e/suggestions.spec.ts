import { readFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { signAccessToken } from '../server/access/access-token'
import { tokenAuthentication } from '../server/access/token-authentication'
import type { AccessRole } from '../app/access-token'
import { test, expect, editorText, expectConnected, type Writer } from './fixtures'
import { liveEditor, openTab, placeCaret, selectText, typeAtEnd } from './panels'

/** Opens `doc` as `user`, in `color`, with a token of `role` in the URL fragment. */
const openAs = async (browser: Browser, httpUrl: string, user: string, color: string, doc: string, token: string): Promise<Writer> => {
  const context = await browser.newContext()
  await context.addInitScript((saved) => window.localStorage.setItem('ensemble.profile', saved), JSON.stringify({ name: user, color }))
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[${user}] page error:`, error))
  await page.goto(`${httpUrl}/?doc=${encodeURIComponent(doc)}&user=${encodeURIComponent(user)}#token=${encodeURIComponent(token)}`)
  await expectConnected(page)
  await page.waitForFunction(() => window.ensembleEditor !== undefined)
  return { context, page, name: user }
}

/** The suggestions the page's Suggestions tab lists, as `author kind: what it does`. */
const listed = (page: Page): Promise<string[]> =>
  page.getByTestId('suggestion').evaluateAll((items) =>
    items.map((item) => `${(item as HTMLElement).dataset.author} ${(item as HTMLElement).dataset.kind}: ${item.querySelector('.suggestion-text')?.textContent}`)
  )

/** How many suggestion marks the page's editor shows. */
const suggestionCount = (page: Page): Promise<number> =>
  page.evaluate(() => window.ensembleEditor!.view.dom.querySelectorAll('[data-suggestion]').length)

const modeButton = (page: Page) => page.getByTestId('toolbar').locator('[data-command=suggesting]')

test.describe('with access tokens', () => {
  const secret = new TextEncoder().encode('a secret of at least thirty-two bytes for the e2e relay')
  test.use({ relayOptions: { extensions: [tokenAuthentication(secret)] } })
  const grant = (role: AccessRole): Promise<string> => signAccessToken(secret, { doc: 'proposal', role, lifetimeMs: 3_600_000 })

  test('a suggester’s insertion and deletion reach an editor in their colour; the editor accepts one and rejects the other; a viewer cannot review', async ({ browser, relay }) => {
    const ben = await openAs(browser, relay.httpUrl, 'Ben Ode', '#2e86ab', 'proposal', await grant('edit'))
    const ana = await openAs(browser, relay.httpUrl, 'Ana Lima', '#c05299', 'proposal', await grant('suggest'))
    const vic = await openAs(browser, relay.httpUrl, 'Vic Reader', '#2b9348', 'proposal', await grant('view'))
    try {
      await typeAtEnd(ben.page, 'The quick brown fox.')
      await expect.poll(() => editorText(ana.page)).toBe('The quick brown fox.')
      // A suggester is always suggesting; the switch shows it and cannot leave it.
      await expect(modeButton(ana.page)).toHaveAttribute('aria-pressed', 'true')
      await expect(modeButton(ana.page)).toBeDisabled()
      await expect(modeButton(ben.page)).toHaveAttribute('aria-pressed', 'false')

      await placeCaret(ana.page, 'after', 'quick')
      await ana.page.keyboard.type(' red')
      await selectText(ana.page, 'fox')
      await ana.page.keyboard.press('Backspace')
      // Deleted text stays, struck through, for everyone.
      await expect.poll(() => editorText(ben.page)).toBe('The quick red brown fox.')

      const insertion = liveEditor(ben.page).locator('.suggested-insertion')
      const deletion = liveEditor(ben.page).locator('.suggested-deletion')
      await expect(insertion).toHaveText(' red')
      await expect(deletion).toHaveText('fox')
      await expect(insertion).toHaveAttribute('style', /--suggestion-color: #c05299/)
      await expect(deletion).toHaveAttribute('style', /--suggestion-color: #c05299/)
      await expect(insertion).toHaveAttribute('title', /^Suggested by Ana Lima, .+: insert$/)

      await openTab(ben.page, 'suggestions')
      await expect(ben.page.getByTestId('tab-suggestions-count')).toHaveText('2')
      await expect.poll(() => listed(ben.page)).toEqual(['Ana Lima insert: Insert “ red”', 'Ana Lima delete: Delete “fox”'])

      // Neither the viewer nor the suggester may review.
      for (const reader of [vic.page, ana.page]) {
        await openTab(reader, 'suggestions')
        await expect(reader.getByTestId('suggestion')).toHaveCount(2)
        await expect(reader.getByTestId('accept-suggestion')).toHaveCount(0)
        await expect(reader.getByTestId('reject-suggestion')).toHaveCount(0)
        await expect(reader.getByTestId('accept-all-suggestions')).toBeHidden()
        await expect(reader.getByTestId('suggestions-note')).toBeVisible()
      }
      await expect(vic.page.getByTestId('suggestions-note')).toHaveText('Only editors accept or reject suggestions.')

      await ben.page.getByTestId('suggestion').filter({ hasText: 'red' }).getByTestId('accept-suggestion').click()
      await ben.page.getByTestId('suggestion').filter({ hasText: 'fox' }).getByTestId('reject-suggestion').click()
      for (const page of [ben.page, ana.page, vic.page]) {
        await expect.poll(() => editorText(page)).toBe('The quick red brown fox.')
        await expect.poll(() => suggestionCount(page)).toBe(0)
        await expect(page.getByTestId('suggestion')).toHaveCount(0)
      }
      await expect(ben.page.getByTestId('tab-suggestions-count')).toBeHidden()
    } finally {
      await Promise.all([ana.context.close(), ben.context.close(), vic.context.close()])
    }
  })
})

test('an editor’s own suggesting mode; accept all and reject all; the exported Markdown is the accepted text', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'drafts')
  const ben = await openWriter('Ben Ode', 'drafts')
  await typeAtEnd(ben.page, 'Plain words here.')
  await expect.poll(() => editorText(ana.page)).toBe('Plain words here.')

  // Ana switches to suggesting with the keyboard, as in Google Docs.
  await liveEditor(ana.page).focus()
  await ana.page.keyboard.press('Control+Alt+Shift+X')
  await expect(modeButton(ana.page)).toHaveAttribute('aria-pressed', 'true')
  await expect(liveEditor(ana.page)).toHaveAttribute('data-suggesting', 'true')
  const suggest = async (): Promise<void> => {
    await placeCaret(ana.page, 'after', 'Plain')
    await ana.page.keyboard.type(' new')
    await placeCaret(ana.page, 'after', 'here')
    await ana.page.keyboard.press('Backspace')
    await ana.page.keyboard.press('Backspace')
    await ana.page.keyboard.press('Backspace')
    await ana.page.keyboard.press('Backspace')
    await expect.poll(() => listed(ben.page)).toEqual(['Ana Lima insert: Insert “ new”', 'Ana Lima delete: Delete “here”'])
  }
  await openTab(ben.page, 'suggestions')
  // A suggester takes a suggestion back with undo, like any change of their own.
  await placeCaret(ana.page, 'after', 'words')
  await ana.page.keyboard.type(' undone')
  await expect.poll(() => listed(ben.page)).toEqual(['Ana Lima insert: Insert “ undone”'])
  await ana.page.keyboard.press('Control+Z')
  await expect.poll(() => editorText(ben.page)).toBe('Plain words here.')
  await expect(ben.page.getByTestId('suggestion')).toHaveCount(0)

  await suggest()
  await ben.page.getByTestId('accept-all-suggestions').click()
  await expect.poll(() => editorText(ana.page)).toBe('Plain new words .')
  await expect(ana.page.getByTestId('suggestion')).toHaveCount(0)

  await ana.page.keyboard.press('Control+Alt+Shift+Z')
  await expect(modeButton(ana.page)).toHaveAttribute('aria-pressed', 'false')
  await liveEditor(ana.page).focus()
  await ana.page.keyboard.press('Control+A')
  await ana.page.keyboard.type('Plain words here.')
  await expect.poll(() => editorText(ben.page)).toBe('Plain words here.')
  await expect(ben.page.getByTestId('suggestion')).toHaveCount(0)

  await modeButton(ana.page).click()
  await expect(modeButton(ana.page)).toHaveAttribute('aria-pressed', 'true')
  await suggest()
  await ben.page.getByTestId('reject-all-suggestions').click()
  await expect.poll(() => editorText(ana.page)).toBe('Plain words here.')
  await expect(ana.page.getByTestId('suggestion')).toHaveCount(0)

  await suggest()
  await ben.page.getByTestId('export-menu').locator('summary').click()
  const [download] = await Promise.all([ben.page.waitForEvent('download'), ben.page.locator('[data-testid=export-menu] button[data-format=md]').click()])
  expect(await readFile((await download.path())!, 'utf8')).toBe('Plain new words .\n')
  // The suggestions are still there: exporting accepts nothing in the document.
  await expect(ben.page.getByTestId('suggestion')).toHaveCount(2)
})
