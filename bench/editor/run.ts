/**
 * `npm run bench:editor`: the editor's figures in the Debian Chromium, printed as one JSON object.
 *
 * 1. load: navigation to an editable document of 100,000 words (a first visit: no offline copy);
 * 2. keystrokes: keydown → local render, and keydown → render in a second page, p50/p95, in an
 *    empty document and in the 100,000-word one;
 * 3. trace: the real-world editing trace `../shared/data/paper-trace.json.gz` replayed through one
 *    page's editor, one transaction per edit, until a second page shows the final text.
 *
 * Everything runs on loopback against a relay started here. See bench/editor/README.md.
 */
import { chromium, type Browser } from '@playwright/test'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { connectClient, startEnsembleRelay, whenSynced } from '../../server/testing/harness'
import { chromiumArgs } from '../../playwright.config'
import { installKeystrokeProbe, replayTrace, watchForText, whenEditable } from './in-page'
import { openConnected, openPage } from './pages'
import { proseDocument } from './seed'
import { summarize } from './stats'
import { defaultTracePath, loadTrace, type EditingTrace } from '../relay/trace'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const tracePath = process.env.ENSEMBLE_TRACE ?? defaultTracePath
const loadWords = 100_000
const loadRuns = 3
const keystrokes = 200
const warmupKeystrokes = 20
const traceSlice = 500
const timeoutMs = 10 * 60_000

const usage = 'usage: npm run bench:editor [-- --edits-per-transaction N] [--skip-trace]'

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: { 'edits-per-transaction': { type: 'string', default: '1' }, 'skip-trace': { type: 'boolean', default: false } }
  })
  const editsPerTransaction = Number(values['edits-per-transaction'])
  if (!Number.isInteger(editsPerTransaction) || editsPerTransaction < 1) {
    throw new Error(`--edits-per-transaction must be a whole number of at least 1, not "${values['edits-per-transaction']}"; ${usage}`)
  }
  const trace = await loadTrace(tracePath, 'set ENSEMBLE_TRACE to its path')
  const relay = await startEnsembleRelay({ webRoot: `${repoRoot}dist/web`, lingerMs: timeoutMs })
  const browser = await chromium.launch({ executablePath: process.env.ENSEMBLE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs })
  const web = relay.url.replace(/^ws/, 'http')
  try {
    const seeded = proseDocument(loadWords)
    const seeder = connectClient(relay.url, 'bench-large', { doc: seeded.doc })
    await whenSynced(seeder)
    await waitUntil(() => relay.documentState('bench-large') !== null, 'the relay to hold the seeded document')
    seeder.destroy()

    const load: number[] = []
    for (let run = 0; run < loadRuns; run++) {
      const page = await openPage(browser, `${web}/?doc=bench-large&user=Loader`)
      load.push(Math.round(await (await page.waitForFunction(whenEditable, loadWords, { polling: 'raf', timeout: timeoutMs })).jsonValue() as number))
      await page.context().close()
    }

    const small = await measureKeystrokes(browser, web, 'bench-keys')
    const large = await measureKeystrokes(browser, web, 'bench-large')
    const traceReplay = values['skip-trace'] ? 'skipped (--skip-trace)' : await replayThroughEditor(browser, web, trace, editsPerTransaction)

    const result = {
      benchmark: 'editor',
      environment: { chromium: browser.version(), cpus: cpus().length, node: process.version },
      load: { words: loadWords, paragraphs: seeded.paragraphs, navigationToEditableMs: load, medianMs: median(load) },
      keystrokes: {
        definition: 'keydown → editor state and DOM updated (state), → next frame (frame); remote: keydown in page A → page B DOM updated',
        emptyDocument: small,
        words100k: large
      },
      trace: traceReplay
    }
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  } finally {
    await browser.close()
    await relay.close()
  }
}

const measureKeystrokes = async (browser: Browser, web: string, doc: string) => {
  const writer = await openConnected(browser, web, doc, 'Writer')
  const reader = await openConnected(browser, web, doc, 'Reader')
  await writer.locator('.ProseMirror').focus()
  await writer.keyboard.press('Control+End')
  const text = 'the quick brown fox jumps over the lazy dog '
  // Untimed warm-up keystrokes: the first ones also measure the JIT compiler.
  await writer.keyboard.type(text.slice(0, warmupKeystrokes))
  const size = await writer.evaluate(() => window.ensembleEditor!.view.state.doc.content.size)
  await reader.waitForFunction((expected) => window.ensembleEditor!.view.state.doc.content.size === expected, size, { timeout: 30_000 })
  await writer.evaluate(installKeystrokeProbe)
  await reader.evaluate(installKeystrokeProbe)
  for (let index = 0; index < keystrokes; index++) {
    await writer.keyboard.type(text[index % text.length]!)
    await reader.waitForFunction((count) => window.keystrokeProbe!.arrivals.length >= count, index + 1, { timeout: 30_000 })
  }
  await writer.waitForFunction((count) => window.keystrokeProbe!.localFrame.length >= count, keystrokes)
  const local = await writer.evaluate(() => window.keystrokeProbe!)
  const arrivals = await reader.evaluate(() => window.keystrokeProbe!.arrivals)
  await writer.context().close()
  await reader.context().close()
  return {
    localStateMs: summarize(local.localState),
    localFrameMs: summarize(local.localFrame),
    remoteMs: summarize(arrivals.map((arrival, index) => arrival - local.sent[index]!))
  }
}

const replayThroughEditor = async (browser: Browser, web: string, trace: EditingTrace, editsPerTransaction: number) => {
  const writer = await openConnected(browser, web, 'bench-trace', 'Writer')
  const reader = await openConnected(browser, web, 'bench-trace', 'Reader')
  await reader.evaluate(watchForText, trace.finalText)
  const applied = await writer.evaluate(replayTrace, {
    edits: trace.edits,
    finalText: trace.finalText,
    slice: traceSlice,
    editsPerTransaction
  })
  const readerDone = await reader
    .waitForFunction(() => (window as unknown as { traceDoneAt?: number }).traceDoneAt ?? false, null, { polling: 200, timeout: timeoutMs })
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => null)
  const result = {
    edits: trace.edits.length,
    editsPerTransaction,
    transactions: Math.ceil(trace.edits.length / editsPerTransaction),
    finalTextChars: trace.finalText.length,
    writerApplyMs: Math.round(applied.applyMs),
    totalMs: readerDone === null ? null : Math.round(readerDone - applied.startedAt),
    writerEndsWithFinalText: applied.matches,
    readerEndsWithFinalText: readerDone !== null
  }
  await writer.context().close()
  await reader.context().close()
  return result
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const waitUntil = async (condition: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 30_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:editor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
