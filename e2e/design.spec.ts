/**
 * The visual language's behaviour: the toolbar's icon buttons (names, tooltips with shortcut
 * hints), the documents sidebar (listing the relay's documents, search by title, the keyboard),
 * the title edited in place and synced, the home screen leading with New document, and the live
 * region that tells screen readers who joins and leaves.
 */
import { expect, expectConnected, openWriterPage, test } from './fixtures'

test('toolbar buttons are icons with a name, a tooltip and the shortcut for this platform, in groups', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'design-toolbar')
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  const bold = toolbar.getByRole('button', { name: 'Bold', exact: true })
  await expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B')
  await expect(bold.locator('svg.icon')).toHaveAttribute('aria-hidden', 'true')
  await expect(toolbar.getByRole('separator')).toHaveCount(7)

  // The pointer resting on a button shows its tooltip, with the shortcut as Linux writes it.
  const tooltip = page.getByRole('tooltip')
  await bold.hover()
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toHaveText('BoldCtrl+B')
  await expect(tooltip.locator('kbd')).toHaveText('Ctrl+B')
  await page.mouse.move(0, 400)
  await expect(tooltip).toBeHidden()

  // Keyboard focus shows it at once; so does moving along the toolbar (Undo, once there is something to undo).
  await page.locator('.ProseMirror').focus()
  await page.keyboard.type('Hello')
  await page.keyboard.press('Alt+F10')
  await expect(tooltip).toHaveText('Text style')
  await page.keyboard.press('ArrowRight')
  await expect(tooltip).toHaveText('UndoCtrl+Z')
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await expect(tooltip).toHaveText('Insert a tableCtrl+Shift+Alt+T')
  await page.keyboard.press('Escape')
  await expect(tooltip).toBeHidden()

  // The header's buttons have theirs too.
  await page.getByTestId('go-home').hover()
  await expect(tooltip).toHaveText('Home')
  await expect(page.getByTestId('share')).toHaveAccessibleName('Share')
})

test('the title is edited in place, syncs to the other pages, names the window and falls back to the name', async ({ openWriter }) => {
  const ana = await openWriter('Ana', 'team/plan')
  const ben = await openWriter('Ben', 'team/plan')
  const title = ana.page.getByRole('textbox', { name: 'Document title' })
  await expect(title).toHaveText('team/plan')
  await title.click()
  await ana.page.keyboard.press('ControlOrMeta+A')
  await ana.page.keyboard.type('季度计划 Q3')
  await ana.page.keyboard.press('Enter')
  await expect(ana.page.locator('.ProseMirror')).toBeFocused()
  await expect(title).toHaveText('季度计划 Q3')
  await expect(ana.page).toHaveTitle('季度计划 Q3 — Ensemble')
  await expect(ben.page.getByTestId('document-name')).toHaveText('季度计划 Q3')
  await expect(ben.page).toHaveTitle('季度计划 Q3 — Ensemble')

  // Escape puts back what was there.
  await title.click()
  await ana.page.keyboard.press('ControlOrMeta+A')
  await ana.page.keyboard.type('Something else')
  await ana.page.keyboard.press('Escape')
  await expect(title).toHaveText('季度计划 Q3')

  // Leaving the field keeps what was typed; an empty title is the document's name again.
  await title.click()
  await ana.page.keyboard.press('ControlOrMeta+A')
  await ana.page.keyboard.press('Backspace')
  await ana.page.locator('.ProseMirror').click()
  await expect(title).toHaveText('team/plan')
  await expect(ben.page.getByTestId('document-name')).toHaveText('team/plan')
})

test('the sidebar lists the relay’s documents by title, filters as one types, and opens with the keyboard', async ({ browser, relay }) => {
  const writer = await openWriterPage(browser, relay.httpUrl, 'Ana', 'team/report')
  const { page } = writer
  try {
    const rename = async (title: string): Promise<void> => {
      await page.getByTestId('document-name').click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type(title)
      await page.keyboard.press('Enter')
    }
    await rename('季度报告')
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('Numbers.')
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
    // A window this wide shows the sidebar from the start (the default window is too narrow).
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${relay.httpUrl}/?doc=notes`)
    await expectConnected(page)
    await rename('Meeting notes')
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')

    const sidebar = page.getByRole('navigation', { name: 'Documents' })
    await expect(sidebar).toBeVisible()
    await page.getByTestId('sidebar-refresh').click()
    const items = sidebar.getByTestId('sidebar-document')
    await expect(items).toHaveCount(2)
    await expect(items.nth(0)).toHaveAttribute('data-document', 'notes')
    await expect(items.nth(0)).toHaveAttribute('aria-current', 'page')
    await expect(items.nth(1)).toContainText('季度报告')
    await expect(items.nth(1)).toContainText('team/report')

    // Search by title, in Chinese too; the count is said to screen readers.
    const search = sidebar.getByRole('searchbox', { name: 'Search documents by title' })
    await search.fill('季度')
    await expect(items).toHaveCount(1)
    await expect(sidebar.getByTestId('sidebar-count')).toHaveText('1 document')
    await search.fill('nothing like it')
    await expect(items).toHaveCount(0)
    await expect(sidebar.getByTestId('sidebar-status')).toHaveText('No document matches “nothing like it”.')
    await search.fill('')
    await expect(items).toHaveCount(2)

    // ArrowDown from the search field, then along the list; Enter opens.
    await search.focus()
    await page.keyboard.press('ArrowDown')
    await expect(items.nth(0)).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(items.nth(1)).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await expect(search).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\?doc=team%2Freport/)
    await expect(page.getByTestId('document-name')).toHaveText('季度报告')

    // The sidebar folds away and comes back (the button, or Ctrl+\), and stays as it was left.
    const toggle = page.getByTestId('sidebar-toggle')
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await toggle.click()
    await expect(sidebar).toBeHidden()
    await expect(toggle).toHaveAccessibleName('Show the documents')
    await page.reload()
    await expectConnected(page)
    await expect(page.getByTestId('documents-sidebar')).toBeHidden()
    await page.locator('.ProseMirror').focus()
    await page.keyboard.press('Control+Backslash')
    await expect(sidebar).toBeVisible()
    await expect(search).toBeFocused()

    // From the home screen too, with the titles on the recent documents.
    await page.getByTestId('go-home').click()
    const home = page.getByTestId('home')
    await expect(page.getByTestId('new-document')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByTestId('sidebar-document')).toHaveCount(2)
    await expect(home.getByTestId('recent-document').first()).toContainText('季度报告')
    await expect(home.getByTestId('recent-document').first()).toContainText('Opened just now')
  } finally {
    await writer.context.close()
  }
})

test('screen readers hear who joins and who leaves, in a polite live region', async ({ browser, relay, openWriter }) => {
  const ana = await openWriter('Ana', 'design-presence')
  const region = ana.page.getByTestId('presence-announcer')
  await expect(region).toHaveAttribute('aria-live', 'polite')
  const ben = await openWriterPage(browser, relay.httpUrl, 'Ben', 'design-presence')
  await expect(region).toHaveText('Ben joined')
  await ben.context.close()
  await expect(region).toHaveText('Ben joinedBen left')
  // Ben never heard of himself, nor Ana of herself.
  await expect(region).not.toContainText('Ana')
})
