import type { Page } from '@playwright/test'
import { test, expect, editorText, openWriterPage, type Writer } from './fixtures'
import { liveEditor, openTab, selectText, typeAtEnd } from './panels'

/** The colour this page's user publishes to the others. */
const colorOf = (page: Page): Promise<string> =>
  page.evaluate(() => (window.ensembleEditor!.session.provider.awareness.getLocalState() as { user: { color: string } }).user.color)

/** `#rrggbb` with the alpha 0x33 the version view uses, as the browser computes it. */
const translucent = (color: string, alpha = 0.2): string => {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}

/** The text of everything coloured as `author`'s, in document order. */
const authoredText = (page: Page, author: string): Promise<string> =>
  page.locator(`.ProseMirror [data-author="${author}"]`).evaluateAll((elements) => elements.map((element) => element.textContent).join(''))

/** The text of the version view's document, blocks separated by newlines. */
const versionText = (page: Page): Promise<string> => page.getByTestId('version-content').evaluate((root) => (root as HTMLElement).innerText.trim())

test('a version keeps its text while both pages edit, shows what changed since the one before, and restoring it reaches both pages', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'history')
  const ben = await openWriter('Ben Ode', 'history')
  await typeAtEnd(ana.page, 'Alpha beta gamma')
  await expect.poll(() => editorText(ben.page)).toBe('Alpha beta gamma')

  await openTab(ana.page, 'history')
  await ana.page.getByTestId('version-name').fill('First draft')
  await ana.page.getByTestId('save-version').click()
  await openTab(ben.page, 'history')
  const benVersions = ben.page.getByTestId('version-item')
  await expect(benVersions).toHaveCount(1)
  await expect(benVersions.first()).toContainText('First draft')
  await expect(benVersions.first()).toContainText('Ana Lima')
  await expect(benVersions.first()).toHaveAttribute('data-kind', 'named')

  // Both keep editing: Ana deletes a word while Ben adds one.
  await selectText(ana.page, 'beta ')
  await ana.page.keyboard.press('Backspace')
  await typeAtEnd(ben.page, ' delta')
  await expect.poll(() => editorText(ana.page)).toBe('Alpha gamma delta')
  await expect.poll(() => editorText(ben.page)).toBe('Alpha gamma delta')
  await ben.page.getByTestId('version-name').fill('Second')
  await ben.page.getByTestId('save-version').click()
  const anaVersions = ana.page.getByTestId('version-item')
  await expect(anaVersions).toHaveCount(2)
  // Newest first.
  await expect(anaVersions.first()).toContainText('Second')
  await expect(anaVersions.first()).toContainText('Ben Ode')

  // "Second" shows Ben's insertion in his colour and Ana's deletion struck through.
  await anaVersions.first().getByRole('button').click()
  const view = ana.page.getByTestId('version-view')
  await expect(view.getByTestId('version-title')).toHaveText('Second')
  await expect(liveEditor(ana.page)).toBeHidden()
  const added = view.locator('ins[data-ychange=added]')
  const removed = view.locator('del[data-ychange=removed]')
  await expect(added).toHaveText(' delta')
  await expect(added).toHaveAttribute('data-user', 'Ben Ode')
  await expect(added).toHaveCSS('background-color', translucent(await colorOf(ben.page)))
  await expect(removed).toHaveText('beta ')
  await expect(removed).toHaveAttribute('data-user', 'Ana Lima')
  await expect.poll(() => versionText(ana.page)).toBe('Alpha beta gamma delta')
  await expect(view.getByTestId('version-content')).toHaveAttribute('contenteditable', 'false')

  // Ben keeps typing while Ana looks: the version does not change, the live document does.
  await typeAtEnd(ben.page, ' epsilon')
  await expect.poll(() => editorText(ana.page)).toBe('Alpha gamma delta epsilon')
  await expect.poll(() => versionText(ana.page)).toBe('Alpha beta gamma delta')

  // "First draft", the first version, shows its text as added and nothing of what came later.
  await anaVersions.nth(1).getByRole('button').click()
  await expect(view.getByTestId('version-title')).toHaveText('First draft')
  await expect.poll(() => versionText(ana.page)).toBe('Alpha beta gamma')
  await expect(view.locator('del[data-ychange=removed]')).toHaveCount(0)
  await expect(view.locator('ins[data-ychange=added]')).toHaveText('Alpha beta gamma')

  // Restoring it is a new change that both pages show; no version is lost.
  await view.getByTestId('restore-version').click()
  await expect(view).toBeHidden()
  await expect(liveEditor(ana.page)).toBeVisible()
  await expect.poll(() => editorText(ana.page)).toBe('Alpha beta gamma')
  await expect.poll(() => editorText(ben.page)).toBe('Alpha beta gamma')
  // The edit made after "Second" was saved automatically before the restore.
  await expect(benVersions).toHaveCount(3)
  await expect(benVersions.first()).toContainText('Before restoring “First draft”')
  await expect(benVersions.first()).toHaveAttribute('data-kind', 'automatic')
  // The restorer can undo the restore like any edit of theirs, and redo it.
  await liveEditor(ana.page).focus()
  await ana.page.keyboard.press('Control+z')
  await expect.poll(() => editorText(ben.page)).toBe('Alpha gamma delta epsilon')
  await ana.page.keyboard.press('Control+Shift+z')
  await expect.poll(() => editorText(ben.page)).toBe('Alpha beta gamma')
  // Both keep editing the restored text.
  await typeAtEnd(ben.page, ' again')
  await expect.poll(() => editorText(ana.page)).toBe('Alpha beta gamma again')
})

test('closing a page that edited saves its edits as an automatic version, which the others see', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'session-end')
  const ben = await openWriter('Ben Ode', 'session-end')
  await typeAtEnd(ana.page, 'Written before leaving')
  await expect.poll(() => editorText(ben.page)).toBe('Written before leaving')
  await openTab(ben.page, 'history')
  await expect(ben.page.getByTestId('version-item')).toHaveCount(0)

  await ana.page.close({ runBeforeUnload: true })
  const versions = ben.page.getByTestId('version-item')
  await expect(versions).toHaveCount(1)
  await expect(versions.first()).toHaveAttribute('data-kind', 'automatic')
  await expect(versions.first()).toContainText('When the session ended')
  await expect(versions.first()).toContainText('Ana Lima')
  // Ben never edited: his leaving adds nothing.
  await ben.page.close({ runBeforeUnload: true })
  const cleo = await openWriter('Cleo Park', 'session-end')
  await openTab(cleo.page, 'history')
  await expect(cleo.page.getByTestId('version-item')).toHaveCount(1)
})

test('a version shows what each of three authors added in that author\'s own colour, even when their profiles share one', async ({ browser, relay }, testInfo) => {
  // All three chose the same colour: the document still shows each in a colour of their own.
  const writers: Writer[] = []
  for (const name of ['Ana Lima', 'Ben Ode', 'Cleo Park']) writers.push(await openWriterPage(browser, relay.httpUrl, name, 'three-authors', { color: '#d7263d' }))
  const [ana] = writers as [Writer, ...Writer[]]
  await typeAtEnd(ana.page, 'Start.')
  await openTab(ana.page, 'history')
  await ana.page.getByTestId('version-name').fill('Before')
  await ana.page.getByTestId('save-version').click()
  const words = [' Ana adds this.', ' Ben adds this.', ' Cleo adds this.']
  for (const [i, writer] of writers.entries()) {
    await expect.poll(() => editorText(writer.page)).toBe(`Start.${words.slice(0, i).join('')}`)
    await typeAtEnd(writer.page, words[i]!)
  }
  await expect.poll(() => editorText(ana.page)).toBe(`Start.${words.join('')}`)
  await ana.page.getByTestId('version-name').fill('After')
  await ana.page.getByTestId('save-version').click()
  await ana.page.getByTestId('version-item').first().getByRole('button').click()
  const view = ana.page.getByTestId('version-view')
  await expect(view.getByTestId('version-title')).toHaveText('After')
  for (const [i, writer] of writers.entries()) {
    const added = view.locator(`ins[data-ychange=added][data-user="${writer.name}"]`)
    await expect(added).toHaveText(words[i]!)
    await expect(added).toHaveCSS('background-color', translucent(await colorOf(writer.page)))
  }
  // Three different colours: each author can be told apart.
  const colours = await Promise.all(writers.map((writer) => colorOf(writer.page)))
  expect(new Set(colours).size).toBe(3)
  await ana.page.screenshot({ path: testInfo.outputPath('history-three-authors.png') })
  for (const writer of writers) await writer.context.close()
})

test('"Colour the text by who wrote it" colours each author\'s characters, with a legend, and follows new typing', async ({ browser, relay }, testInfo) => {
  const writers: Writer[] = []
  for (const name of ['Ana Lima', 'Ben Ode', 'Cleo Park']) writers.push(await openWriterPage(browser, relay.httpUrl, name, 'authorship'))
  const [ana] = writers as [Writer, ...Writer[]]
  const words = ['Ana wrote this. ', 'Ben wrote this. ', 'Cleo wrote this.']
  for (const [i, writer] of writers.entries()) {
    await expect.poll(() => editorText(writer.page)).toBe(words.slice(0, i).join(''))
    await typeAtEnd(writer.page, words[i]!)
  }
  await expect.poll(() => editorText(ana.page)).toBe(words.join(''))
  await openTab(ana.page, 'history')
  await ana.page.getByTestId('authorship-toggle').check()
  const editor = ana.page.locator('.ProseMirror')
  for (const [i, writer] of writers.entries()) {
    await expect.poll(() => authoredText(ana.page, writer.name)).toBe(words[i])
    await expect(editor.locator(`[data-author="${writer.name}"]`).first()).toHaveCSS('background-color', translucent(await colorOf(writer.page), 0.25))
  }
  const legend = ana.page.getByTestId('authorship-legend')
  await expect(legend.locator('li')).toHaveText(['Ana Lima', 'Ben Ode', 'Cleo Park'])
  await ana.page.screenshot({ path: testInfo.outputPath('authorship-colours.png') })

  // Ben types more while the colours are on: his new words are his colour too; off, no colour is left.
  await typeAtEnd(writers[1]!.page, ' More from Ben.')
  await expect.poll(() => authoredText(ana.page, 'Ben Ode')).toBe('Ben wrote this.  More from Ben.')
  await ana.page.getByTestId('authorship-toggle').uncheck()
  await expect(editor.locator('[data-author]')).toHaveCount(0)
  await expect(legend).toBeHidden()
  for (const writer of writers) await writer.context.close()
})
