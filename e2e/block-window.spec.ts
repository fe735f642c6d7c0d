import type { Page } from '@playwright/test'
import { test, expect, replaceWithParagraphs } from './fixtures'
import { liveEditor } from './panels'

/**
 * A long document renders only a window of blocks around the screen (renderer/editor/
 * block-window.ts): what is on screen is always drawn, wherever the page scrolls or the caret
 * goes, edits far down land where they were made, and a printed document has every block.
 */

const paragraphs = 3000

const writeParagraphs = (page: Page): Promise<void> =>
  replaceWithParagraphs(page, Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i} of a long report.`))

/** `content-visibility` of the top-level block at `index`. */
const visibility = (page: Page, index: number): Promise<string> =>
  liveEditor(page).evaluate((root, at) => getComputedStyle(root.children[at]!).contentVisibility, index)

/**
 * The top-level blocks that meet the viewport but are hidden outright (the browser draws the
 * others itself, `content-visibility: auto` renders whatever is on screen).
 */
const blankOnScreen = (page: Page): Promise<number[]> =>
  liveEditor(page).evaluate((root) =>
    Array.from(root.children).flatMap((block, index) => {
      const { top, bottom } = block.getBoundingClientRect()
      return bottom > 0 && top < window.innerHeight && getComputedStyle(block).contentVisibility === 'hidden' ? [index] : []
    })
  )

/** The top-level block holding the caret: its index, its text and the caret's offset in it. */
const caretBlock = (page: Page): Promise<{ index: number; text: string; offset: number }> =>
  page.evaluate(() => {
    const { $head } = window.ensembleEditor!.view.state.selection
    return { index: $head.index(0), text: $head.parent.textContent, offset: $head.parentOffset }
  })

const scrollTo = (page: Page, fraction: number): Promise<void> =>
  page.locator('.editor-scroll').evaluate((scroller, at) => {
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * at
  }, fraction)

test('a long document draws what is on screen wherever it scrolls, edits far down in place, and prints every block', async ({ openWriter }) => {
  test.setTimeout(120_000)
  const { page } = await openWriter('Ana Lima', 'block-window')
  await writeParagraphs(page)
  // Blocks far from the screen are hidden outright; those near it are left to the browser.
  await expect.poll(() => visibility(page, 2500)).toBe('hidden')
  expect(await visibility(page, 0)).toBe('auto')
  expect(await blankOnScreen(page)).toEqual([])

  for (const fraction of [0.5, 0.9, 0.2, 1]) {
    await scrollTo(page, fraction)
    await expect.poll(() => blankOnScreen(page)).toEqual([])
  }
  expect(await visibility(page, 0)).toBe('hidden')

  // A click far down edits that paragraph, once.
  await scrollTo(page, 0.5)
  const middle = liveEditor(page).locator(':scope > p').nth(1500)
  await middle.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Edited here.')
  await expect(middle).toHaveText('Paragraph 1500 of a long report. Edited here.')

  // The caret's jumps take the window with them.
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('Start: ')
  await expect(liveEditor(page).locator(':scope > p').first()).toHaveText('Start: Paragraph 0 of a long report.')
  await expect.poll(() => blankOnScreen(page)).toEqual([])
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' The end.')
  await expect(liveEditor(page).locator(':scope > p').last()).toHaveText(`Paragraph ${paragraphs - 1} of a long report. The end.`)
  await expect.poll(() => blankOnScreen(page)).toEqual([])
  // Page by page up from the end, the caret lands in drawn text, and typing goes where it is.
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageUp')
  const before = await caretBlock(page)
  expect(before.index).toBeLessThan(paragraphs - 10)
  await page.keyboard.type('#')
  const after = await caretBlock(page)
  expect(after).toEqual({ index: before.index, text: `${before.text.slice(0, before.offset)}#${before.text.slice(before.offset)}`, offset: before.offset + 1 })
  await expect.poll(() => blankOnScreen(page)).toEqual([])
  const text = await page.evaluate(() => window.ensembleEditor!.view.state.doc.textBetween(0, window.ensembleEditor!.view.state.doc.content.size, '\n'))
  expect(text.split('\n')).toHaveLength(paragraphs)

  await page.emulateMedia({ media: 'print' })
  expect(await visibility(page, 1000)).not.toBe('hidden')
})
