import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openTab } from './panels'

/**
 * Private messages between pages of one document, sent from the chat panel: each page is a person
 * in a browser context of their own. A message reaches only its recipient, never a third page,
 * and never the document.
 */
const privateLines = (page: Page) => page.getByTestId('chat-private')
const messageButton = (page: Page, person: string) => page.getByTestId('presence').locator(`[data-user="${person}"] [data-testid=message-person]`)

const sendInChat = async (page: Page, to: string, text: string): Promise<void> => {
  await openTab(page, 'chat')
  await page.getByTestId('chat-recipient').selectOption({ label: to })
  await page.getByTestId('chat-input').fill(text)
  await page.getByTestId('chat-input').press('Enter')
  await expect(page.getByTestId('chat-input')).toHaveValue('')
}

test('a private message from the chat reaches only its recipient; a third page never sees it', async ({ openWriter, relay }) => {
  const ada = await openWriter('Ada Byron', 'whispers')
  const bob = await openWriter('Bob Stone', 'whispers')
  const cyd = await openWriter('Cyd Marsh', 'whispers')
  for (const writer of [ada, bob, cyd]) await expect(writer.page.getByTestId('presence').locator('[data-user]')).toHaveCount(3)

  const secret = 'Lunch at noon? Just us.'
  await sendInChat(ada.page, 'Bob Stone (private)', secret)
  const sent = privateLines(ada.page)
  await expect(sent).toHaveCount(1)
  await expect(sent).toHaveAttribute('data-direction', 'out')
  await expect(sent).toHaveAttribute('data-person', 'Bob Stone')
  await expect(sent).toHaveAttribute('data-status', 'sent')
  await expect(sent.locator('.chat-text')).toHaveText(secret)

  // Bob's chat is closed: the message waits as unread, then shows as private from Ada.
  await expect(bob.page.getByTestId('tab-chat-count')).toHaveText('1')
  await openTab(bob.page, 'chat')
  const received = privateLines(bob.page)
  await expect(received).toHaveAttribute('data-direction', 'in')
  await expect(received).toHaveAttribute('data-person', 'Ada Byron')
  await expect(received.locator('.chat-text')).toHaveText(secret)

  // Ada's ✉ in the presence bar addresses Cyd. This goes out after the secret on the same
  // connection: once Cyd has it, she would have had the secret too, had the relay sent it to her.
  await messageButton(ada.page, 'Cyd Marsh').click()
  await expect(ada.page.getByTestId('chat-recipient')).toHaveValue(/^\d+$/)
  await expect(ada.page.getByTestId('chat-input')).toHaveAttribute('placeholder', /Private message to Cyd Marsh/)
  await ada.page.getByTestId('chat-input').fill('Hello Cyd')
  await ada.page.getByTestId('chat-send').click()
  await openTab(cyd.page, 'chat')
  await expect(privateLines(cyd.page).locator('.chat-text')).toHaveText(['Hello Cyd'])
  expect(await cyd.page.content()).not.toContain('Lunch')

  // Bob replies from the message itself; Ada gets it, Cyd does not.
  await received.getByTestId('private-reply').click()
  await expect(bob.page.getByTestId('chat-input')).toBeFocused()
  await bob.page.getByTestId('chat-input').fill('Yes, see you there')
  await bob.page.getByTestId('chat-input').press('Enter')
  await expect(privateLines(ada.page).filter({ hasText: 'see you there' })).toHaveAttribute('data-direction', 'in')

  // A message to everyone still goes through the document, and reaches Cyd.
  await ada.page.getByTestId('chat-recipient').selectOption({ label: 'Everyone' })
  await ada.page.getByTestId('chat-input').fill('Meeting notes are in the document')
  await ada.page.getByTestId('chat-input').press('Enter')
  await expect(cyd.page.getByTestId('chat-message').filter({ hasText: 'Meeting notes' })).toHaveCount(1)
  await expect(privateLines(cyd.page)).toHaveCount(1)
  expect(await cyd.page.content()).not.toContain('see you there')

  // Nothing private is in the document, in any page or on the relay; the public message is.
  for (const writer of [ada, bob, cyd]) {
    const content = await writer.page.evaluate(() => JSON.stringify(window.ensembleEditor!.session.doc.toJSON()))
    expect(content).toContain('Meeting notes')
    expect(content).not.toContain('Lunch')
    expect(content).not.toContain('see you there')
  }
  const stored = Buffer.from(relay.current.documentState('whispers') ?? new Uint8Array()).toString('utf8')
  expect(stored).toContain('Meeting notes')
  expect(stored).not.toContain('Lunch')
})

test('a private message to someone who has left is not sent, and the chat says why', async ({ openWriter }) => {
  const ada = await openWriter('Ada Byron', 'left-behind')
  const bob = await openWriter('Bob Stone', 'left-behind')
  await messageButton(ada.page, 'Bob Stone').click()
  await expect(ada.page.getByTestId('chat-panel')).toBeVisible()
  await ada.page.getByTestId('chat-input').fill('Are you still there?')
  await bob.context.close()
  // Bob stays chosen, marked as gone, so the message cannot slip out to everyone.
  await expect(ada.page.getByTestId('chat-recipient').locator('option:checked')).toHaveText('Bob Stone (left)')
  await expect(ada.page.getByTestId('chat-send')).toBeDisabled()
  await ada.page.getByTestId('chat-input').press('Enter')
  await expect(ada.page.getByTestId('chat-problem')).toHaveText(/Bob Stone has left the document/)
  await expect(ada.page.getByTestId('chat-input')).toHaveValue('Are you still there?')
  await expect(ada.page.getByTestId('chat-message')).toHaveCount(0)
})
