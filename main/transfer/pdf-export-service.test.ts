import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import writeFileAtomic from 'write-file-atomic'
import { afterEach, describe, expect, it } from 'vitest'
import { PdfExportService, suggestedPdfName, type PdfPlatform } from './pdf-export-service'

/**
 * The service with a Node stand-in for Electron's dialog and `printToPDF` (which cannot run here)
 * and the real atomic file writer, on a temporary folder.
 */
const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n% stand-in for printToPDF output\n%%EOF\n')

const platform = (answer: (suggested: string) => string | null, print: () => Promise<Uint8Array> = async () => pdfBytes) => {
  const asked: Array<{ windowId: number; suggested: string }> = []
  const printed: number[] = []
  const value: PdfPlatform = {
    askSavePath: async (windowId, suggested) => {
      asked.push({ windowId, suggested })
      return answer(suggested)
    },
    printToPdf: async (windowId) => {
      printed.push(windowId)
      return print()
    }
  }
  return { value, asked, printed }
}

const service = (p: PdfPlatform) => new PdfExportService(p, (path, bytes) => writeFileAtomic(path, Buffer.from(bytes)), pino({ level: 'silent' }))

describe('PdfExportService', () => {
  it('suggests the document name, prints the asking window and writes the PDF where the user chose', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ensemble-pdf-'))
    folders.push(folder)
    const fake = platform(() => join(folder, 'Plan'))
    const exporter = service(fake.value)
    const written: string[] = []
    exporter.onDidExport((path) => written.push(path))
    const result = await exporter.exportWindow(3, { documentName: 'team/Q3 plan' })
    expect(fake.asked).toEqual([{ windowId: 3, suggested: 'Q3 plan.pdf' }])
    expect(fake.printed).toEqual([3])
    expect(result).toEqual({ outcome: 'saved', path: join(folder, 'Plan.pdf') })
    expect(new Uint8Array(await readFile(join(folder, 'Plan.pdf')))).toEqual(pdfBytes)
    expect(written).toEqual([join(folder, 'Plan.pdf')])
  })

  it('prints nothing when the user cancels', async () => {
    const fake = platform(() => null)
    expect(await service(fake.value).exportWindow(1, { documentName: 'a' })).toEqual({ outcome: 'cancelled' })
    expect(fake.printed).toEqual([])
  })

  it('says which step failed and writes nothing when printing fails', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ensemble-pdf-'))
    folders.push(folder)
    const fake = platform(() => join(folder, 'x.pdf'), async () => {
      throw new Error('render process gone')
    })
    await expect(service(fake.value).exportWindow(1, { documentName: 'a' })).rejects.toThrow(
      'the window could not be printed to PDF (render process gone); try again, or export as HTML and print that'
    )
    await expect(readFile(join(folder, 'x.pdf'))).rejects.toThrow(/ENOENT/)
  })

  it('names the folder it could not write to', async () => {
    const fake = platform(() => '/nonexistent-folder-for-ensemble-tests/a.pdf')
    await expect(service(fake.value).exportWindow(1, { documentName: 'a' })).rejects.toThrow(
      /^the PDF could not be written to \/nonexistent-folder-for-ensemble-tests\/a\.pdf \(.*\); choose another folder$/
    )
  })

  it('suggests file names without characters file systems refuse', () => {
    expect(suggestedPdfName('notes')).toBe('notes.pdf')
    expect(suggestedPdfName('a/b/c d')).toBe('c d.pdf')
  })
})
