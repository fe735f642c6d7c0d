import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { htmlToDocument } from '../app/convert/html-import'
import { googleDocsTable, googleSheetsTable, webPageTable, wordTable } from '../app/convert/testing/pasted-tables'
import { serverDom } from '../server/transfer/server-dom'
import { test, expect, editorText } from './fixtures'
import { liveEditor, openTab } from './panels'

/**
 * Tables in the editor (renderer/editor/tables/): inserting one, moving with Tab, the table menu,
 * two people editing one table, undo, and tables pasted from other programs.
 */

const menu = (page: Page) => page.getByTestId('table-menu')

/** The table at the top of the document as rows of cell texts, `th:` marking header cells. */
const tableRows = (page: Page): Promise<string[][]> =>
  page.evaluate(() => {
    const doc = window.ensembleEditor!.view.state.doc
    let rows: string[][] = []
    doc.descendants((node) => {
      if (node.type.name !== 'table' || rows.length > 0) return rows.length === 0
      rows = node.content.content.map((row) =>
        row.content.content.map((cell) => {
          const span = cell.attrs.colspan !== 1 || cell.attrs.rowspan !== 1 ? `[${cell.attrs.colspan as number}x${cell.attrs.rowspan as number}]` : ''
          return `${cell.type.name === 'table_header' ? 'th:' : ''}${span}${cell.textContent}`
        })
      )
      return false
    })
    return rows
  })

/** Where the selection is: the text of the cell it is in, or null outside tables. */
const caretCell = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const { $from } = window.ensembleEditor!.view.state.selection
    for (let depth = $from.depth; depth > 0; depth--) {
      const node = $from.node(depth)
      if (node.type.spec.tableRole === 'cell' || node.type.spec.tableRole === 'header_cell') return node.textContent
    }
    return null
  })

test('a table is inserted from the toolbar, filled with Tab, grown, merged, given a header row and removed', async ({ openWriter }, testInfo) => {
  const { page } = await openWriter('Ana Lima', 'table-editing')
  await liveEditor(page).focus()
  await page.keyboard.type('Budget')
  await page.keyboard.press('Enter')
  const insert = page.getByRole('button', { name: 'Insert a table' })
  await expect(insert).toBeEnabled()
  await insert.click()
  await expect(liveEditor(page).locator('table tr')).toHaveCount(3)
  await expect(menu(page)).toBeVisible()
  expect(await tableRows(page)).toEqual([
    ['th:', 'th:', 'th:'],
    ['', '', ''],
    ['', '', '']
  ])
  // Inside a table the button does not apply: tables do not nest.
  await expect(insert).toBeDisabled()

  // Tab goes from cell to cell; Tab in the last cell adds a row, as in Google Docs.
  for (const text of ['Item', 'Cost', 'Note', 'Paper', '3', 'A4', 'Ink', '12', 'black']) {
    await page.keyboard.type(text)
    await page.keyboard.press('Tab')
  }
  await page.keyboard.type('Total')
  expect(await tableRows(page)).toEqual([
    ['th:Item', 'th:Cost', 'th:Note'],
    ['Paper', '3', 'A4'],
    ['Ink', '12', 'black'],
    ['Total', '', '']
  ])
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => caretCell(page)).toBe('black')

  // The menu: a column to the right, a row above, both removed again.
  await menu(page).getByRole('button', { name: 'Insert a column to the right' }).click()
  await menu(page).getByRole('button', { name: 'Insert a row above' }).click()
  expect(await tableRows(page)).toEqual([
    ['th:Item', 'th:Cost', 'th:Note', 'th:'],
    ['Paper', '3', 'A4', ''],
    ['', '', '', ''],
    ['Ink', '12', 'black', ''],
    ['Total', '', '', '']
  ])
  await liveEditor(page).locator('tr').nth(2).locator('td').first().click()
  await menu(page).getByRole('button', { name: 'Delete the row' }).click()
  await expect.poll(async () => (await tableRows(page)).map((row) => row[0])).toEqual(['th:Item', 'Paper', 'Ink', 'Total'])

  // Merge: Split does not apply to an ordinary cell; select "Total" and the cell right of it.
  await expect(menu(page).getByRole('button', { name: 'Split the merged cell' })).toBeDisabled()
  await expect(menu(page).getByRole('button', { name: 'Merge the selected cells' })).toBeDisabled()
  await liveEditor(page).locator('td', { hasText: 'Total' }).click()
  await page.keyboard.press('End')
  await expect.poll(() => page.evaluate(() => window.ensembleEditor!.view.state.selection.$head.parentOffset)).toBe('Total'.length)
  // Shift+ArrowRight at the end of a cell selects it and the next one.
  await page.keyboard.press('Shift+ArrowRight')
  await expect(menu(page).getByRole('button', { name: 'Merge the selected cells' })).toBeEnabled()
  await menu(page).getByRole('button', { name: 'Merge the selected cells' }).click()
  await expect.poll(async () => (await tableRows(page))[3]).toEqual(['[2x1]Total', '', ''])
  await expect(liveEditor(page).locator('td[colspan="2"]')).toHaveText('Total')
  // The column added before is the last one.
  await liveEditor(page).locator('th').last().click()
  await menu(page).getByRole('button', { name: 'Delete the column' }).click()
  await expect.poll(async () => (await tableRows(page))[0]).toEqual(['th:Item', 'th:Cost', 'th:Note'])

  await page.screenshot({ path: testInfo.outputPath('table-in-editor.png') })

  // A Markdown export writes the merged cell in its first column, and says so.
  await page.getByTestId('export-menu').locator('summary').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-menu] button[data-format=md]').click()])
  expect(await readFile((await download.path())!, 'utf8')).toBe(
    'Budget\n\n| Item | Cost | Note |\n| --- | --- | --- |\n| Paper | 3 | A4 |\n| Ink | 12 | black |\n| Total | | |\n'
  )
  await expect(page.getByTestId('notice')).toHaveText(
    'Exported table-editing.md. Merged cells (1) were written in their first column and row, the cells they covered left empty: Markdown tables cannot merge cells.'
  )

  // The header row goes and comes back.
  const header = menu(page).getByRole('button', { name: 'Header row' })
  await expect(header).toHaveAttribute('aria-pressed', 'true')
  await header.click()
  await expect(header).toHaveAttribute('aria-pressed', 'false')
  await expect(liveEditor(page).locator('th')).toHaveCount(0)
  await header.click()
  await expect(liveEditor(page).locator('th')).toHaveCount(3)

  await menu(page).getByRole('button', { name: 'Delete the table' }).click()
  await expect(liveEditor(page).locator('table')).toHaveCount(0)
  await expect(menu(page)).toBeHidden()
  expect(await editorText(page)).toBe('Budget\n')
})

/** The whole document of a page, to compare two pages. */
const docJson = (page: Page): Promise<unknown> => page.evaluate(() => window.ensembleEditor!.view.state.doc.toJSON() as unknown)

/** Ends y-prosemirror's current undo step, as a pause in typing longer than its capture timeout would. */
const endUndoStep = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const { state } = window.ensembleEditor!.view
    const undo = state.plugins.find((plugin) => (plugin as unknown as { key: string }).key.startsWith('y-undo'))!
    ;(undo.getState(state) as { undoManager: { stopCapturing(): void } }).undoManager.stopCapturing()
  })

test('two pages edit one table: text and rows sync with cursors shown, undo takes back only one’s own change, and concurrent rows and columns end identical', async ({ openWriter, relay }) => {
  const ana = await openWriter('Ana Lima', 'table-together')
  const ben = await openWriter('Ben Ode', 'table-together')
  await liveEditor(ana.page).focus()
  await ana.page.keyboard.type('Plan')
  await ana.page.keyboard.press('Enter')
  // The keyboard path: the shortcut inserts the table, the caret in its first cell.
  await ana.page.keyboard.press('Shift+Control+Alt+T')
  for (const text of ['Step', 'Who', 'When']) {
    await ana.page.keyboard.type(text)
    await ana.page.keyboard.press('Tab')
  }
  await ana.page.keyboard.type('Draft')
  await expect.poll(() => tableRows(ben.page)).toEqual([
    ['th:Step', 'th:Who', 'th:When'],
    ['Draft', '', ''],
    ['', '', '']
  ])

  await liveEditor(ben.page).locator('tr').nth(1).locator('td').nth(1).click()
  await ben.page.keyboard.type('Ben')
  await expect.poll(async () => (await tableRows(ana.page))[1]).toEqual(['Draft', 'Ben', ''])
  // Each sees the other's cursor in the cell where the other is writing.
  await expect(liveEditor(ana.page).locator('td', { hasText: 'Ben' }).locator('.ProseMirror-yjs-cursor[data-user="Ben Ode"]')).toHaveCount(1)
  await expect(liveEditor(ben.page).locator('td', { hasText: 'Draft' }).locator('.ProseMirror-yjs-cursor[data-user="Ana Lima"]')).toHaveCount(1)

  // Ana adds a row, Ben goes on writing; Ana's undo removes her row and nothing of Ben's.
  await endUndoStep(ana.page)
  await menu(ana.page).getByRole('button', { name: 'Insert a row below' }).click()
  await expect.poll(async () => (await tableRows(ben.page)).length).toBe(4)
  await ben.page.keyboard.type(' too')
  await expect.poll(async () => (await tableRows(ana.page))[1]).toEqual(['Draft', 'Ben too', ''])
  await ana.page.keyboard.press('Control+z')
  const afterUndo = [
    ['th:Step', 'th:Who', 'th:When'],
    ['Draft', 'Ben too', ''],
    ['', '', '']
  ]
  await expect.poll(() => tableRows(ana.page)).toEqual(afterUndo)
  await expect.poll(() => tableRows(ben.page)).toEqual(afterUndo)

  // Offline, Ana adds a column while Ben adds a row: both changes meet when the relay is back.
  await relay.stop()
  for (const writer of [ana, ben]) await expect(writer.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline')
  await liveEditor(ana.page).locator('th', { hasText: 'When' }).click()
  await menu(ana.page).getByRole('button', { name: 'Insert a column to the right' }).click()
  await liveEditor(ben.page).locator('tr').nth(2).locator('td').first().click()
  await menu(ben.page).getByRole('button', { name: 'Insert a row below' }).click()
  // The caret stays in its cell; Tab goes on to the next one in the same row.
  await ben.page.keyboard.press('Tab')
  await ben.page.keyboard.type('offline')
  await relay.restart()
  for (const writer of [ana, ben]) {
    await expect(writer.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  }
  await expect.poll(async () => JSON.stringify(await docJson(ana.page)) === JSON.stringify(await docJson(ben.page))).toBe(true)
  // Ben's row was made three cells wide; the table is not repaired by either page on its own
  // (that is how it cannot grow without end), but by the next edit in it.
  expect((await tableRows(ana.page)).map((row) => row.length)).toEqual([4, 4, 4, 3])
  await liveEditor(ana.page).locator('td', { hasText: 'offline' }).click()
  // A click lands where the cell's middle is, which may be inside the word.
  await ana.page.keyboard.press('End')
  await ana.page.keyboard.type('!')
  const repaired = [
    ['th:Step', 'th:Who', 'th:When', 'th:'],
    ['Draft', 'Ben too', '', ''],
    ['', 'offline!', '', ''],
    ['', '', '', '']
  ]
  await expect.poll(() => tableRows(ben.page)).toEqual(repaired)
  await ben.page.keyboard.type(' ok')
  // Where Ben's caret sits against Ana's "!" is y-prosemirror's business; the text arrives either way.
  await expect.poll(async () => (await tableRows(ana.page))[2]![1]).toMatch(/^offline(! ok| ok!)$/)
  expect((await tableRows(ana.page)).flat()).toHaveLength(16)
  expect(JSON.stringify(await docJson(ana.page))).toBe(JSON.stringify(await docJson(ben.page)))
})

/** Pastes `html` (with a plain-text alternative) where the caret is, as a clipboard would. */
const pasteHtml = (page: Page, html: string): Promise<void> =>
  page.evaluate((pasted) => {
    const transfer = new DataTransfer()
    transfer.setData('text/html', pasted)
    transfer.setData('text/plain', 'the plain text a program puts beside the HTML')
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, html)

/** Where the HTML comes from, the HTML, the table it must give, and what the paste's notice says. */
const pastedTables: Array<[string, string, string[][], string]> = [
  ['Google Docs', googleDocsTable, [['Task', 'Owner', 'Due'], ['Write the postthen review it', 'Ana', ''], ['[2x1]发布 launch', 'Friday']], ''],
  ['Word', wordTable, [['Item', 'Price'], ['Apples, green', '€ 3'], ['Pears', '']], ''],
  ['Google Sheets', googleSheetsTable, [['Fruit', 'Qty'], ['Apples', '3']], ''],
  [
    'a web page',
    webPageTable,
    [['th:City', 'th:Population[1]'], ['th:上海', '24,870,895'], ['th:北京', '21,893,095'], ['[2x1]Source: 2020 census']],
    'Pasted with changes: Table captions (1) became a paragraph above their table.'
  ]
]

for (const [source, html, expected, notice] of pastedTables) {
  test(`a table pasted from ${source} stays a table, as an import of the same HTML reads it`, async ({ openWriter }) => {
    const { page } = await openWriter('Ana Lima', `paste-${source.replace(/\W+/g, '-')}`)
    await liveEditor(page).focus()
    await pasteHtml(page, html)
    await expect.poll(() => tableRows(page)).toEqual(expected)
    await expect(page.getByTestId('notice')).toHaveText(notice)
    const pasted = await docJson(page)
    const imported = htmlToDocument(html, { dom: serverDom }).doc.toJSON() as { content: unknown[] }
    // The paste lands in the document's one empty paragraph, which stays after a table that ends it.
    const withoutTrailingParagraph = (doc: { content: Array<{ type: string; content?: unknown[] }> }) =>
      doc.content.filter((block, index) => !(index === doc.content.length - 1 && block.type === 'paragraph' && block.content === undefined))
    expect(withoutTrailingParagraph(pasted as { content: Array<{ type: string }> })).toEqual(withoutTrailingParagraph(imported as { content: Array<{ type: string }> }))
    await expect(liveEditor(page).locator('table')).toHaveCount(1)
  })
}

test('a column dragged wider keeps its width on both pages, while the other page types in the table', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'table-widths')
  const ben = await openWriter('Ben Ode', 'table-widths')
  const errors: Error[] = []
  for (const writer of [ana, ben]) writer.page.on('pageerror', (error) => errors.push(error))
  await liveEditor(ana.page).focus()
  await ana.page.getByRole('button', { name: 'Insert a table' }).click()
  await ana.page.keyboard.type('Name')
  await expect.poll(async () => (await tableRows(ben.page))[0]).toEqual(['th:Name', 'th:', 'th:'])
  await liveEditor(ben.page).locator('tr').nth(1).locator('td').nth(1).click()

  const first = liveEditor(ana.page).locator('th').first()
  const box = (await first.boundingBox())!
  const y = box.y + box.height / 2
  // On the cell's right border the resize handle shows; the drag moves it 100 px to the right.
  await ana.page.mouse.move(box.x + box.width - 2, y)
  await expect(liveEditor(ana.page).locator('.column-resize-handle')).not.toHaveCount(0)
  await ana.page.mouse.down()
  await ana.page.mouse.move(box.x + box.width + 50, y, { steps: 5 })
  await ben.page.keyboard.type('typed meanwhile')
  await expect.poll(async () => (await tableRows(ana.page))[1]).toEqual(['', 'typed meanwhile', ''])
  await ana.page.mouse.move(box.x + box.width + 100, y, { steps: 5 })
  await ana.page.mouse.up()

  const widths = (page: Page) =>
    page.evaluate(() => {
      const table = window.ensembleEditor!.view.state.doc.child(0)
      return table.content.content.map((row) => row.child(0).attrs.colwidth as number[] | null)
    })
  const expected = Math.round(box.width + 100)
  for (const page of [ana.page, ben.page]) {
    await expect.poll(async () => (await widths(page)).map((width) => Math.abs((width?.[0] ?? 0) - expected) <= 2)).toEqual([true, true, true])
  }
  // Ben's page shows the width too: the first column is as wide as it was dragged.
  await expect.poll(async () => Math.abs(((await liveEditor(ben.page).locator('th').first().boundingBox())?.width ?? 0) - expected)).toBeLessThanOrEqual(3)
  expect((await tableRows(ben.page))[1]).toEqual(['', 'typed meanwhile', ''])
  expect(errors).toEqual([])
})

test('the table menu is reached with Shift+F10 from a cell and used with the keyboard alone', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'table-keyboard')
  await liveEditor(page).focus()
  // Alt+F10 reaches the toolbar; End goes to its last button, the suggesting switch, and ArrowLeft to Insert table.
  await page.keyboard.press('Alt+F10')
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('button', { name: 'Insert a table' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(liveEditor(page)).toBeFocused()
  await page.keyboard.type('A')
  await page.keyboard.press('Shift+F10')
  const table = page.getByRole('toolbar', { name: 'Table (Shift+F10 from a cell)' })
  await expect(table.getByRole('button', { name: 'Insert a row above' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(table.getByRole('button', { name: 'Insert a row below' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(liveEditor(page)).toBeFocused()
  await expect.poll(async () => (await tableRows(page)).length).toBe(4)
  await page.keyboard.type('B')
  expect((await tableRows(page))[0]).toEqual(['th:AB', 'th:', 'th:'])
  // Escape leaves the menu without doing anything.
  await page.keyboard.press('Shift+F10')
  await page.keyboard.press('End')
  await expect(table.getByRole('button', { name: 'Delete the table' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(liveEditor(page)).toBeFocused()
  await expect(liveEditor(page).locator('table')).toHaveCount(1)
})

test('a version with a table shows it, with the changes made in its cells, and restoring it brings the table back', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'table-history')
  await liveEditor(page).focus()
  await page.keyboard.press('Shift+Control+Alt+T')
  await page.keyboard.type('Before')
  await openTab(page, 'history')
  await page.getByTestId('version-name').fill('With a table')
  await page.getByTestId('save-version').click()
  await expect(page.getByTestId('version-item')).toHaveCount(1)

  await liveEditor(page).locator('th').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' and after')
  await page.getByTestId('table-menu').getByRole('button', { name: 'Delete the table' }).click()
  await expect(liveEditor(page).locator('table')).toHaveCount(0)
  await expect(page.getByTestId('word-count')).toHaveAttribute('data-words', '0')

  await page.getByTestId('version-item').first().getByRole('button').click()
  const view = page.getByTestId('version-view')
  await expect(view.getByTestId('version-content').locator('table th').first()).toHaveText('Before')
  await expect(view.getByTestId('version-content').locator('table tr')).toHaveCount(3)
  await view.getByTestId('restore-version').click()
  await expect(view).toBeHidden()
  await expect.poll(() => tableRows(page)).toEqual([
    ['th:Before', 'th:', 'th:'],
    ['', '', ''],
    ['', '', '']
  ])
  await expect(page.getByTestId('word-count')).toHaveAttribute('data-words', '1')
})

test('cells pasted into a table fill the cells from the caret on, as in a spreadsheet', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'table-paste-cells')
  await liveEditor(page).focus()
  await page.keyboard.press('Shift+Control+Alt+T')
  await page.keyboard.type('Top')
  await liveEditor(page).locator('tr').nth(1).locator('td').nth(1).click()
  await pasteHtml(page, googleSheetsTable)
  await expect.poll(() => tableRows(page)).toEqual([
    ['th:Top', 'th:', 'th:'],
    ['', 'Fruit', 'Qty'],
    ['', 'Apples', '3']
  ])
  await expect(liveEditor(page).locator('table')).toHaveCount(1)
})
