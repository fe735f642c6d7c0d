/** Opens the bare ProseMirror of `bare-editor.ts` on a document, in the app's built CSS. */
import type { Browser, Page } from '@playwright/test'
import { build } from 'esbuild'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Node } from 'prosemirror-model'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The app's CSS as built into `webRoot` (dist/web), so that the bare editor lays out as the app's. */
const builtCss = async (webRoot: string): Promise<string> => {
  const assets = path.join(webRoot, 'assets')
  const sheets = (await readdir(assets)).filter((name) => name.endsWith('.css'))
  if (sheets.length === 0) throw new Error(`no built CSS in ${assets}; run npm run build:web first`)
  return (await Promise.all(sheets.map((name) => readFile(path.join(assets, name), 'utf8')))).join('\n')
}

const bundle = async (): Promise<string> => {
  const result = await build({ entryPoints: [path.join(here, 'bare-editor.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' })
  return result.outputFiles[0]!.text
}

/** A fresh page holding a bare ProseMirror editor of `doc`, focused at its end. */
export const openBareEditor = async (browser: Browser, webRoot: string, doc: Node): Promise<Page> => {
  const [css, script] = await Promise.all([builtCss(webRoot), bundle()])
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } })
  await context.addInitScript('globalThis.__name = (target) => target')
  const page = await context.newPage()
  page.on('pageerror', (error) => process.stderr.write(`page error (bare editor): ${error.message}\n`))
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body></body></html>`)
  await page.addScriptTag({ content: script })
  await page.evaluate((json) => window.startBareEditor!(json), doc.toJSON() as unknown)
  return page
}
