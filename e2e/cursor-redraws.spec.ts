import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { typeAtEnd } from './panels'

/**
 * Remote cursors are redrawn when someone else's cursor changes, not after every move of one's
 * own (patches/README.md, y-prosemirror's cursor plugin): typing costs no redraw of the others.
 */

/** Counts the transactions by which y-prosemirror redraws the remote cursors of `page`. */
const countCursorRedraws = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const view = window.ensembleEditor!.view
    const counter = window as unknown as { cursorRedraws: number }
    counter.cursorRedraws = 0
    const dispatch = view.dispatch.bind(view)
    view.dispatch = (tr) => {
      if ((tr.getMeta('yjs-cursor$') as { awarenessUpdated?: boolean } | undefined)?.awarenessUpdated === true) counter.cursorRedraws++
      dispatch(tr)
    }
  })

const cursorRedraws = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { cursorRedraws: number }).cursorRedraws)

test('typing redraws no remote cursor; another person moving does', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'cursor-redraws')
  const ben = await openWriter('Ben Ode', 'cursor-redraws')
  await typeAtEnd(ben.page, 'Ben was here. ')
  const benCursor = ana.page.locator('.ProseMirror-yjs-cursor[data-user="Ben Ode"]')
  await expect(benCursor).toHaveCount(1)

  await countCursorRedraws(ana.page)
  await typeAtEnd(ana.page, 'Ana types a sentence.')
  // Ben sees where Ana is: her cursor still reaches the others.
  await expect(ben.page.locator('.ProseMirror-yjs-cursor[data-user="Ana Lima"]')).toHaveCount(1)
  expect(await cursorRedraws(ana.page)).toBe(0)

  await ben.page.keyboard.press('Home')
  await expect.poll(() => cursorRedraws(ana.page)).toBeGreaterThan(0)
  await expect(benCursor).toHaveCount(1)
})
