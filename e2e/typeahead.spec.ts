import type { Page } from '@playwright/test'
import { test, expect, editorText, openWriterPage } from './fixtures'
import { liveEditor } from './panels'

/** The menus typed into the text: the slash menu, @mentions and emoji by :name. */

/** The id of the option the editor names as active, and that option's item. */
const activeItem = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const id = document.querySelector('.ProseMirror')!.getAttribute('aria-activedescendant')
    return id === null ? null : (document.getElementById(id)?.dataset.item ?? null)
  })

test('"/" at the start of a block lists block types, filters as you type, and Arrow keys and Enter choose', async ({ openWriter }, testInfo) => {
  const { page } = await openWriter('Ana Lima', 'slash')
  await liveEditor(page).focus()
  await page.keyboard.type('/')
  const menu = page.getByTestId('slash-menu')
  await expect(menu).toBeVisible()
  await expect(menu).toHaveAttribute('role', 'listbox')
  await expect(menu).toHaveAccessibleName('Block types')
  // Only what changes the block: it is already text.
  await expect(menu.getByRole('option')).toHaveText([/Heading 1/, /Heading 2/, /Heading 3/, /Bulleted list/, /Numbered list/, /Task list/, /Quote/, /Code block/, /Divider/, /Image/, /Mention/, /Emoji/])
  await expect.poll(() => activeItem(page)).toBe('heading-1')
  await expect(liveEditor(page)).toHaveAttribute('aria-controls', (await menu.getAttribute('id'))!)
  await page.screenshot({ path: testInfo.outputPath('slash-menu.png') })

  await page.keyboard.type('hea')
  await expect(menu.getByRole('option')).toHaveText([/Heading 1/, /Heading 2/, /Heading 3/])
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => activeItem(page)).toBe('heading-2')
  await expect(menu.getByRole('option', { name: /Heading 2/ })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await page.keyboard.type('A section')
  await expect(liveEditor(page).locator('h2')).toHaveText('A section')
  await expect(liveEditor(page)).not.toHaveAttribute('aria-activedescendant')

  // A new block: "/todo" finds the task list; Escape leaves the text as typed, and the menu stays shut.
  await page.keyboard.press('Enter')
  await page.keyboard.type('/todo')
  await expect(menu.getByRole('option')).toHaveText([/Task list/])
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await page.keyboard.type(' later')
  await expect(menu).toBeHidden()
  expect(await editorText(page)).toBe('A section\n/todo later')

  // No menu in the middle of text, and none for a word nobody has.
  await page.keyboard.press('Enter')
  await page.keyboard.type('and/or ')
  await expect(menu).toBeHidden()
  await page.keyboard.press('Enter')
  await page.keyboard.type('/zzz')
  await expect(menu).toBeHidden()
  await page.keyboard.press('Enter')
  // Enter went to the text, as always: a new paragraph after "/zzz".
  await page.keyboard.type('/div')
  await page.locator('[data-testid=slash-menu] [role=option]', { hasText: 'Divider' }).click()
  await page.keyboard.type('after the rule')
  await expect(liveEditor(page).locator('hr')).toHaveCount(1)
  await expect(liveEditor(page).locator('hr + p')).toHaveText('after the rule')
  expect(await editorText(page)).toBe('A section\n/todo later\nand/or \n/zzz\nafter the rule')
})

test('the slash menu offers only what fits, and does not open while an input method composes', async ({ openWriter }) => {
  const { page } = await openWriter('王芳', 'slash-ime')
  await liveEditor(page).focus()
  await page.keyboard.type('- item\n')
  // In a list item's new line a heading cannot go (the item must start with a paragraph).
  await page.keyboard.type('/')
  const menu = page.getByTestId('slash-menu')
  await expect(menu.getByRole('option', { name: /Bulleted list/ })).toBeVisible()
  await expect(menu.getByRole('option', { name: /Heading/ })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Enter')

  // A Chinese keyboard types 、 for /: composing "、" must not open the menu until it is committed.
  const session = await page.context().newCDPSession(page)
  await session.send('Input.imeSetComposition', { text: '、', selectionStart: 1, selectionEnd: 1 })
  await expect.poll(() => page.evaluate(() => window.ensembleEditor!.view.composing)).toBe(true)
  await expect(menu).toBeHidden()
  await session.send('Input.insertText', { text: '、' })
  await expect(menu).toBeVisible()
  await page.keyboard.type('quote')
  await page.keyboard.press('Enter')
  await page.keyboard.type('引用')
  await expect(liveEditor(page).locator('blockquote')).toHaveText('引用')
})

test('@ mentions a person in the document or another document; mentions sync, delete as one, and open', async ({ browser, relay }) => {
  // Ana has opened "Launch plan" before: the library knows it, as the home screen shows it.
  const ana = await openWriterPage(browser, relay.httpUrl, 'Ana Lima', 'Launch plan')
  await ana.page.goto(`${relay.httpUrl}/?doc=${encodeURIComponent('weekly notes')}&user=Ana%20Lima`)
  await expect(ana.page.locator('.ProseMirror')).toBeVisible()
  const ben = await openWriterPage(browser, relay.httpUrl, 'Ben Ode', 'weekly notes')
  const { page } = ana
  try {
    await expect(page.getByTestId('presence').locator('[data-user]')).toHaveCount(2)
    await liveEditor(page).focus()
    await page.keyboard.type('Ask @')
    const menu = page.getByTestId('mention-menu')
    await expect(menu).toBeVisible()
    await expect(menu).toHaveAccessibleName('People and documents')
    await expect(menu.getByRole('option')).toHaveText([/Ben Ode.*Person in this document/, /Ana Lima.*you/, /Launch plan.*Document/])
    await page.keyboard.type('be')
    await expect(menu.getByRole('option')).toHaveText([/Ben Ode/])
    await page.keyboard.press('Enter')
    await page.keyboard.type('about @plan')
    await expect(menu.getByRole('option')).toHaveText([/Launch plan/])
    await page.keyboard.press('Tab')
    await page.keyboard.type('today.')

    const person = liveEditor(page).locator('.mention-person')
    await expect(person).toHaveText('@Ben Ode')
    await expect(person).toHaveAttribute('data-color', /^#[0-9a-f]{6}$/i)
    const link = liveEditor(page).locator('a.mention-document')
    await expect(link).toHaveText('Launch plan')
    expect(await editorText(page)).toBe('Ask @Ben Ode about Launch plan today.')
    // Synced: Ben sees both mentions as mentions.
    await expect(liveEditor(ben.page).locator('.mention-person')).toHaveText('@Ben Ode')
    await expect(liveEditor(ben.page).locator('a.mention-document')).toHaveAttribute('data-document', 'Launch plan')

    // An e-mail address is no mention.
    await page.keyboard.type(' Mail ana@example.com')
    await expect(menu).toBeHidden()
    // Backspace right after a mention deletes all of it at once. "Ask " is four characters; the fifth
    // ArrowRight selects the mention, the sixth moves past it.
    // ProseMirror reads a keyboard move on the browser's (asynchronous) selectionchange, so each
    // press waits until the editor has taken it before the next.
    const caret = () =>
      page.evaluate(() => {
        const { selection } = window.ensembleEditor!.view.state
        return `${selection.from}-${selection.to}:${selection.empty ? (selection.$from.nodeBefore?.type.name ?? '') : 'range'}`
      })
    await page.keyboard.press('Control+Home')
    await expect.poll(caret).toMatch(/^1-1:/)
    let now = await caret()
    for (let i = 0; i < 6; i++) {
      const was = now
      await page.keyboard.press('ArrowRight')
      await expect.poll(async () => (now = await caret())).not.toBe(was)
    }
    expect(now).toMatch(/:mention$/)
    await page.keyboard.press('Backspace')
    await expect(liveEditor(page).locator('.mention-person')).toHaveCount(0)
    await expect.poll(() => editorText(ben.page)).toBe('Ask  about Launch plan today. Mail ana@example.com')

    // A click on the document's mention opens it.
    await liveEditor(ben.page).locator('a.mention-document').click()
    await expect(ben.page).toHaveURL(/\?doc=Launch(\+|%20)plan/)
    await expect(ben.page.getByTestId('document-name')).toHaveText('Launch plan')
  } finally {
    await ana.context.close()
    await ben.context.close()
  }
})

test('a Chinese name is found from any of its characters, and the menu waits while the input method composes', async ({ openWriter }) => {
  const wang = await openWriter('王芳', 'mention-cjk')
  const ana = await openWriter('Ana Lima', 'mention-cjk')
  const { page } = ana
  await expect(page.getByTestId('presence').locator('[data-user]')).toHaveCount(2)
  await liveEditor(page).focus()
  await page.keyboard.type('请@')
  const menu = page.getByTestId('mention-menu')
  await expect(menu).toBeVisible()
  const session = await page.context().newCDPSession(page)
  await session.send('Input.imeSetComposition', { text: 'fang', selectionStart: 4, selectionEnd: 4 })
  await expect.poll(() => page.evaluate(() => window.ensembleEditor!.view.composing)).toBe(true)
  // "fang" is pinyin on its way to becoming 芳: no menu for it.
  await expect(menu).toBeHidden()
  await session.send('Input.insertText', { text: '芳' })
  await expect(menu.getByRole('option')).toHaveText([/王芳/])
  await page.keyboard.press('Enter')
  await page.keyboard.type('看看。')
  expect(await editorText(page)).toBe('请@王芳 看看。')
  await expect(liveEditor(wang.page).locator('.mention-person')).toHaveAttribute('data-name', '王芳')
})

test('emoji by :name: the menu filters, Enter inserts, and :name: typed in full is replaced', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'emoji')
  await liveEditor(page).focus()
  await page.keyboard.type('Done :ta')
  const menu = page.getByTestId('emoji-menu')
  await expect(menu).toBeVisible()
  await page.keyboard.type('da')
  await expect(menu.getByRole('option').first()).toHaveText(/🎉\s*:tada:/)
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await page.keyboard.type(' and :heart: too, at 10:30')
  await expect(menu).toBeHidden()
  expect(await editorText(page)).toBe('Done 🎉 and ❤️ too, at 10:30')
  // Backspace right after the replacement gives the text back.
  await page.keyboard.press('End')
  await page.keyboard.type(' :smile:')
  expect(await editorText(page)).toBe('Done 🎉 and ❤️ too, at 10:30 😄')
  await page.keyboard.press('Backspace')
  expect(await editorText(page)).toBe('Done 🎉 and ❤️ too, at 10:30 :smile:')
  // Escape closes the menu and keeps what was typed.
  await page.keyboard.type(' :rock')
  await expect(menu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await page.keyboard.press('Enter')
  expect(await editorText(page)).toBe('Done 🎉 and ❤️ too, at 10:30 :smile: :rock\n')
})
