import { readFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { htmlToDocument } from '../app/convert/html-import'
import { serverDom } from '../server/transfer/server-dom'
import { test, expect, editorText, openWriterPage } from './fixtures'

/**
 * Import and export in the web client: the home screen's import button, dropping a file on the
 * window, the Export menu's downloads, and the print stylesheet behind the PDF path.
 */
const planMarkdown = `# Launch plan

Ship **on time**, with <u>care</u> and ~~no~~ drama.

- [x] write the post
- [ ] record the demo

| Owner | Task |
|:---|---|
| Ana | post |
`

/** A page of a new browser context with a saved profile, so that opening a document asks no name. */
const freshPage = async (browser: Browser, httpUrl: string, name: string): Promise<Page> => {
  const context = await browser.newContext({ acceptDownloads: true })
  await context.addInitScript((profile) => localStorage.setItem('ensemble.profile', profile), JSON.stringify({ name, color: '#2563eb' }))
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error))
  await page.goto(`${httpUrl}/`)
  return page
}

const documentNameOf = (page: Page): string => new URL(page.url()).searchParams.get('doc') ?? ''

test('a Markdown file imported from the home screen becomes a new shared document that exports back', async ({ browser, relay }) => {
  const page = await freshPage(browser, relay.httpUrl, 'Ana Lima')
  await expect(page.getByTestId('home')).toBeVisible()
  await page.getByTestId('import-file').setInputFiles({ name: 'launch plan.md', mimeType: 'text/markdown', buffer: Buffer.from(planMarkdown) })

  await expect(page.locator('.ProseMirror h1')).toHaveText('Launch plan')
  const name = documentNameOf(page)
  expect(name).toMatch(/^launch plan-[a-z2-9]{4}$/)
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('Imported "launch plan.md". Some of it could not be kept as it was:')
  await expect(report.locator('li[data-kind=table-alignment]')).toContainText('Column alignments of tables (1; line 8) were not kept')
  await expect(page.locator('.ProseMirror ul[data-type=tasks] > li')).toHaveCount(2)
  await expect(page.locator('.ProseMirror table th')).toHaveText(['Owner', 'Task'])
  await expect(page.locator('.ProseMirror u')).toHaveText('care')

  // Someone else opening the document gets it from the relay.
  const ben = await openWriterPage(browser, relay.httpUrl, 'Ben Ode', name)
  await expect(ben.page.locator('.ProseMirror table td')).toHaveText(['Ana', 'post'])
  await expect(ben.page.getByTestId('import-report')).toHaveCount(0)

  // Exports: Markdown reads as what was imported (less the column alignment), HTML is a page of its own.
  const exportAs = async (format: string): Promise<string> => {
    await page.getByTestId('export-menu').locator('summary').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=export-menu] button[data-format=${format}]`).click()])
    expect(download.suggestedFilename()).toBe(`${name}.${format}`)
    return readFile((await download.path())!, 'utf8')
  }
  expect(await exportAs('md')).toBe(
    '# Launch plan\n\nShip **on time**, with <u>care</u> and ~~no~~ drama.\n\n- [x] write the post\n- [ ] record the demo\n\n| Owner | Task |\n| --- | --- |\n| Ana | post |\n'
  )
  const html = await exportAs('html')
  expect(html).toContain(`<title>${name}</title>`)
  expect(html).toContain('<h1>Launch plan</h1>')
  expect(html).toContain('<table><tbody><tr><th><p>Owner</p></th><th><p>Task</p></th></tr><tr><td><p>Ana</p></td><td><p>post</p></td></tr></tbody></table>')
  expect(await exportAs('txt')).toContain('[x] write the post\n[ ] record the demo\n\nOwner\tTask\nAna\tpost\n')
  await ben.context.close()
  await page.context().close()
})

test('printing shows only the document, which is what the PDF export prints', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'printable')
  await ana.page.locator('.ProseMirror').click()
  await ana.page.keyboard.type('Printed words')
  await ana.page.emulateMedia({ media: 'print' })
  await expect(ana.page.locator('.editor-header')).toBeHidden()
  await expect(ana.page.locator('.toolbar-slot')).toBeHidden()
  await expect(ana.page.getByTestId('side-panel')).toBeHidden()
  await expect(ana.page.locator('.ProseMirror')).toContainText('Printed words')
  const pdf = await ana.page.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

  // The menu's PDF item opens the browser's print dialog, the web client's way to a PDF.
  await ana.page.emulateMedia({ media: 'screen' })
  await ana.page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes')
  })
  await ana.page.getByTestId('export-menu').locator('summary').click()
  await ana.page.locator('[data-testid=export-menu] button[data-format=pdf]').click()
  await expect(ana.page.locator('body')).toHaveAttribute('data-printed', 'yes')
})

test('an HTML file dropped on the window opens as a new document with its import report', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'drop-target')
  const drop = async (fileName: string, type: string, content: string): Promise<void> => {
    await ana.page.evaluate(
      ({ fileName, type, content }) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([content], fileName, { type }))
        document.querySelector('.ProseMirror')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
      },
      { fileName, type, content }
    )
  }
  await drop('minutes.html', 'text/html', '<h2>Minutes</h2><p>Decided: <b>yes</b></p><p>H<sub>2</sub>O</p>')
  await expect(ana.page.locator('.ProseMirror h2')).toHaveText('Minutes')
  expect(documentNameOf(ana.page)).toMatch(/^minutes-[a-z2-9]{4}$/)
  await expect(ana.page.getByTestId('import-report').locator('li[data-kind=unsupported-element]')).toContainText('<sub>')
  expect(await editorText(ana.page)).toBe('Minutes\nDecided: yes\nH2O')
  // The report sits above the document, not across the page: the side panel still starts right
  // under the toolbar.
  const toolbar = (await ana.page.getByTestId('toolbar').boundingBox())!
  const panel = (await ana.page.getByTestId('side-panel').boundingBox())!
  const report = (await ana.page.getByTestId('import-report').boundingBox())!
  expect(Math.abs(panel.y - (toolbar.y + toolbar.height))).toBeLessThanOrEqual(2)
  expect(report.x + report.width).toBeLessThanOrEqual(panel.x)
})

test('pasted HTML becomes the same document as an import of it: tables as tables, h4 as h3, unsafe links removed', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'paste-html')
  const html =
    '<h4>Stock</h4><table><thead><tr><th>Name</th><th>Qty</th></tr></thead>' +
    '<tbody><tr><td>Apples</td><td>3</td></tr><tr><td><b>Pears</b></td><td>5</td></tr></tbody></table>' +
    '<p>See <a href="javascript:alert(1)">this</a> and <a href="https://example.com/">that</a>.</p>'
  await page.locator('.ProseMirror').focus()
  await page.evaluate((pasted) => {
    const transfer = new DataTransfer()
    transfer.setData('text/html', pasted)
    transfer.setData('text/plain', 'Stock Name Qty Apples 3 Pears 5')
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, html)
  await expect.poll(() => editorText(page)).toBe('Stock\nName\nQty\nApples\n3\nPears\n5\nSee this and that.')
  await expect(page.locator('.ProseMirror h3')).toHaveText('Stock')
  await expect(page.locator('.ProseMirror table tr')).toHaveCount(3)
  await expect(page.locator('.ProseMirror table th')).toHaveText(['Name', 'Qty'])
  const pasted = await page.evaluate(() => window.ensembleEditor!.view.state.doc.toJSON() as unknown)
  expect(pasted).toEqual(htmlToDocument(html, { dom: serverDom }).doc.toJSON())
  await expect(page.getByTestId('notice')).toContainText('Headings of level 4 to 6 (1) became level-3 headings')
})
