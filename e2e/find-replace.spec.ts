import type { Page } from '@playwright/test'
import { test, expect, editorText, replaceWithParagraphs } from './fixtures'
import { liveEditor } from './panels'

/**
 * Find and replace in the editor: the find bar of Mod-F and Mod-H, its count, match case, whole
 * word, replace and replace all (one undo step, synced) and Chinese text; find-long-document.spec.ts
 * has a long document.
 */

const selectedText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const { state } = window.ensembleEditor!.view
    return state.doc.textBetween(state.selection.from, state.selection.to)
  })

test('Mod-F finds every match, counts them, moves with Enter and Shift+Enter, and Escape returns to the text', async ({ openWriter }, testInfo) => {
  const { page } = await openWriter('Ana Lima', 'find')
  await replaceWithParagraphs(page, ['The cat sat on the mat.', 'Cats are not dogs; a CAT is a cat.', 'concatenate'])
  await liveEditor(page).focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+f')
  const bar = page.getByTestId('find-bar')
  await expect(bar).toBeVisible()
  await expect(bar.getByTestId('find-input')).toBeFocused()
  await expect(bar.getByTestId('replace-input')).toBeHidden()
  await page.keyboard.type('cat')
  const count = bar.getByTestId('find-count')
  await expect(count).toHaveText('1 of 5')
  await expect(liveEditor(page).locator('.find-match')).toHaveCount(5)
  await expect(liveEditor(page).locator('.find-current')).toHaveText('cat')
  await page.screenshot({ path: testInfo.outputPath('find-bar.png') })

  await page.keyboard.press('Enter')
  await expect(count).toHaveText('2 of 5')
  await expect(liveEditor(page).locator('.find-current')).toHaveText('Cat')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.press('Shift+Enter')
  await expect(count).toHaveText('5 of 5')
  await expect(liveEditor(page).locator('.find-current')).toHaveText('cat')

  await bar.getByTestId('find-match-case').check()
  await expect(count).toHaveText(/of 3$/)
  await bar.getByTestId('find-whole-word').check()
  await expect(count).toHaveText(/of 2$/)
  await bar.getByTestId('find-match-case').uncheck()
  await expect(count).toHaveText(/of 3$/)
  await expect(liveEditor(page).locator('.find-match')).toHaveText(['cat', 'CAT', 'cat'])

  await bar.getByTestId('find-input').fill('nothing like it')
  await expect(count).toHaveText('No matches')
  await expect(liveEditor(page).locator('.find-match')).toHaveCount(0)
  await bar.getByTestId('find-input').fill('mat')
  await expect(count).toHaveText('1 of 1')

  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
  await expect(liveEditor(page)).toBeFocused()
  await expect(liveEditor(page).locator('.find-match')).toHaveCount(0)
  // The match is selected: typing replaces it, in the document.
  await expect.poll(() => selectedText(page)).toBe('mat')
  await page.keyboard.type('rug')
  expect(await editorText(page)).toContain('The cat sat on the rug.')

  // Mod-F again opens with the selected text as the query.
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await expect.poll(() => selectedText(page)).toBe('rug')
  await page.keyboard.press('Control+f')
  await expect(bar.getByTestId('find-input')).toHaveValue('rug')
  await expect(count).toHaveText('1 of 1')
  // Escape in the text closes the bar as well.
  await liveEditor(page).click()
  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
})

test('Mod-H replaces one match, then all of them as one undoable change that the other page sees', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'replace')
  const ben = await openWriter('Ben Ode', 'replace')
  const { page } = ana
  await replaceWithParagraphs(page, ['red, Red and RED.', 'A reddish red.'])
  await expect.poll(() => editorText(ben.page)).toBe('red, Red and RED.\nA reddish red.')
  await liveEditor(page).focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+h')
  const bar = page.getByTestId('find-bar')
  await expect(bar.getByTestId('find-input')).toBeFocused()
  await expect(bar.getByTestId('replace-input')).toBeVisible()
  await page.keyboard.type('red')
  await expect(bar.getByTestId('find-count')).toHaveText('1 of 5')
  await bar.getByTestId('find-whole-word').check()
  await expect(bar.getByTestId('find-count')).toHaveText('1 of 4')
  await bar.getByTestId('replace-input').fill('blue')
  await bar.getByTestId('replace-one').click()
  await expect.poll(() => editorText(page)).toBe('blue, Red and RED.\nA reddish red.')
  await expect(bar.getByTestId('find-count')).toHaveText('1 of 3')
  await expect(liveEditor(page).locator('.find-current')).toHaveText('Red')

  await bar.getByTestId('replace-all').click()
  await expect(bar.getByTestId('find-note')).toHaveText('Replaced 3 matches.')
  await expect.poll(() => editorText(page)).toBe('blue, blue and blue.\nA reddish blue.')
  await expect(bar.getByTestId('find-count')).toHaveText('No matches')
  await expect.poll(() => editorText(ben.page)).toBe('blue, blue and blue.\nA reddish blue.')

  // One undo takes back all three, and only those: the single replacement before stays.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+z')
  await expect.poll(() => editorText(page)).toBe('blue, Red and RED.\nA reddish red.')
  await expect.poll(() => editorText(ben.page)).toBe('blue, Red and RED.\nA reddish red.')
  await page.keyboard.press('Control+z')
  await expect.poll(() => editorText(page)).toBe('red, Red and RED.\nA reddish red.')
})

test('find and replace work on Chinese text typed with an input method', async ({ openWriter }) => {
  const { page } = await openWriter('王芳', 'find-cjk')
  await replaceWithParagraphs(page, ['我们学习中文。中文很有意思！', '日本語も少し。'])
  await liveEditor(page).focus()
  await page.keyboard.press('Control+h')
  const input = page.getByTestId('find-input')
  // An input method composes the query; nothing is searched until it is committed.
  const session = await page.context().newCDPSession(page)
  await session.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 })
  await session.send('Input.imeSetComposition', { text: 'zhongwen', selectionStart: 8, selectionEnd: 8 })
  await expect(input).toHaveValue('zhongwen')
  await session.send('Input.insertText', { text: '中文' })
  await expect(input).toHaveValue('中文')
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2')
  await page.getByTestId('find-whole-word').check()
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2')
  await page.getByTestId('replace-input').fill('汉语')
  await page.getByTestId('replace-all').click()
  await expect.poll(() => editorText(page)).toBe('我们学习汉语。汉语很有意思！\n日本語も少し。')
})

test('Mod-F works from outside the text, and every control of the bar is named and reached with Tab', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'find-keys')
  await replaceWithParagraphs(page, ['alpha beta alpha'])
  await page.getByTestId('tab-chat').click()
  await page.getByTestId('chat-input').focus()
  await page.keyboard.press('Control+f')
  const bar = page.getByTestId('find-bar')
  await expect(bar.getByTestId('find-input')).toBeFocused()
  await page.keyboard.type('alpha')
  await expect(bar.getByTestId('find-count')).toHaveText('1 of 2')
  // Every control of the bar is named and reached with Tab.
  for (const [testId, name] of [
    ['find-previous', 'Previous match (Shift+Enter)'],
    ['find-next', 'Next match (Enter)'],
    ['find-match-case', 'Match case'],
    ['find-whole-word', 'Whole word'],
    ['find-toggle-replace', 'Replace (Ctrl/Cmd+H)'],
    ['find-close', 'Close (Escape)']
  ] as const) {
    await page.keyboard.press('Tab')
    await expect(bar.getByTestId(testId)).toBeFocused()
    await expect(bar.getByTestId(testId)).toHaveAccessibleName(name)
  }
  await page.keyboard.press('Enter')
  await expect(bar).toBeHidden()
})
