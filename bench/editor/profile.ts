/**
 * `npm run bench:editor:profile`: where a keystroke's time goes in a large document. Types
 * keystrokes in page A of a seeded document (caret at the end) while page B follows, with the
 * Chrome DevTools CPU profiler running in both, and prints the functions with the most self time
 * and the most inclusive time per page, as JSON. The web client is built without minification
 * (`dist/web-profile`) so that the names are the source's.
 *
 * Options: `--words N` (100,000), `--keystrokes N` (100), `--out DIR` (also writes
 * `writer.cpuprofile`, `reader.cpuprofile` and `timeline.json` there, for Chrome DevTools).
 * `--trace N` profiles instead the writer's replay of the editing trace (as bench:editor does),
 * N edits per transaction, and prints the busiest functions per transaction of the writer and of
 * the reader that follows it (until it has the trace's final text).
 */
import { chromium, type CDPSession, type Page } from '@playwright/test'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { connectClient, startEnsembleRelay, whenSynced } from '../../server/testing/harness'
import { chromiumArgs } from '../../playwright.config'
import { installKeystrokeProbe, replayTrace, watchForText } from './in-page'
import { openConnected, pageTimeoutMs } from './pages'
import { proseDocument } from './seed'
import { defaultTracePath, loadTrace } from '../relay/trace'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const samplingIntervalUs = 100
const shown = 25

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: '100000' },
      keystrokes: { type: 'string', default: '100' },
      out: { type: 'string' },
      trace: { type: 'string' }
    }
  })
  if (values.trace !== undefined) return profileTrace(wholeNumber(values.trace, '--trace'), values.out)
  const words = wholeNumber(values.words, '--words')
  const keystrokes = wholeNumber(values.keystrokes, '--keystrokes')
  const relay = await startEnsembleRelay({ webRoot: `${repoRoot}dist/web-profile`, lingerMs: pageTimeoutMs })
  const browser = await chromium.launch({ executablePath: process.env.ENSEMBLE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs })
  const web = relay.url.replace(/^ws/, 'http')
  try {
    const seeder = connectClient(relay.url, 'profile', { doc: proseDocument({ words }).doc })
    await whenSynced(seeder)
    seeder.destroy()
    const writer = await openConnected(browser, web, 'profile', 'Writer')
    const reader = await openConnected(browser, web, 'profile', 'Reader')
    await writer.locator('.ProseMirror').focus()
    await writer.keyboard.press('Control+End')
    await writer.keyboard.type('warm up the compiler ')
    const size = await writer.evaluate(() => window.ensembleEditor!.view.state.doc.content.size)
    await reader.waitForFunction((expected) => window.ensembleEditor!.view.state.doc.content.size === expected, size, { timeout: pageTimeoutMs })
    await reader.evaluate(installKeystrokeProbe)
    await browser.startTracing(undefined, { categories: traceCategories })
    const sessions = await Promise.all([writer, reader].map(startProfiler))
    const text = 'the quick brown fox jumps over the lazy dog '
    for (let index = 0; index < keystrokes; index++) {
      await writer.keyboard.type(text[index % text.length]!)
      await reader.waitForFunction((count) => window.keystrokeProbe!.arrivals.length >= count, index + 1, { timeout: 30_000 })
    }
    const [writerProfile, readerProfile] = await Promise.all(sessions.map(stopProfiler))
    const traceText = (await browser.stopTracing()).toString('utf8')
    const timeline = summarizeTimeline(JSON.parse(traceText) as TraceFile, keystrokes)
    if (values.out !== undefined) {
      await mkdir(values.out, { recursive: true })
      await writeFile(path.join(values.out, 'writer.cpuprofile'), JSON.stringify(writerProfile))
      await writeFile(path.join(values.out, 'reader.cpuprofile'), JSON.stringify(readerProfile))
      await writeFile(path.join(values.out, 'timeline.json'), traceText)
    }
    const result = {
      words,
      keystrokes,
      writer: { timeline: timeline.Writer, ...summarizeProfile(writerProfile!, keystrokes) },
      reader: { timeline: timeline.Reader, ...summarizeProfile(readerProfile!, keystrokes) }
    }
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  } finally {
    await browser.close()
    await relay.close()
  }
}

/** The writer's side of bench:editor's trace replay, profiled. */
const profileTrace = async (editsPerTransaction: number, out: string | undefined): Promise<void> => {
  const trace = await loadTrace(process.env.ENSEMBLE_TRACE ?? defaultTracePath, 'set ENSEMBLE_TRACE to its path')
  const relay = await startEnsembleRelay({ webRoot: `${repoRoot}dist/web-profile`, lingerMs: pageTimeoutMs })
  const browser = await chromium.launch({ executablePath: process.env.ENSEMBLE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs })
  try {
    const web = relay.url.replace(/^ws/, 'http')
    const writer = await openConnected(browser, web, 'profile-trace', 'Writer')
    const reader = await openConnected(browser, web, 'profile-trace', 'Reader')
    await reader.evaluate(watchForText, trace.finalText)
    const sessions = await Promise.all([writer, reader].map((page) => startProfiler(page, 1000)))
    const applied = await writer.evaluate(replayTrace, { edits: trace.edits, finalText: trace.finalText, slice: 500, editsPerTransaction })
    await reader.waitForFunction(() => 'traceDoneAt' in window, undefined, { polling: 500, timeout: 0 })
    const [writerProfile, readerProfile] = await Promise.all(sessions.map(stopProfiler))
    if (out !== undefined) {
      await mkdir(out, { recursive: true })
      await writeFile(path.join(out, 'trace-writer.cpuprofile'), JSON.stringify(writerProfile))
      await writeFile(path.join(out, 'trace-reader.cpuprofile'), JSON.stringify(readerProfile))
    }
    const transactions = Math.ceil(trace.edits.length / editsPerTransaction)
    const perTransaction = (profile: CpuProfile) => {
      const { busyMsPerKeystroke, self, inclusive } = summarizeProfile(profile, transactions)
      return { busyMsPerTransaction: busyMsPerKeystroke, self, inclusive }
    }
    const result = {
      editsPerTransaction,
      transactions,
      writerApplyMs: Math.round(applied.applyMs),
      writer: perTransaction(writerProfile!),
      reader: perTransaction(readerProfile!)
    }
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  } finally {
    await browser.close()
    await relay.close()
  }
}

const startProfiler = async (page: Page, intervalUs = samplingIntervalUs): Promise<CDPSession> => {
  const session = await page.context().newCDPSession(page)
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: intervalUs })
  await session.send('Profiler.start')
  return session
}

const stopProfiler = async (session: CDPSession): Promise<CpuProfile> => {
  const { profile } = await session.send('Profiler.stop')
  return profile as unknown as CpuProfile
}

/** Self and inclusive milliseconds per function (name, file, line), per keystroke (or transaction), biggest first. */
const summarizeProfile = (profile: CpuProfile, keystrokes: number) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((sample, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000
    const key = frameName(byId.get(sample)!)
    self.set(key, (self.get(key) ?? 0) + ms)
    if (key !== '(idle)' && key !== '(program)') busy += ms
    // Each function once per sample, however deep it recurses.
    const onStack = new Set<string>()
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) onStack.add(frameName(byId.get(id)!))
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + ms)
  })
  const top = (table: Map<string, number>) =>
    [...table]
      .filter(([name]) => !name.startsWith('(root)') && name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, shown)
      .map(([name, ms]) => ({ name, msPerKeystroke: Math.round((ms / keystrokes) * 100) / 100 }))
  return {
    busyMsPerKeystroke: Math.round((busy / keystrokes) * 100) / 100,
    self: top(self),
    inclusive: top(inclusive)
  }
}

/** The renderer's main-thread work as Chrome's Performance panel names it (Layout, Paint, FunctionCall…). */
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline']

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  args?: { name?: string; data?: { type?: string } }
}
interface TraceFile {
  traceEvents: TraceEvent[]
}

/**
 * Milliseconds per keystroke of each kind of main-thread event (inclusive: a Layout inside a
 * FunctionCall counts in both), for the writer (the renderer that received the keydowns) and the
 * reader (the other renderer that received WebSocket messages).
 */
const summarizeTimeline = (trace: TraceFile, keystrokes: number): Record<string, Array<{ name: string; msPerKeystroke: number }>> => {
  const users = new Map<number, string>()
  const mainThreads = new Set<string>()
  for (const event of trace.traceEvents) {
    if (event.name === 'thread_name' && event.args?.name === 'CrRendererMain') mainThreads.add(`${event.pid}:${event.tid}`)
    if (event.name === 'EventDispatch' && event.args?.data?.type === 'keydown') users.set(event.pid, 'Writer')
  }
  for (const event of trace.traceEvents) {
    if (event.name === 'WebSocketReceive' && !users.has(event.pid)) users.set(event.pid, 'Reader')
  }
  const totals = new Map<string, Map<string, number>>()
  for (const event of trace.traceEvents) {
    const user = users.get(event.pid)
    if (user === undefined || event.ph !== 'X' || event.dur === undefined || !mainThreads.has(`${event.pid}:${event.tid}`)) continue
    const table = totals.get(user) ?? new Map<string, number>()
    totals.set(user, table)
    table.set(event.name, (table.get(event.name) ?? 0) + event.dur / 1000)
  }
  return Object.fromEntries(
    [...totals].map(([user, table]) => [
      user,
      [...table]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([name, ms]) => ({ name, msPerKeystroke: Math.round((ms / keystrokes) * 100) / 100 }))
    ])
  )
}

const frameName = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame
  const file = url === '' ? '' : ` ${url.slice(url.lastIndexOf('/') + 1).replace(/-[\w-]{8}\.js$/, '.js')}:${lineNumber + 1}`
  return `${functionName === '' ? '(anonymous)' : functionName}${file}`
}

const wholeNumber = (value: string | undefined, option: string): number => {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new Error(`${option} must be a whole number of at least 1, not "${value}"`)
  return number
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:editor:profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
