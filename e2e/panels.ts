/**
 * Helpers for the browser tests of comments, history and chat: the live editor (a version view
 * adds a second ProseMirror root to the page), selecting text in it, and typing at its end.
 */
import type { Browser, Locator, Page } from '@playwright/test'
import { expect, type Writer } from './fixtures'

/** The live document's editor (not a version's read-only view). */
export const liveEditor = (page: Page): Locator => page.locator('.editor-slot:not(.version-slot) > .ProseMirror')

/** Selects the first occurrence of `text` in the live editor, as a user dragging over it would. */
export const selectText = async (page: Page, text: string): Promise<void> => {
  await liveEditor(page).focus()
  await page.evaluate((wanted) => {
    const { view } = window.ensembleEditor!
    let range: { from: number; to: number } | null = null
    view.state.doc.descendants((node, pos) => {
      if (range !== null) return false
      if (!node.isTextblock) return true
      // Text positions inside a textblock: its content starts one after the block's position.
      const index = node.textContent.indexOf(wanted)
      if (index >= 0) range = { from: pos + 1 + index, to: pos + 1 + index + wanted.length }
      return false
    })
    if (range === null) throw new Error(`"${wanted}" is not in the editor`)
    const { from, to } = range
    const start = view.domAtPos(from)
    const end = view.domAtPos(to)
    const domRange = document.createRange()
    domRange.setStart(start.node, start.offset)
    domRange.setEnd(end.node, end.offset)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(domRange)
  }, text)
  // ProseMirror reads a DOM selection on the browser's (asynchronous) selectionchange.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const { state } = window.ensembleEditor!.view
        return state.doc.textBetween(state.selection.from, state.selection.to)
      })
    )
    .toBe(text)
}

/** Puts the caret at the end of the live document and types `text`. */
export const typeAtEnd = async (page: Page, text: string): Promise<void> => {
  await liveEditor(page).focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

/** Opens the side panel's tab `tab` (comments, history or chat) unless it is open already. */
export const openTab = async (page: Page, tab: 'comments' | 'history' | 'chat'): Promise<void> => {
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
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  return { context, page, name: user }
}
