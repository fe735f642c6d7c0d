import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect, editorText } from './fixtures'
import { liveEditor, placeCaret, selectText } from './panels'

/** Presses ArrowRight along the toolbar (focused) until the control `command` has the focus. */
const walkToolbarTo = async (page: Page, command: string): Promise<void> => {
  for (let step = 0; step < 40; step++) {
    if (await page.evaluate((wanted) => (document.activeElement as HTMLElement | null)?.dataset.command === wanted, command)) return
    await page.keyboard.press('ArrowRight')
  }
  throw new Error(`ArrowRight never reached the toolbar's ${command}`)
}

/** Text colour, highlight and alignment: toolbar and shortcuts, sync to another page, and HTML export. */

/** What a pause of a second does: y-prosemirror's undo manager starts a new step for the next change. */
const newUndoStep = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const { state } = window.ensembleEditor!.view
    const undo = state.plugins.find((plugin) => (plugin as unknown as { key: string }).key.startsWith('y-undo'))
    ;(undo?.getState(state) as { undoManager: { stopCapturing(): void } }).undoManager.stopCapturing()
  })

test('text colour and highlight from the toolbar, by mouse and by keyboard, reach the other page and the HTML export', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'colours')
  const ben = await openWriter('Ben Ode', 'colours')
  const { page } = ana
  await liveEditor(page).focus()
  await page.keyboard.type('Make this red and this yellow, then plain.')

  await selectText(page, 'red')
  await page.locator('[data-command=text-color]').click()
  const textMenu = page.locator('.color-menu-popup').first()
  await expect(textMenu).toBeVisible()
  const swatches = textMenu.getByRole('button')
  await expect(swatches).toHaveCount(7)
  const names = ['Gray text', 'Red text', 'Orange text', 'Green text', 'Blue text', 'Purple text', 'Remove text colour']
  for (const [index, name] of names.entries()) await expect(swatches.nth(index)).toHaveAccessibleName(name)
  await textMenu.getByRole('button', { name: 'Red text' }).click()
  await expect(textMenu).toBeHidden()
  await expect(liveEditor(page).locator('span[data-text-color=red]')).toHaveText('red')
  await expect(liveEditor(page).locator('span[data-text-color=red]')).toHaveCSS('color', 'rgb(197, 34, 31)')
  await expect(liveEditor(ben.page).locator('span[data-text-color=red]')).toHaveText('red')
  // The button shows the colour at the cursor.
  await expect(page.locator('[data-command=text-color]')).toHaveAttribute('data-active', 'red')

  // By keyboard: Alt+F10 to the toolbar, ArrowRight along it to the highlight menu, Enter opens it, Enter picks yellow.
  await selectText(page, 'yellow')
  await page.keyboard.press('Alt+F10')
  await walkToolbarTo(page, 'highlight')
  await expect(page.locator('[data-command=highlight]')).toBeFocused()
  await expect(page.locator('[data-command=highlight]')).toHaveAccessibleName('Highlight')
  await page.keyboard.press('Enter')
  const yellow = page.getByRole('button', { name: 'Yellow highlight' })
  await expect(yellow).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('button', { name: 'Green highlight' })).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Enter')
  await expect(liveEditor(page)).toBeFocused()
  await expect(liveEditor(page).locator('mark[data-highlight=yellow]')).toHaveText('yellow')
  await expect(liveEditor(ben.page).locator('mark[data-highlight=yellow]')).toHaveText('yellow')

  // Escape in the menu returns to its button, and takes nothing.
  await page.keyboard.press('Alt+F10')
  await walkToolbarTo(page, 'highlight')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(page.locator('[data-command=highlight]')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(liveEditor(page)).toBeFocused()

  // Typing with a colour chosen at the cursor writes in that colour.
  await placeCaret(page, 'after', 'plain.')
  await page.locator('[data-command=text-color]').click()
  await page.getByRole('button', { name: 'Blue text' }).click()
  await page.keyboard.type(' Blue words.')
  await expect(liveEditor(page).locator('span[data-text-color=blue]')).toHaveText(' Blue words.')

  // Remove colour.
  await selectText(page, 'red')
  await page.locator('[data-command=text-color]').click()
  await page.getByRole('button', { name: 'Remove text colour' }).click()
  await expect(liveEditor(page).locator('span[data-text-color=red]')).toHaveCount(0)
  await expect(liveEditor(ben.page).locator('span[data-text-color=red]')).toHaveCount(0)
  expect(await editorText(ben.page)).toBe('Make this red and this yellow, then plain. Blue words.')

  // HTML export keeps what is left.
  await page.getByTestId('export-menu').locator('summary').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-menu] button[data-format=html]').click()])
  const html = await readFile((await download.path())!, 'utf8')
  // The browser writes the style in its own way (rgb(), a semicolon); the palette name is exact.
  expect(html).toMatch(/<mark (?=[^>]*data-highlight="yellow")(?=[^>]*style="background-color: (#fef08a|rgb\(254, 240, 138\));?")[^>]*>yellow<\/mark>/)
  expect(html).toMatch(/<span (?=[^>]*data-text-color="blue")[^>]*> Blue words\.<\/span>/)
  expect(html).not.toContain('data-text-color="red"')

  // Markdown keeps the words and says what it left out.
  await page.getByTestId('export-menu').locator('summary').click()
  const [markdown] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-menu] button[data-format=md]').click()])
  expect(await readFile((await markdown.path())!, 'utf8')).toBe('Make this red and this yellow, then plain. Blue words.\n')
  await expect(page.getByTestId('notice')).toHaveText(
    `Exported ${markdown.suggestedFilename()}. Markdown has no text colours or highlights; they were left out, the text kept.`
  )
})

test('alignment with Shift+Ctrl+L/E/R/J and the toolbar, per paragraph, for everyone and in HTML', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'alignment-tools')
  const ben = await openWriter('Ben Ode', 'alignment-tools')
  const { page } = ana
  await liveEditor(page).focus()
  await page.keyboard.type('# A title\nFirst paragraph.\nSecond paragraph.')
  const blocks = liveEditor(page).locator('h1, p')
  await placeCaret(page, 'after', 'A title')
  await page.keyboard.press('Control+Shift+E')
  await expect(blocks.nth(0)).toHaveCSS('text-align', 'center')
  await expect(page.locator('[data-command=align-center]')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('[data-command=align-left]')).toHaveAttribute('aria-pressed', 'false')

  await placeCaret(page, 'after', 'First paragraph.')
  await page.keyboard.press('Control+Shift+R')
  await expect(blocks.nth(1)).toHaveCSS('text-align', 'right')
  await expect(blocks.nth(2)).toHaveCSS('text-align', 'start')
  await placeCaret(page, 'after', 'Second paragraph.')
  await page.keyboard.press('Control+Shift+J')
  await expect(blocks.nth(2)).toHaveCSS('text-align', 'justify')
  await page.locator('[data-command=align-center]').click()
  await expect(blocks.nth(2)).toHaveCSS('text-align', 'center')
  await expect(page.locator('[data-command=align-center]')).toHaveAccessibleName('Centre')

  const benBlocks = liveEditor(ben.page).locator('h1, p')
  await expect(benBlocks.nth(0)).toHaveCSS('text-align', 'center')
  await expect(benBlocks.nth(1)).toHaveCSS('text-align', 'right')
  await expect(benBlocks.nth(2)).toHaveCSS('text-align', 'center')

  // Left is no alignment at all: nothing stored. (A pause: what follows is an undo step of its own.)
  await newUndoStep(page)
  await placeCaret(page, 'after', 'First paragraph.')
  await page.keyboard.press('Control+Shift+L')
  await expect(blocks.nth(1)).not.toHaveAttribute('style', /text-align/)
  await expect(benBlocks.nth(1)).toHaveCSS('text-align', 'start')
  // Undo takes it back.
  await page.keyboard.press('Control+z')
  await expect(blocks.nth(1)).toHaveCSS('text-align', 'right')

  await page.getByTestId('export-menu').locator('summary').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-menu] button[data-format=html]').click()])
  const html = await readFile((await download.path())!, 'utf8')
  expect(html).toMatch(/<h1 style="text-align: center;?">A title<\/h1>/)
  expect(html).toMatch(/<p style="text-align: right;?">First paragraph.<\/p>/)
  expect(html).toMatch(/<p style="text-align: center;?">Second paragraph.<\/p>/)
})

test('pasted HTML keeps its colours, highlights and alignment, brought to the palette', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'paste-colours')
  await liveEditor(page).focus()
  await page.evaluate(() => {
    const transfer = new DataTransfer()
    transfer.setData(
      'text/html',
      '<p>Before</p><p style="text-align:center"><span style="color:#000000">Plain</span> <span style="color:#ff0000">red</span> <span style="background-color:#ffff00">marked</span></p><p>After</p>'
    )
    transfer.setData('text/plain', 'Before\n\nPlain red marked\n\nAfter')
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  })
  await expect(liveEditor(page).locator('span[data-text-color=red]')).toHaveText('red')
  await expect(liveEditor(page).locator('mark[data-highlight=yellow]')).toHaveText('marked')
  // The middle paragraph keeps its alignment (the first and last join the paragraphs around the caret).
  await expect(liveEditor(page).locator('p').nth(1)).toHaveCSS('text-align', 'center')
  await expect(liveEditor(page).locator('[data-text-color]')).toHaveCount(1)
})
