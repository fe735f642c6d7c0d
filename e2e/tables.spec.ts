import type { Page } from '@playwright/test'
import { test, expect, editorText } from './fixtures'

/**
 * Tables in the editor (renderer/editor/tables/): inserting one, moving with Tab, the table menu,
 * two people editing one table, undo, and tables pasted from other programs.
 */

const editor = (page: Page) => page.locator('.editor-slot:not(.version-slot) > .ProseMirror')
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
  await editor(page).focus()
  await page.keyboard.type('Budget')
  await page.keyboard.press('Enter')
  const insert = page.getByRole('button', { name: 'Insert a table (Shift+Ctrl/Cmd+Alt+T)' })
  await expect(insert).toBeEnabled()
  await insert.click()
  await expect(editor(page).locator('table tr')).toHaveCount(3)
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
  await editor(page).locator('tr').nth(2).locator('td').first().click()
  await menu(page).getByRole('button', { name: 'Delete the row' }).click()
  await expect.poll(async () => (await tableRows(page)).map((row) => row[0])).toEqual(['th:Item', 'Paper', 'Ink', 'Total'])

  // Merge: Split does not apply to an ordinary cell; select "Total" and the cell right of it.
  await expect(menu(page).getByRole('button', { name: 'Split the merged cell' })).toBeDisabled()
  await expect(menu(page).getByRole('button', { name: 'Merge the selected cells' })).toBeDisabled()
  await editor(page).locator('td', { hasText: 'Total' }).click()
  await page.keyboard.press('End')
  await expect.poll(() => page.evaluate(() => window.ensembleEditor!.view.state.selection.$head.parentOffset)).toBe('Total'.length)
  // Shift+ArrowRight at the end of a cell selects it and the next one.
  await page.keyboard.press('Shift+ArrowRight')
  await expect(menu(page).getByRole('button', { name: 'Merge the selected cells' })).toBeEnabled()
  await menu(page).getByRole('button', { name: 'Merge the selected cells' }).click()
  await expect.poll(async () => (await tableRows(page))[3]).toEqual(['[2x1]Total', '', ''])
  await expect(editor(page).locator('td[colspan="2"]')).toHaveText('Total')
  // The column added before is the last one.
  await editor(page).locator('th').last().click()
  await menu(page).getByRole('button', { name: 'Delete the column' }).click()
  await expect.poll(async () => (await tableRows(page))[0]).toEqual(['th:Item', 'th:Cost', 'th:Note'])

  await page.screenshot({ path: testInfo.outputPath('table-in-editor.png') })

  // The header row goes and comes back.
  const header = menu(page).getByRole('button', { name: 'Header row' })
  await expect(header).toHaveAttribute('aria-pressed', 'true')
  await header.click()
  await expect(header).toHaveAttribute('aria-pressed', 'false')
  await expect(editor(page).locator('th')).toHaveCount(0)
  await header.click()
  await expect(editor(page).locator('th')).toHaveCount(3)

  await menu(page).getByRole('button', { name: 'Delete the table' }).click()
  await expect(editor(page).locator('table')).toHaveCount(0)
  await expect(menu(page)).toBeHidden()
  expect(await editorText(page)).toBe('Budget\n')
})
