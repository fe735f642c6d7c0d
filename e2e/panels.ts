/**
 * Helpers for the browser tests of comments, history and chat: the live editor (a version view
 * adds a second ProseMirror root to the page), selecting text in it, and typing at its end.
 */
import type { Browser, Locator, Page } from '@playwright/test'
import { expect, expectConnected, type Writer } from './fixtures'

/** The live document's editor (not a version's read-only view). */
export const liveEditor = (page: Page): Locator => page.locator('.editor-slot:not(.version-slot) > .ProseMirror')

/** Selects the first occurrence of `text` in the live editor, as a user dragging over it would. */
export const selectText = (page: Page, text: string): Promise<void> => selectInEditor(page, text, 'all')

/**
 * Puts the caret just before or after the first occurrence of `text`, as a click there would.
 * Tests use this instead of selecting and pressing an arrow key: ProseMirror learns of an arrow
 * key's native caret move on the asynchronous selectionchange, which a key pressed right after it
 * can overtake.
 */
export const placeCaret = (page: Page, where: 'before' | 'after', text: string): Promise<void> =>
  selectInEditor(page, text, where)

const selectInEditor = async (page: Page, text: string, part: 'all' | 'before' | 'after'): Promise<void> => {
  await liveEditor(page).focus()
  const wanted = await page.evaluate(
    ({ text, part }) => {
      const { view } = window.ensembleEditor!
      let range: { from: number; to: number } | null = null
      view.state.doc.descendants((node, pos) => {
        if (range !== null) return false
        if (!node.isTextblock) return true
        // Text positions inside a textblock: its content starts one after the block's position.
        const index = node.textContent.indexOf(text)
        if (index >= 0) range = { from: pos + 1 + index, to: pos + 1 + index + text.length }
        return false
      })
      if (range === null) throw new Error(`"${text}" is not in the editor`)
      const { from, to } = range as { from: number; to: number }
      const anchor = part === 'after' ? to : from
      const head = part === 'before' ? from : to
      const start = view.domAtPos(anchor)
      const end = view.domAtPos(head)
      const domRange = document.createRange()
      domRange.setStart(start.node, start.offset)
      domRange.setEnd(end.node, end.offset)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(domRange)
      return { from: anchor, to: head }
    },
    { text, part }
  )
  // ProseMirror reads a DOM selection on the browser's (asynchronous) selectionchange.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const { selection } = window.ensembleEditor!.view.state
        return { from: selection.from, to: selection.to }
      })
    )
    .toEqual(wanted)
}

/** Puts the caret at the end of the live document and types `text`. */
export const typeAtEnd = async (page: Page, text: string): Promise<void> => {
  await liveEditor(page).focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

/** Opens the side panel's tab `tab` (comments, suggestions, history or chat) unless it is open already. */
export const openTab = async (page: Page, tab: 'comments' | 'suggestions' | 'history' | 'chat'): Promise<void> => {
  const button = page.getByTestId(`tab-${tab}`)
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click()
  await expect(page.getByTestId(`${tab}-panel`)).toBeVisible()
}

/** Opens `doc` as `user` with an access token (in the URL fragment) in a fresh browser context. */
export const openWithToken = async (browser: Browser, httpUrl: string, user: string, doc: string, token: string): Promise<Writer> => {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[${user}] page error:`, error))
  await page.goto(`${httpUrl}/?doc=${encodeURIComponent(doc)}&user=${encodeURIComponent(user)}#token=${encodeURIComponent(token)}`)
  await expectConnected(page)
  return { context, page, name: user }
}
