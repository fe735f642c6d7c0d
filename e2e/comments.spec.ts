import { signAccessToken } from '../server/access/access-token'
import { tokenAuthentication } from '../server/access/token-authentication'
import { test, expect, editorText } from './fixtures'
import { liveEditor, openTab, openWithToken, placeCaret, selectText, typeAtEnd } from './panels'

test('a comment reaches the other page, which replies; both follow the text as it is edited, resolved, reopened and deleted', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'comments')
  const ben = await openWriter('Ben Ode', 'comments')
  await typeAtEnd(ana.page, 'The quick brown fox jumps')
  await expect.poll(() => editorText(ben.page)).toBe('The quick brown fox jumps')

  await selectText(ana.page, 'brown')
  await ana.page.getByTestId('add-comment').click()
  await expect(ana.page.getByTestId('composer-quote')).toHaveText('“brown”')
  await ana.page.getByTestId('comment-input').fill('Which brown?')
  await ana.page.getByTestId('comment-submit').click()
  await expect(liveEditor(ana.page).locator('.comment-highlight')).toHaveText('brown')

  // Ben sees the thread, its author and the highlighted text, and replies.
  const benThread = ben.page.getByTestId('comment-thread')
  await expect(benThread).toHaveCount(1)
  await expect(benThread.getByTestId('thread-quote')).toHaveText('“brown”')
  await expect(benThread.getByTestId('comment')).toHaveText(/Ana Lima.*Which brown\?/s)
  await expect(benThread.getByTestId('comment').first()).toHaveAttribute('data-author', 'Ana Lima')
  await expect(liveEditor(ben.page).locator('.comment-highlight')).toHaveText('brown')
  await expect(ben.page.getByTestId('tab-comments-count')).toHaveText('1')
  await benThread.getByTestId('reply-input').fill('Chocolate brown.')
  await benThread.getByTestId('reply-submit').click()
  const anaThread = ana.page.getByTestId('comment-thread')
  await expect(anaThread.getByTestId('comment')).toHaveCount(2)
  await expect(anaThread.getByTestId('comment').nth(1)).toHaveAttribute('data-author', 'Ben Ode')
  await expect(anaThread.getByTestId('comment').nth(1)).toContainText('Chocolate brown.')

  // Ben edits before, right after and inside the commented word: the anchor keeps to its text.
  await liveEditor(ben.page).focus()
  await ben.page.keyboard.press('Control+Home')
  await ben.page.keyboard.type('Yes, ')
  await placeCaret(ben.page, 'after', 'brown')
  await ben.page.keyboard.type('ish')
  await expect.poll(() => editorText(ana.page)).toBe('Yes, The quick brownish fox jumps')
  await expect(liveEditor(ana.page).locator('.comment-highlight')).toHaveText('brown')
  await expect(liveEditor(ben.page).locator('.comment-highlight')).toHaveText('brown')
  // Enter in front of the word splits the paragraph; y-prosemirror re-creates the text after the
  // split, and the thread moves with it.
  await placeCaret(ana.page, 'after', 'quick')
  await ana.page.keyboard.press('Enter')
  await expect.poll(() => editorText(ben.page)).toBe('Yes, The quick\n brownish fox jumps')
  await expect(liveEditor(ben.page).locator('.comment-highlight')).toHaveText('brown')
  await expect(liveEditor(ana.page).locator('.comment-highlight')).toHaveText('brown')

  // Resolving hides the thread from the open ones on both pages; reopening brings it back.
  await benThread.getByTestId('resolve-thread').click()
  await expect(anaThread).toHaveCount(0)
  await expect(ana.page.getByTestId('tab-comments-count')).toBeHidden()
  await ana.page.getByTestId('show-resolved').check()
  await expect(anaThread).toHaveAttribute('data-resolved', 'true')
  await expect(anaThread.getByTestId('thread-status')).toContainText('Resolved by Ben Ode')
  await anaThread.getByTestId('reopen-thread').click()
  await expect(benThread).toHaveAttribute('data-resolved', 'false')
  await expect(benThread.getByTestId('thread-status')).toContainText('Reopened by Ana Lima')

  // Deleting all of the commented text leaves the thread in the panel, marked orphaned.
  await selectText(ana.page, 'brownish')
  await ana.page.keyboard.press('Backspace')
  await expect.poll(() => editorText(ben.page)).toBe('Yes, The quick\n  fox jumps')
  for (const page of [ana.page, ben.page]) {
    const thread = page.getByTestId('comment-thread')
    await expect(thread).toHaveAttribute('data-place', 'orphaned')
    await expect(thread.getByTestId('orphaned-label')).toBeVisible()
    await expect(thread.getByTestId('thread-quote')).toHaveText('“brown”')
    await expect(liveEditor(page).locator('.comment-highlight')).toHaveCount(0)
  }
})

test.describe('with access tokens', () => {
  const secret = new TextEncoder().encode('a secret of at least thirty-two bytes for the e2e relay')
  test.use({ relayOptions: { extensions: [tokenAuthentication(secret)] } })

  test('a view-only reader sees comments, versions and chat, is told why they cannot add to them, and can still message privately', async ({ browser, relay }) => {
    const grant = (role: 'edit' | 'view') => signAccessToken(secret, { doc: 'reviewed', role, lifetimeMs: 3_600_000 })
    const ana = await openWithToken(browser, relay.httpUrl, 'Ana Lima', 'reviewed', await grant('edit'))
    const vic = await openWithToken(browser, relay.httpUrl, 'Vic Reader', 'reviewed', await grant('view'))
    try {
      await typeAtEnd(ana.page, 'Please review this sentence')
      await selectText(ana.page, 'review')
      await ana.page.getByTestId('add-comment').click()
      await ana.page.getByTestId('comment-input').fill('Is this clear?')
      await ana.page.getByTestId('comment-submit').click()
      await openTab(ana.page, 'chat')
      await ana.page.getByTestId('chat-input').fill('Vic, have a look')
      await ana.page.getByTestId('chat-input').press('Enter')

      const thread = vic.page.getByTestId('comment-thread')
      await expect(thread.getByTestId('comment')).toContainText('Is this clear?')
      await expect(liveEditor(vic.page).locator('.comment-highlight')).toHaveText('review')
      await expect(vic.page.getByTestId('comments-read-only')).toBeVisible()
      await expect(vic.page.getByTestId('add-comment')).toBeHidden()
      await expect(thread.getByTestId('reply-form')).toBeHidden()
      await expect(thread.getByTestId('resolve-thread')).toBeDisabled()
      await expect(liveEditor(vic.page)).toHaveAttribute('contenteditable', 'false')
      await openTab(vic.page, 'chat')
      await expect(vic.page.getByTestId('chat-message')).toContainText('Vic, have a look')
      await expect(vic.page.getByTestId('chat-read-only')).toBeVisible()
      // Not to everyone (that writes the document), but privately: that never touches it.
      await expect(vic.page.getByTestId('chat-recipient').locator('option', { hasText: 'Everyone' })).toBeDisabled()
      await expect(vic.page.getByTestId('chat-recipient').locator('option:checked')).toHaveText('Ana Lima (private)')
      await vic.page.getByTestId('chat-input').fill('Clear to me')
      await vic.page.getByTestId('chat-input').press('Enter')
      await expect(ana.page.getByTestId('chat-private')).toHaveAttribute('data-person', 'Vic Reader')
      await expect(ana.page.getByTestId('chat-private').locator('.chat-text')).toHaveText('Clear to me')
      await openTab(vic.page, 'history')
      await expect(vic.page.getByTestId('history-read-only')).toBeVisible()
      await expect(vic.page.getByTestId('save-version-form')).toBeHidden()
    } finally {
      await ana.context.close()
      await vic.context.close()
    }
  })
})
