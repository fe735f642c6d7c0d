/**
 * Host hand-over (README, "When the host leaves"): guests of a host whose relay keeps the document
 * also on a hosted relay move there when the host stops or disappears, keep typing, and lose
 * nothing typed before, during or after the move.
 */
import type { Browser, Page } from '@playwright/test'
import * as Y from 'yjs'
import { formatWebUrl } from '../app/invite-link'
import { signAccessToken } from '../server/access/access-token'
import { tokenAuthentication } from '../server/access/token-authentication'
import type { Relay } from '../server/relay'
import { startEnsembleRelay } from '../server/testing/harness'
import { startTcpBalancer, type TcpBalancer } from '../server/testing/relay-process'
import { tokensIn } from '../server/testing/typists'
import { UpstreamSync } from '../server/upstream/upstream-sync'
import { editorText, expect, expectConnected, startRelayUnderTest, test, whenEditorPublished, type RelayUnderTest, type Writer } from './fixtures'

const secret = new TextEncoder().encode('a hosted relay secret of at least 32 bytes')
const hostedName = 'team/notes'

interface Setup {
  /** The hosted relay, which asks for a token. */
  readonly hosted: Relay
  /** The host's relay, keeping `notes` also on `hosted` as `team/notes`. */
  readonly host: RelayUnderTest
  /** A token for the hosted relay, as the host's invite hands it out. */
  readonly alsoToken: string
}

const startRelays = async (): Promise<Setup> => {
  const hosted = await startEnsembleRelay({ extensions: [tokenAuthentication(secret)] })
  const linkToken = await signAccessToken(secret, { doc: hostedName, role: 'edit', lifetimeMs: 3_600_000 })
  const upstream = new UpstreamSync([['notes', { relayUrl: hosted.url, document: hostedName, token: linkToken }]])
  const host = await startRelayUnderTest({ extensions: [upstream] })
  const alsoToken = await signAccessToken(secret, { doc: hostedName, role: 'edit', lifetimeMs: 3_600_000 })
  return { hosted, host, alsoToken }
}

/** Opens the invite's web URL (served by `pageRelay`, the host or a path to it) as `user`. */
const openGuest = async (browser: Browser, setup: Setup, pageRelay: string, user: string): Promise<Writer> => {
  const url = new URL(formatWebUrl({ relay: pageRelay, doc: 'notes', also: setup.hosted.url, alsoToken: setup.alsoToken }))
  url.searchParams.set('user', user)
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[${user}] page error:`, error))
  await page.goto(url.toString())
  await expectConnected(page)
  await whenEditorPublished(page)
  return { context, page, name: user }
}

/** Types the tokens `[wN:from]`…, one keystroke at a time, where the page's caret is. */
const typeTokens = async (page: Page, writer: number, from: number, count: number): Promise<string[]> => {
  const tokens = Array.from({ length: count }, (_, i) => `[w${writer}:${from + i}]`)
  for (const token of tokens) await page.keyboard.type(token)
  return tokens
}

/** Ana and Ben typing `count` tokens each at the same time, every call; `typed` holds what each typed so far. */
const bothTyping = (ana: Page, ben: Page) => {
  const typed: [string[], string[]] = [[], []]
  const type = async (count: number): Promise<void> => {
    const [a, b] = await Promise.all([typeTokens(ana, 0, typed[0].length, count), typeTokens(ben, 1, typed[1].length, count)])
    typed[0].push(...a)
    typed[1].push(...b)
  }
  return { typed, type }
}

/** Each guest gets a paragraph of its own and leaves its caret at its end: Ana the first, Ben the second. */
const takeParagraphs = async (ana: Page, ben: Page): Promise<void> => {
  await ana.locator('.ProseMirror').focus()
  await ana.keyboard.type('Ana:')
  await ana.keyboard.press('Enter')
  await ana.keyboard.press('ArrowUp')
  await ana.keyboard.press('End')
  await expect.poll(() => editorText(ben)).toBe('Ana:\n')
  await ben.locator('.ProseMirror').focus()
  await ben.keyboard.press('Control+End')
  await ben.keyboard.type('Ben:')
  await expect.poll(() => editorText(ana)).toBe('Ana:\nBen:')
}

const continuationIn = (page: Page): Promise<unknown> =>
  page.evaluate(() => window.ensembleEditor!.session.doc.getMap('session').get('continuesOn') ?? null)

/** The paragraphs of `team/notes` as the hosted relay holds it, as text. */
const paragraphsOnRelay = (relay: Relay): string[] => {
  const state = relay.documentState(hostedName)
  if (state === null) return []
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
    .getXmlFragment('prosemirror')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''))
}

/** Every page and the hosted relay hold each guest's tokens exactly once, in order, in that guest's paragraph. */
const expectNothingLost = async (pages: Page[], hosted: Relay, ana: string[], ben: string[]): Promise<void> => {
  const expected = `Ana:${ana.join('')}\nBen:${ben.join('')}`
  for (const page of pages) {
    await expect.poll(() => editorText(page), { timeout: 30_000 }).toBe(expected)
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  }
  await expect.poll(() => paragraphsOnRelay(hosted).map((text) => tokensIn(text)), { timeout: 30_000 }).toEqual([ana, ben])
  expect(paragraphsOnRelay(hosted)).toEqual([`Ana:${ana.join('')}`, `Ben:${ben.join('')}`])
}

test('when the host stops hosting (1001), both guests continue on the hosted relay and nothing typed is lost', async ({ browser }) => {
  // Two pages typing keystroke by keystroke on a shared 2-core machine: about a second per token.
  test.setTimeout(120_000)
  const setup = await startRelays()
  const { host, hosted } = setup
  const writers: Writer[] = []
  let stopped = false
  try {
    const ana = await openGuest(browser, setup, host.current.url, 'Ana Lima')
    const ben = await openGuest(browser, setup, host.current.url, 'Ben Ode')
    writers.push(ana, ben)
    // The host's relay names where the session continues, in the document itself.
    for (const { page } of writers) await expect.poll(() => continuationIn(page)).toEqual({ relayUrl: hosted.url, documentName: hostedName })
    await takeParagraphs(ana.page, ben.page)

    const { typed, type } = bothTyping(ana.page, ben.page)
    await type(8)
    // The host stops while both type: some tokens leave before the close, some while no relay is there.
    const stopping = host.stop()
    await type(8)
    await stopping
    stopped = true

    for (const { page } of writers) {
      const notice = page.getByTestId('handover-notice')
      await expect(notice).toHaveAttribute('data-state', 'moved')
      await expect(notice).toHaveAttribute('data-relay', hosted.url)
      await expect(notice.getByTestId('handover-text')).toHaveText(`The host left. The session now continues on 127.0.0.1:${hosted.port}.`)
      await expectConnected(page)
    }
    await type(8)
    await expectNothingLost([ana.page, ben.page], hosted, ...typed)
    console.log(`hand-over after 1001: ${typed[0].length + typed[1].length} tokens, each once on both pages and the hosted relay`)
  } finally {
    for (const writer of writers) await writer.context.close()
    if (!stopped) await host.stop()
    await hosted.close()
  }
})

test('when the host disappears (its port cut off), both guests move after the give-up rule, and can return once it is back', async ({ browser }) => {
  test.setTimeout(120_000)
  const setup = await startRelays()
  const { host, hosted } = setup
  // The guests reach the host through a network the test can cut; the host's link to the hosted relay is not cut.
  let reachable = true
  const network: TcpBalancer = await startTcpBalancer(() => (reachable ? [host.current.url] : []))
  const writers: Writer[] = []
  try {
    const ana = await openGuest(browser, setup, network.url, 'Ana Lima')
    const ben = await openGuest(browser, setup, network.url, 'Ben Ode')
    writers.push(ana, ben)
    for (const { page } of writers) await expect.poll(() => continuationIn(page)).not.toBeNull()
    await takeParagraphs(ana.page, ben.page)

    const { typed, type } = bothTyping(ana.page, ben.page)
    await type(6)
    reachable = false
    network.dropConnections()
    for (const { page } of writers) await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline')
    // Typed while the host is unreachable and before anyone moves: kept, and counted as not yet on a relay.
    await type(6)
    await expect(ana.page.getByTestId('save-status')).toHaveAttribute('data-state', 'pending')

    for (const { page } of writers) {
      await expect(page.getByTestId('handover-notice')).toHaveAttribute('data-state', 'moved', { timeout: 30_000 })
      await expect(page.getByTestId('handover-text')).toHaveText(`The host left. The session now continues on 127.0.0.1:${hosted.port}.`)
      await expectConnected(page)
    }
    await type(6)

    // The host is reachable again: the guests are told, and Ana goes back while Ben stays.
    reachable = true
    for (const { page } of writers) await expect(page.getByTestId('handover-notice')).toHaveAttribute('data-state', 'host-back', { timeout: 30_000 })
    await ana.page.getByTestId('handover-return').click()
    await expect(ana.page.getByTestId('handover-notice')).toHaveAttribute('data-state', 'returned')
    await expect(ana.page.getByTestId('handover-text')).toHaveText('Back with the host. Nothing was lost either way.')
    await expectConnected(ana.page)
    // The button took the focus; back in the editor, Ana's caret is where she left it, at the end of her paragraph.
    await ana.page.evaluate(() => window.ensembleEditor!.view.focus())
    await type(6)
    await expectNothingLost([ana.page, ben.page], hosted, ...typed)
    console.log(`hand-over after a cut and back: ${typed[0].length + typed[1].length} tokens, each once on both pages and the hosted relay`)
  } finally {
    for (const writer of writers) await writer.context.close()
    await network.close()
    await host.stop()
    await hosted.close()
  }
})
