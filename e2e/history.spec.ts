import type { Page } from '@playwright/test'
import { test, expect, editorText } from './fixtures'
import { liveEditor, openTab, selectText, typeAtEnd } from './panels'

/** The colour this page's user publishes to the others. */
const colorOf = (page: Page): Promise<string> =>
  page.evaluate(() => (window.ensembleEditor!.session.provider.awareness.getLocalState() as { user: { color: string } }).user.color)

/** `#rrggbb` with the alpha 0x33 the version view uses, as the browser computes it. */
const translucent = (color: string): string => {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16))
  return `rgba(${r}, ${g}, ${b}, 0.2)`
}

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
