import type { CDPSession, Page } from '@playwright/test'
import { test, expect, editorText } from './fixtures'

/**
 * Input method (IME) composition, driven through the Chrome DevTools Protocol the way an input
 * method drives Chromium: `Input.imeSetComposition` for each step of the composition, then
 * `Input.insertText` to commit it.
 */

/** Records every text the page's shared document (its Y.Doc) held, from now on. */
const recordDocumentTexts = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const { fragment } = window.ensembleEditor!.session
    const texts: string[] = []
    ;(window as unknown as { documentTexts: string[] }).documentTexts = texts
    // The fragment's text without markup: its XML with the tags removed.
    fragment.observeDeep(() => texts.push(fragment.toString().replace(/<[^>]*>/g, '')))
  })

const documentTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { documentTexts: string[] }).documentTexts)

/** Counts the document updates (y-websocket sync frames) the page's WebSocket receives. */
const countSyncFrames = async (cdp: CDPSession): Promise<() => number> => {
  let count = 0
  cdp.on('Network.webSocketFrameReceived', ({ response }) => {
    // Binary frames (opcode 2) arrive base64-encoded; a sync message starts with varUint 0.
    if (response.opcode === 2 && Buffer.from(response.payloadData, 'base64')[0] === 0) count++
  })
  await cdp.send('Network.enable')
  return () => count
}

const caretAtEnd = async (page: Page): Promise<void> => {
  await page.locator('.ProseMirror').focus()
  await page.keyboard.press('Control+End')
  await expect
    .poll(() =>
      page.evaluate(() => {
        const { selection, doc } = window.ensembleEditor!.view.state
        return selection.empty && selection.head + selection.$head.depth === doc.content.size
      })
    )
    .toBe(true)
}

const compositionSteps = ['ni', 'nih', 'niha', 'nihao']

test('a composition reaches the shared document only when it ends', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'ime-alone')
  const ben = await openWriter('Ben Ode', 'ime-alone')
  await caretAtEnd(ana.page)
  await ana.page.keyboard.type('Say: ')
  await expect.poll(() => editorText(ben.page)).toBe('Say: ')
  await recordDocumentTexts(ana.page)
  const cdp = await ana.page.context().newCDPSession(ana.page)
  for (const text of compositionSteps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    // The page shows the composition as it goes…
    await expect.poll(() => editorText(ana.page)).toBe(`Say: ${text}`)
  }
  await cdp.send('Input.insertText', { text: '你好' })
  for (const page of [ana.page, ben.page]) await expect.poll(() => editorText(page)).toBe('Say: 你好')
  // …but the shared document only ever held the committed text.
  expect(await documentTexts(ana.page)).toEqual(['Say: 你好'])
})

test('a composition survives the other page typing at the same spot, and neither page keeps its steps', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'ime-together')
  const ben = await openWriter('Ben Ode', 'ime-together')
  await caretAtEnd(ana.page)
  await ana.page.keyboard.type('Say: ')
  await expect.poll(() => editorText(ben.page)).toBe('Say: ')
  await caretAtEnd(ben.page)
  await recordDocumentTexts(ana.page)
  const cdp = await ana.page.context().newCDPSession(ana.page)
  const syncFramesAtAna = await countSyncFrames(cdp)
  const benLetters = ['a', 'b', 'c', 'd']
  for (const [index, text] of compositionSteps.entries()) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    // Ben types a letter at the same spot while Ana composes; it reaches Ana's page mid-composition.
    const framesBefore = syncFramesAtAna()
    await ben.page.keyboard.type(benLetters[index]!)
    await expect.poll(syncFramesAtAna).toBeGreaterThan(framesBefore)
  }
  await cdp.send('Input.insertText', { text: '你好' })

  await expect.poll(async () => (await editorText(ana.page)) === (await editorText(ben.page))).toBe(true)
  const text = await editorText(ana.page)
  expect(['Say: abcd你好', 'Say: 你好abcd']).toContain(text)
  await expect.poll(() => editorText(ben.page)).toBe(text)
  // Ana's shared document never held a step of her composition.
  expect((await documentTexts(ana.page)).filter((held) => /[nh]/.test(held.slice('Say: '.length)))).toEqual([])
})
