import { test, expect, expectConnected } from './fixtures'
import { openTab } from './panels'

test('chat messages reach the other page, count as unread until read, survive a reload, and joins and leaves show as lines', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'chat')
  const ben = await openWriter('Ben Ode', 'chat')

  await openTab(ben.page, 'chat')
  await ben.page.getByTestId('chat-input').fill('Hello Ana, shall we start?')
  await ben.page.getByTestId('chat-input').press('Enter')
  await expect(ben.page.getByTestId('chat-input')).toHaveValue('')

  // Ana's chat is closed: the message waits as unread.
  await expect(ana.page.getByTestId('tab-chat-count')).toHaveText('1')
  await openTab(ana.page, 'chat')
  await expect(ana.page.getByTestId('tab-chat-count')).toBeHidden()
  const anaMessages = ana.page.getByTestId('chat-message')
  await expect(anaMessages).toHaveCount(1)
  await expect(anaMessages.first()).toHaveAttribute('data-author', 'Ben Ode')
  await expect(anaMessages.first()).toContainText('Hello Ana, shall we start?')
  await expect(anaMessages.first().locator('time')).toHaveCount(1)
  // Ben arrived after Ana: her chat says so; his does not announce Ana, who was there first.
  await expect(ana.page.getByTestId('chat-system')).toHaveAttribute('data-kind', 'joined')
  await expect(ana.page.getByTestId('chat-system')).toHaveAttribute('data-person', 'Ben Ode')
  await expect(ben.page.getByTestId('chat-system')).toHaveCount(0)

  await ana.page.getByTestId('chat-input').fill('Yes, go ahead')
  await ana.page.getByTestId('chat-send').click()
  await expect(ben.page.getByTestId('chat-message')).toHaveCount(2)
  await expect(ben.page.getByTestId('chat-message').nth(1)).toHaveAttribute('data-author', 'Ana Lima')

  // A reload keeps the conversation (it is in the document) and what was read stays read.
  await ana.page.reload()
  await expectConnected(ana.page)
  await expect(ana.page.getByTestId('tab-chat-count')).toBeHidden()
  await openTab(ana.page, 'chat')
  await expect(anaMessages).toHaveText([/Ben Ode.*Hello Ana, shall we start\?/s, /Ana Lima.*Yes, go ahead/s])

  // Someone joining later reads everything; unread counts what others wrote.
  const cleo = await openWriter('Cleo Park', 'chat')
  await expect(cleo.page.getByTestId('tab-chat-count')).toHaveText('2')
  await openTab(cleo.page, 'chat')
  await expect(cleo.page.getByTestId('chat-message')).toHaveCount(2)

  // Ben leaves: the others see a line, written by nobody into the document.
  await ben.context.close()
  for (const page of [ana.page, cleo.page]) {
    await expect(page.locator('[data-testid=chat-system][data-kind=left]')).toHaveAttribute('data-person', 'Ben Ode')
  }
  expect(await cleo.page.evaluate(() => window.ensembleEditor!.session.doc.getArray('chat').length)).toBe(2)
})
