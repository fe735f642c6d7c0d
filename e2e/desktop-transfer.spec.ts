/**
 * Import and export in the renderer's desktop mode, against the real main-process services under
 * Node (`e2e/desktop/headless-desktop.ts`): File → Export As → PDF through the validated
 * `transfer:export-pdf` request and `PdfExportService` (Chromium's print-to-PDF standing in for
 * Electron's `printToPDF`), and File → Import through `FileImportService`.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InMemoryMdnsNetwork } from './desktop/in-memory-mdns'
import { startHeadlessDesktop, type HeadlessDesktop } from './desktop/headless-desktop'
import { editorText, expect, expectConnected, test as base } from './fixtures'

const test = base.extend<{ desktop: (name: string) => Promise<HeadlessDesktop> }>({
  desktop: async ({ browserName: _browserName }, use) => {
    const started: HeadlessDesktop[] = []
    await use(async (displayName) => {
      const desktop = await startHeadlessDesktop({ displayName, hostName: 'transfer-host', mdns: new InMemoryMdnsNetwork() })
      started.push(desktop)
      return desktop
    })
    for (const desktop of started) await desktop.close()
  }
})

test('desktop: File → Export As → PDF writes the printed document; File → Import opens a file as a new document', async ({ browser, desktop }) => {
  const ana = await desktop('Ana Lima')
  const window = await ana.openWindow(await browser.newContext())
  const { page } = window
  await page.getByTestId('home').getByTestId('new-document').click()
  await expectConnected(page)
  const name = new URL(page.url()).searchParams.get('doc')!
  await page.locator('.ProseMirror').click()
  await page.keyboard.type('Quarterly summary')

  ana.sendMenu(window, 'export-pdf')
  await expect(page.getByTestId('notice')).toHaveText(`Saved the PDF as ${join(ana.exportFolder, `${name}.pdf`)}.`)
  const pdf = await readFile(join(ana.exportFolder, `${name}.pdf`))
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

  const file = join(ana.userData, 'agenda.md')
  await writeFile(file, '# Agenda\n\n- [ ] budget\n- [x] hiring\n\n#### Details\n')
  await ana.importFile(window, file)
  await expect(page.locator('.ProseMirror h1')).toHaveText('Agenda')
  expect(new URL(page.url()).searchParams.get('doc')).toMatch(/^agenda-[a-z2-9]{4}$/)
  expect(await editorText(page)).toBe('Agenda\nbudget\nhiring\nDetails')
  await expect(page.getByTestId('import-report').locator('li[data-kind=heading-level]')).toHaveCount(1)

  await writeFile(join(ana.userData, 'report.docx'), 'not markdown')
  await ana.importFile(window, join(ana.userData, 'report.docx'))
  expect(ana.importProblems).toEqual(['"report.docx" cannot be imported: only Markdown (.md, .markdown) and HTML (.html, .htm) files can be imported.'])
})
