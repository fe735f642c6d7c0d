import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** What has the keyboard focus: its `data-command`, `data-testid` or tag, and whether it is in the toolbar. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    return {
      inToolbar: element?.closest('[role=toolbar]') !== null && element?.closest('[role=toolbar]') !== undefined,
      inEditor: element?.closest('.ProseMirror') != null,
      command: element?.dataset.command ?? element?.dataset.testid ?? element?.tagName.toLowerCase() ?? null
    }
  })

test('screen readers read the document without remote cursor labels, and each follow button names its person', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'a11y-cursors')
  const ben = await openWriter('Ben Ode', 'a11y-cursors')
  await ben.page.locator('.ProseMirror').focus()
  await ben.page.keyboard.type('Some text')
  const editor = ana.page.locator('.ProseMirror')
  await expect(editor.locator('.ProseMirror-yjs-cursor[data-user="Ben Ode"]')).toHaveCount(1)
  await expect(editor).toContainText('Some text')
  const tree = await editor.ariaSnapshot()
  expect(tree).toContain('Some text')
  expect(tree).not.toContain('Ben Ode')

  const follow = ana.page.getByRole('button', { name: 'Follow Ben Ode', exact: true })
  await expect(follow).toHaveAttribute('aria-pressed', 'false')
  await follow.click()
  await expect(ana.page.getByRole('button', { name: 'Stop following Ben Ode', exact: true })).toHaveAttribute('aria-pressed', 'true')
})

test('the toolbar is one tab stop, reached with Alt+F10 and walked with the arrow keys', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'a11y-toolbar')
  await page.locator('.ProseMirror').focus()
  await page.keyboard.type('plain ')
  const tabStops = () =>
    page.getByTestId('toolbar').evaluate((toolbar) => Array.from(toolbar.querySelectorAll<HTMLElement>('button, select')).filter((item) => item.tabIndex >= 0 && !(item as HTMLButtonElement).disabled).length)
  expect(await tabStops()).toBe(1)

  await page.keyboard.press('Alt+F10')
  expect(await focused(page)).toEqual({ inToolbar: true, inEditor: false, command: 'block-type' })
  await page.keyboard.press('ArrowRight')
  // Undo is the next enabled control (redo has nothing to redo).
  expect((await focused(page)).command).toBe('undo')
  await page.keyboard.press('ArrowRight')
  expect((await focused(page)).command).toBe('bold')
  await page.keyboard.press('End')
  expect((await focused(page)).command).toBe('suggesting')
  // The Editing / Suggesting switch is last; ArrowLeft goes to the control before it.
  await page.keyboard.press('ArrowLeft')
  expect((await focused(page)).command).toBe('table')
  await page.keyboard.press('Home')
  expect((await focused(page)).command).toBe('block-type')
  expect(await tabStops()).toBe(1)

  // Enter presses the focused button and gives the document the focus back.
  // ArrowLeft wraps around from the first control to the last.
  await page.keyboard.press('ArrowLeft')
  expect((await focused(page)).command).toBe('suggesting')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  expect((await focused(page)).command).toBe('bold')
  await page.keyboard.press('Enter')
  expect((await focused(page)).inEditor).toBe(true)
  await page.keyboard.type('strong')
  await expect(page.locator('.ProseMirror strong')).toHaveText('strong')

  // Tab leaves the toolbar at once; Escape goes back to the document.
  await page.keyboard.press('Alt+F10')
  expect((await focused(page)).inToolbar).toBe(true)
  await page.keyboard.press('Tab')
  expect((await focused(page)).inToolbar).toBe(false)
  await page.keyboard.press('Alt+F10')
  await page.keyboard.press('Escape')
  expect((await focused(page)).inEditor).toBe(true)
})

test('the side panel’s tabs name the panels they control', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'a11y-tabs')
  const tabs = page.getByRole('tab')
  await expect(tabs).toHaveCount(4)
  for (const tab of await tabs.all()) {
    const controls = await tab.getAttribute('aria-controls')
    expect(controls, `${await tab.textContent()} has aria-controls`).toBeTruthy()
    const panel = page.locator(`#${controls!}`)
    await expect(panel).toHaveAttribute('role', 'tabpanel')
    await expect(panel).toHaveAttribute('aria-labelledby', (await tab.getAttribute('id'))!)
  }
})
