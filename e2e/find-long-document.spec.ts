import { test, expect, replaceWithParagraphs } from './fixtures'
import { liveEditor } from './panels'

/**
 * Find in a document of about 100,000 words, as in the editor benchmark: counting every match,
 * and keeping the count right while the writer types with the bar open.
 */

// A failure's trace keeps its actions but no DOM snapshots: the snapshotter reads scrollTop of
// every element, and each of the 5,000 highlighted matches inside a block the browser skips
// (content-visibility) costs a forced layout of about 4 ms, which made one action take a minute.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false } })

test('a long document stays quick to search and to type in with the find bar open', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'find-long')
  // About 100,000 words, as in the editor benchmark.
  const lines = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} of the long report, with enough words to make a real page of text here.`)
  await replaceWithParagraphs(page, lines)
  await liveEditor(page).focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Control+f')
  await page.keyboard.type('report')
  await expect(page.getByTestId('find-count')).toHaveText(/ of 5,000$/)
  // Typing in the document keeps the count right: the new word is found, nothing else is searched again.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Control+f')
  await page.getByTestId('find-input').fill('report')
  await liveEditor(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' The report ends.')
  await expect(page.getByTestId('find-count')).toHaveText(/ of 5,001$/)
  await expect(page.getByTestId('find-bar')).toBeVisible()
})
