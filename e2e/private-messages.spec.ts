import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

/**
 * Private messages between pages of one document: each page is a person in a browser context of
 * their own. A message reaches only its recipient, never a third page, and never the document.
 */
const messageButton = (page: Page, person: string) => page.getByTestId('presence').locator(`[data-user="${person}"] [data-testid=message-person]`)
const panel = (page: Page) => page.getByTestId('private-messages')

const sendTo = async (page: Page, person: string, text: string): Promise<void> => {
  await messageButton(page, person).click()
  await expect(panel(page).locator('h2')).toHaveText(`Private messages with ${person}`)
  await page.getByTestId('private-message-input').fill(text)
  await page.getByTestId('private-message-input').press('Enter')
}

test('a private message reaches only its recipient; a third page never sees it', async ({ openWriter, relay }) => {
  const ada = await openWriter('Ada Byron', 'whispers')
  const bob = await openWriter('Bob Stone', 'whispers')
  const cyd = await openWriter('Cyd Marsh', 'whispers')
  for (const writer of [ada, bob, cyd]) await expect(writer.page.getByTestId('presence').locator('[data-user]')).toHaveCount(3)

  const secret = 'Lunch at noon? Just us.'
  await sendTo(ada.page, 'Bob Stone', secret)
  await expect(panel(ada.page).locator('[data-testid=private-message][data-direction=out]')).toHaveText(new RegExp(secret.replace('?', '\\?')))

  // Bob's panel opens by itself with the message.
  await expect(panel(bob.page)).toBeVisible()
  await expect(panel(bob.page).locator('h2')).toHaveText('Private messages with Ada Byron')
  await expect(panel(bob.page).locator('[data-testid=private-message][data-direction=in] .private-text')).toHaveText(secret)

  // Messages to Cyd go out after the secret on the same connection: once Cyd has this one, she
  // would have had the secret too, had the relay sent it to her.
  await sendTo(ada.page, 'Cyd Marsh', 'Hello Cyd')
  await expect(panel(cyd.page).locator('[data-testid=private-message] .private-text')).toHaveText(['Hello Cyd'])
  expect(await cyd.page.content()).not.toContain(secret)
  await expect(messageButton(cyd.page, 'Ada Byron')).toHaveAttribute('data-unread', '0')

  // Bob answers; Ada has Cyd's conversation open, so Bob's reply shows as unread on his button.
  await bob.page.getByTestId('private-message-input').fill('Yes, see you there')
  await bob.page.getByTestId('private-message-send').click()
  await expect(messageButton(ada.page, 'Bob Stone')).toHaveAttribute('data-unread', '1')
  await messageButton(ada.page, 'Bob Stone').click()
  await expect(panel(ada.page).locator('[data-testid=private-message] .private-text')).toHaveText([secret, 'Yes, see you there'])
  expect(await cyd.page.content()).not.toContain('see you there')

  // Nothing of it is in the document, in any page or on the relay.
  for (const writer of [ada, bob, cyd]) {
    const content = await writer.page.evaluate(() => JSON.stringify(window.ensembleEditor!.session.doc.toJSON()))
    expect(content).not.toContain('Lunch')
  }
  const stored = relay.current.documentState('whispers')
  expect(Buffer.from(stored ?? new Uint8Array()).toString('utf8')).not.toContain('Lunch')
})

test('the conversation with someone who has left says so and stops sending', async ({ openWriter }) => {
  const ada = await openWriter('Ada Byron', 'left-behind')
  const bob = await openWriter('Bob Stone', 'left-behind')
  await messageButton(ada.page, 'Bob Stone').click()
  await bob.context.close()
  // The panel stays open on Bob's conversation; once the relay reports him gone, sending is off.
  await expect(panel(ada.page).locator('h2')).toHaveText('Private messages (they have left the document)')
  await expect(ada.page.getByTestId('private-message-send')).toBeDisabled()
})
