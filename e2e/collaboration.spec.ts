import type { Page } from '@playwright/test'
import { test, expect, expectConnected, editorText } from './fixtures'

/**
 * Puts the caret at the end of the document, and waits until the editor knows it: ProseMirror reads
 * a caret moved by a key on the browser's (asynchronous) selectionchange, and a key it handles
 * itself, such as Enter, acts where the editor's selection is.
 */
const focusEnd = async (page: Page): Promise<void> => {
  await page.locator('.ProseMirror').focus()
  await page.keyboard.press('Control+End')
  await expect
    .poll(() =>
      page.evaluate(() => {
        const { selection, doc } = window.ensembleEditor!.view.state
        // At the end of the last textblock, only its closing tokens follow.
        return selection.empty && selection.head + selection.$head.depth === doc.content.size
      })
    )
    .toBe(true)
}

/**
 * Waits until the page's offline copy (y-indexeddb) holds every update made so far: a read
 * transaction on its store starts only after every earlier write to it has committed.
 */
const offlineCopyWritten = (page: Page): Promise<void> =>
  page.evaluate(async () => {
    const { target } = window.ensembleEditor!.session
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`ensemble:${target.relayUrl}/${target.documentName}`)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('the offline copy could not be opened'))
    })
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('updates', 'readonly')
        transaction.objectStore('updates').count()
        transaction.oncomplete = () => resolve()
        transaction.onerror = () => reject(transaction.error ?? new Error('the offline copy could not be read'))
      })
    } finally {
      db.close()
    }
  })

test('two pages typing at the same time end identical, each showing the other’s cursor and avatar', async ({ openWriter }, testInfo) => {
  const ana = await openWriter('Ana Lima', 'together')
  const ben = await openWriter('Ben Ode', 'together')
  await Promise.all([focusEnd(ana.page), focusEnd(ben.page)])
  const anaText = 'Ana writes this sentence while Ben types.'
  const benText = 'Ben types this one at the very same time.'
  await Promise.all([
    ana.page.keyboard.type(anaText, { delay: 15 }),
    ben.page.keyboard.type(benText, { delay: 15 })
  ])

  await expect.poll(async () => (await editorText(ana.page)) === (await editorText(ben.page))).toBe(true)
  const text = await editorText(ana.page)
  expect(text).toContain(anaText)
  expect(text).toContain(benText)

  for (const [writer, other] of [[ana, ben], [ben, ana]] as const) {
    await expect(writer.page.locator(`.ProseMirror-yjs-cursor[data-user="${other.name}"]`)).toContainText(other.name)
    const presence = writer.page.getByTestId('presence')
    await expect(presence.locator('[data-user]')).toHaveCount(2)
    const avatar = presence.locator(`[data-user="${other.name}"] .avatar`)
    await expect(avatar).toHaveText(other.name === 'Ana Lima' ? 'AL' : 'BO')
    await expect(avatar).toHaveAttribute('title', `${other.name} — active`)
  }
  // Words as the word count reads them: when the two sentences meet as "types.Ben", that is two.
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
  await expect(ana.page.getByTestId('word-count')).toHaveAttribute('data-words', String(words.length))

  // The artifact: both pages side by side, composed by the browser itself.
  const [left, right] = await Promise.all([ana.page.screenshot(), ben.page.screenshot()])
  const sheet = await ana.context.newPage()
  await sheet.setViewportSize({ width: 1810, height: 700 })
  await sheet.setContent(
    `<body style="margin:0;display:flex;gap:10px;background:#444">` +
      `<img src="data:image/png;base64,${left.toString('base64')}">` +
      `<img src="data:image/png;base64,${right.toString('base64')}"></body>`
  )
  const path = testInfo.outputPath('two-pages-side-by-side.png')
  await sheet.screenshot({ path })
  await testInfo.attach('two pages side by side', { path, contentType: 'image/png' })
})

test('undo in one page removes only that page’s text', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'undo')
  const ben = await openWriter('Ben Ode', 'undo')
  await focusEnd(ana.page)
  await ana.page.keyboard.type('Ana first line')
  await expect.poll(() => editorText(ben.page)).toBe('Ana first line')
  await focusEnd(ben.page)
  await ben.page.keyboard.press('Enter')
  await ben.page.keyboard.type('Ben second line')
  await expect.poll(() => editorText(ana.page)).toBe('Ana first line\nBen second line')

  await ana.page.keyboard.press('Control+z')
  for (const page of [ana.page, ben.page]) {
    await expect.poll(() => editorText(page)).not.toContain('Ana first line')
    expect(await editorText(page)).toContain('Ben second line')
  }
  // Redo brings Ana's text back, still leaving Ben's alone.
  await ana.page.keyboard.press('Control+Shift+z')
  await expect.poll(() => editorText(ben.page)).toContain('Ana first line')
  expect(await editorText(ben.page)).toContain('Ben second line')
})

test('a page that goes offline keeps editing and merges when it comes back', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'offline')
  const ben = await openWriter('Ben Ode', 'offline')
  await focusEnd(ana.page)
  await ana.page.keyboard.type('Shared start.')
  await expect.poll(() => editorText(ben.page)).toBe('Shared start.')

  await ana.context.setOffline(true)
  const status = ana.page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-state', 'offline')
  await focusEnd(ana.page)
  await ana.page.keyboard.type(' Written offline by Ana.')
  await focusEnd(ben.page)
  await ben.page.keyboard.press('Enter')
  await ben.page.keyboard.type('Ben kept writing online.')
  await expect.poll(() => editorText(ben.page)).toBe('Shared start.\nBen kept writing online.')
  expect(await editorText(ben.page)).not.toContain('offline by Ana')

  await ana.context.setOffline(false)
  await expect(status).toHaveAttribute('data-state', 'connected')
  const merged = 'Shared start. Written offline by Ana.\nBen kept writing online.'
  await expect.poll(() => editorText(ana.page)).toBe(merged)
  await expect.poll(() => editorText(ben.page)).toBe(merged)
})

test('a document opens and edits with no connection at all, from the offline copy, and merges later', async ({ openWriter, relay }) => {
  const ana = await openWriter('Ana Lima', 'cached')
  const ben = await openWriter('Ben Ode', 'cached')
  await focusEnd(ana.page)
  await ana.page.keyboard.type('Written while online.')
  await expect.poll(() => editorText(ben.page)).toBe('Written while online.')
  // The service worker has stored the app shell once it controls the page.
  await ana.page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated')
  // A reload can abort IndexedDB writes still in flight: the last keystroke must be on disk first.
  await offlineCopyWritten(ana.page)

  await ana.context.setOffline(true)
  await ana.page.reload()
  await expect(ana.page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline')
  await expect.poll(() => editorText(ana.page)).toBe('Written while online.')
  await focusEnd(ana.page)
  await ana.page.keyboard.type(' And after reopening offline.')

  await ana.context.setOffline(false)
  await expectConnected(ana.page)
  await expect.poll(() => editorText(ben.page)).toBe('Written while online. And after reopening offline.')
  expect(relay.current.roomNames()).toContain('cached')
})
