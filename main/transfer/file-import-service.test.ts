import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { FileToImport } from '../../app/ipc'
import { FileImportService, type FileImportPlatform } from './file-import-service'

/** The service on real files in a temporary folder, with a Node stand-in for Electron's dialog and windows. */
const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

const setup = async (files: Record<string, string | Uint8Array>, pick: string | null, limit?: number) => {
  const folder = await mkdtemp(join(tmpdir(), 'ensemble-import-'))
  folders.push(folder)
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content)
  const sent: Array<{ windowId: number; file: FileToImport }> = []
  const problems: string[] = []
  const platform: FileImportPlatform = {
    askOpenPath: async () => (pick === null ? null : join(folder, pick)),
    sendToWindow: (windowId, file) => sent.push({ windowId, file }),
    showProblem: (_windowId, message) => problems.push(message)
  }
  return { service: new FileImportService(platform, pino({ level: 'silent' }), limit), sent, problems }
}

describe('FileImportService', () => {
  it('reads the picked Markdown file and hands its text to the window', async () => {
    const { service, sent, problems } = await setup({ 'notes.md': '# Notes\n' }, 'notes.md')
    await service.importInto(4)
    expect(sent).toEqual([{ windowId: 4, file: { fileName: 'notes.md', text: '# Notes\n' } }])
    expect(problems).toEqual([])
  })

  it('does nothing when the user cancels', async () => {
    const { service, sent, problems } = await setup({}, null)
    await service.importInto(1)
    expect([sent, problems]).toEqual([[], []])
  })

  it('refuses other file types, large files and non-UTF-8 text, naming the file and the reason', async () => {
    for (const [files, pick, limit, message] of [
      [{ 'report.docx': 'x' }, 'report.docx', undefined, '"report.docx" cannot be imported: only Markdown (.md, .markdown) and HTML (.html, .htm) files can be imported.'],
      [{ 'big.md': 'x'.repeat(101) }, 'big.md', 100, '"big.md" cannot be imported: it is 101 bytes; an import may have at most 100 bytes.'],
      [{ 'latin1.html': new Uint8Array([0x3c, 0x70, 0x3e, 0xe9]) }, 'latin1.html', undefined, '"latin1.html" cannot be imported: it is not UTF-8 text; save it as UTF-8 and import it again.'],
      [{}, 'gone.md', undefined, expect.stringMatching(/^"gone.md" cannot be imported: it cannot be read \(ENOENT/)]
    ] as const) {
      const { service, sent, problems } = await setup(files as Record<string, string | Uint8Array>, pick, limit)
      await service.importInto(1)
      expect(sent).toEqual([])
      expect(problems).toEqual([message])
    }
  })
})
