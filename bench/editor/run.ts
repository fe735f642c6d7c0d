/**
 * `npm run bench:editor`: the editor's figures in the Debian Chromium, printed as one JSON object.
 *
 * 1. load: navigation to an editable document of 100,000 words (a first visit: no offline copy),
 *    and to one of 1,000,000 characters;
 * 2. keystrokes: keydown → local render, and keydown → render in a second page, p50/p95, in an
 *    empty document, in the 100,000-word one and in the 1,000,000-character one;
 * 3. floor: the same keystrokes in a bare ProseMirror (no Yjs, no app plugins) on the same
 *    documents (the empty one shows what waiting for the next frame costs by itself);
 * 4. trace: the real-world editing trace `../shared/data/paper-trace.json.gz` replayed through one
 *    page's editor, one transaction per edit, until a second page shows the final text.
 *
 * Everything runs on loopback against a relay started here. See bench/editor/README.md.
 */
import { chromium, type Browser } from '@playwright/test'
import type { Node } from 'prosemirror-model'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { schema } from '../../app/schema'
import { connectClient, startEnsembleRelay, whenSynced } from '../../server/testing/harness'
import { chromiumArgs } from '../../playwright.config'
import { installKeystrokeProbe, replayTrace, watchForText, whenEditable } from './in-page'
import { openConnected, openPage } from './pages'
import { proseDocument, type SeededDocument } from './seed'
import { openBareEditor } from './bare-page'
import { busiestRenderersMs, rendererCpuSeconds } from './cpu'
import { summarize } from './stats'
import { defaultTracePath, loadTrace, type EditingTrace } from '../relay/trace'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const tracePath = process.env.ENSEMBLE_TRACE ?? defaultTracePath
const loadWords = 100_000
const loadRuns = 3
/** The long case: a document of at least this many characters. */
const hugeCharacters = 1_000_000
const keystrokes = 200
const warmupKeystrokes = 20
const traceSlice = 500
const timeoutMs = 10 * 60_000

const usage = 'usage: npm run bench:editor [-- --edits-per-transaction N] [--skip-trace | --trace-only]'

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      'edits-per-transaction': { type: 'string', default: '1' },
      'skip-trace': { type: 'boolean', default: false },
      'trace-only': { type: 'boolean', default: false }
    }
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
    if (values['trace-only']) {
      const traceReplay = await replayThroughEditor(browser, web, trace, editsPerTransaction)
      process.stdout.write(JSON.stringify({ benchmark: 'editor', trace: traceReplay }, null, 2) + '\n')
      return
    }
    const large = await seed(relay, 'bench-large', proseDocument({ words: loadWords }))
    const huge = await seed(relay, 'bench-1m', proseDocument({ characters: hugeCharacters }))
    const loadLarge = await measureLoad(browser, web, 'bench-large', large.words, loadRuns)
    const loadHuge = await measureLoad(browser, web, 'bench-1m', huge.words, 1)

    const keystrokesEmpty = await measureKeystrokes(browser, web, 'bench-keys')
    const keystrokesLarge = await measureKeystrokes(browser, web, 'bench-large')
    const keystrokesHuge = await measureKeystrokes(browser, web, 'bench-1m')
    const floorEmpty = await measureBareKeystrokes(browser, schema.node('doc', null, [schema.node('paragraph')]))
    const floorLarge = await measureBareKeystrokes(browser, large.pmDoc)
    const floorHuge = await measureBareKeystrokes(browser, huge.pmDoc)
    const traceReplay = values['skip-trace'] ? 'skipped (--skip-trace)' : await replayThroughEditor(browser, web, trace, editsPerTransaction)

    const result = {
      benchmark: 'editor',
      environment: { chromium: browser.version(), cpus: cpus().length, node: process.version },
      load: {
        words: large.words,
        paragraphs: large.paragraphs,
        navigationToEditableMs: loadLarge,
        medianMs: median(loadLarge),
        characters1m: { characters: huge.characters, words: huge.words, paragraphs: huge.paragraphs, navigationToEditableMs: loadHuge }
      },
      keystrokes: {
        definition: 'keydown → editor state and DOM updated (state), → next frame (frame); remote: keydown in page A → page B DOM updated',
        emptyDocument: keystrokesEmpty,
        words100k: keystrokesLarge,
        characters1m: keystrokesHuge
      },
      floor: {
        definition: 'bare ProseMirror (app schema and CSS, base keymap; no Yjs, no app plugins) on the same documents: keydown → state, → next frame',
        emptyDocument: floorEmpty,
        words100k: floorLarge,
        characters1m: floorHuge
      },
      trace: traceReplay
    }
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  } finally {
    await browser.close()
    await relay.close()
  }
}

/** Puts `seeded` on the relay as document `name`. */
const seed = async (relay: Awaited<ReturnType<typeof startEnsembleRelay>>, name: string, seeded: SeededDocument): Promise<SeededDocument> => {
  const seeder = connectClient(relay.url, name, { doc: seeded.doc })
  await whenSynced(seeder)
  await waitUntil(() => relay.documentState(name) !== null, `the relay to hold the seeded document ${name}`)
  seeder.destroy()
  return seeded
}

/** Navigation → editable with `words` words shown, in `runs` first visits. */
const measureLoad = async (browser: Browser, web: string, doc: string, words: number, runs: number): Promise<number[]> => {
  const load: number[] = []
  for (let run = 0; run < runs; run++) {
    const page = await openPage(browser, `${web}/?doc=${doc}&user=Loader`)
    load.push(Math.round(await (await page.waitForFunction(whenEditable, words, { polling: 'raf', timeout: timeoutMs })).jsonValue() as number))
    await page.context().close()
  }
  return load
}

const sampleText = 'the quick brown fox jumps over the lazy dog '

/** The floor: the same keystrokes in a bare ProseMirror holding `doc`, caret at the end. */
const measureBareKeystrokes = async (browser: Browser, doc: Node) => {
  const page = await openBareEditor(browser, `${repoRoot}dist/web`, doc)
  await page.locator('.ProseMirror').focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(sampleText.slice(0, warmupKeystrokes))
  await page.evaluate(installKeystrokeProbe)
  const cpuBefore = await rendererCpuSeconds(browser)
  for (let index = 0; index < keystrokes; index++) {
    await page.keyboard.type(sampleText[index % sampleText.length]!)
    await page.waitForFunction((count) => window.keystrokeProbe!.localFrame.length >= count, index + 1, { timeout: 30_000 })
  }
  const [cpuMs = 0] = busiestRenderersMs(cpuBefore, await rendererCpuSeconds(browser))
  const local = await page.evaluate(() => window.keystrokeProbe!)
  await page.context().close()
  return { localStateMs: summarize(local.localState), localFrameMs: summarize(local.localFrame), cpuMsPerKeystroke: round(cpuMs / keystrokes) }
}

const measureKeystrokes = async (browser: Browser, web: string, doc: string) => {
  const writer = await openConnected(browser, web, doc, 'Writer')
  const reader = await openConnected(browser, web, doc, 'Reader')
  await writer.locator('.ProseMirror').focus()
  await writer.keyboard.press('Control+End')
  const text = sampleText
  // Untimed warm-up keystrokes: the first ones also measure the JIT compiler.
  await writer.keyboard.type(text.slice(0, warmupKeystrokes))
  const size = await writer.evaluate(() => window.ensembleEditor!.view.state.doc.content.size)
  await reader.waitForFunction((expected) => window.ensembleEditor!.view.state.doc.content.size === expected, size, { timeout: 30_000 })
  await writer.evaluate(installKeystrokeProbe)
  await reader.evaluate(installKeystrokeProbe)
  const cpuBefore = await rendererCpuSeconds(browser)
  for (let index = 0; index < keystrokes; index++) {
    await writer.keyboard.type(text[index % text.length]!)
    await reader.waitForFunction((count) => window.keystrokeProbe!.arrivals.length >= count, index + 1, { timeout: 30_000 })
  }
  await writer.waitForFunction((count) => window.keystrokeProbe!.localFrame.length >= count, keystrokes)
  const [writerCpuMs = 0, readerCpuMs = 0] = busiestRenderersMs(cpuBefore, await rendererCpuSeconds(browser))
  const local = await writer.evaluate(() => window.keystrokeProbe!)
  const arrivals = await reader.evaluate(() => window.keystrokeProbe!.arrivals)
  await writer.context().close()
  await reader.context().close()
  return {
    localStateMs: summarize(local.localState),
    localFrameMs: summarize(local.localFrame),
    remoteMs: summarize(arrivals.map((arrival, index) => arrival - local.sent[index]!)),
    cpuMsPerKeystroke: { writer: round(writerCpuMs / keystrokes), reader: round(readerCpuMs / keystrokes) }
  }
}

const replayThroughEditor = async (browser: Browser, web: string, trace: EditingTrace, editsPerTransaction: number) => {
  const writer = await openConnected(browser, web, 'bench-trace', 'Writer')
  const reader = await openConnected(browser, web, 'bench-trace', 'Reader')
  await reader.evaluate(watchForText, trace.finalText)
  const cpuBefore = await rendererCpuSeconds(browser)
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
  const [writerCpuMs, readerCpuMs] = busiestRenderersMs(cpuBefore, await rendererCpuSeconds(browser))
  const result = {
    edits: trace.edits.length,
    editsPerTransaction,
    transactions: Math.ceil(trace.edits.length / editsPerTransaction),
    finalTextChars: trace.finalText.length,
    writerApplyMs: Math.round(applied.applyMs),
    totalMs: readerDone === null ? null : Math.round(readerDone - applied.startedAt),
    cpuMs: { writer: writerCpuMs, reader: readerCpuMs },
    writerEndsWithFinalText: applied.matches,
    readerEndsWithFinalText: readerDone !== null
  }
  await writer.context().close()
  await reader.context().close()
  return result
}

const round = (value: number): number => Math.round(value * 100) / 100

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
