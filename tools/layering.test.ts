import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The folder rules of ARCHITECTURE.md are enforced by the linter; these cases prove it bites. */
describe('layer rules', () => {
  const eslint = new ESLint()
  const problems = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath })
    return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
  }

  it.each([
    ['renderer/probe.ts', "import { createRelay } from '../server/relay'\nexport const x = createRelay\n", /restricted zone/],
    ['renderer/probe.ts', "import { readFile } from 'node:fs'\nexport const x = readFile\n", /Node built-ins/],
    ['app/probe.ts', "import { Room } from '../server/room'\nexport const x = Room\n", /restricted zone/],
    ['app/probe.ts', "import { join } from 'path'\nexport const x = join\n", /Node built-ins/],
    ['app/probe.ts', 'export const x = () => document.title\n', /Unexpected use of 'document'/],
    ['server/probe.ts', "import { app } from 'electron'\nexport const x = app\n", /Only main\/ may import Electron/],
    ['app/probe.ts', "import { app } from 'electron'\nexport const x = app\n", /Only main\/ may import Electron/]
  ])('%s: rejects %j', async (file, code, expected) => {
    expect((await problems(file, code)).join('\n')).toMatch(expected)
  })

  it.each([
    ['server/probe.ts', "import { CloseCode } from '../app/protocol'\nimport { join } from 'node:path'\nexport const x = [CloseCode, join]\n"],
    ['renderer/probe.ts', "import { CloseCode } from '../app/protocol'\nexport const x = () => [CloseCode, document.title]\n"]
  ])('%s: allows %j', async (file, code) => {
    expect(await problems(file, code)).toEqual([])
  })
})
