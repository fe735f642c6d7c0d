/**
 * The home screen, the share dialog and the settings in the browser build: the web bridge, served
 * by a real relay, talking to real relays (the page's own, and a second one playing a hosted relay
 * with token authentication).
 */
import { signAccessToken } from '../server/access/access-token'
import { tokenAuthentication } from '../server/access/token-authentication'
import type { ConnectionContext } from '../server/extension'
import { editorText, expect, expectConnected, startRelayUnderTest, test, type RelayUnderTest } from './fixtures'

const hostedSecret = new TextEncoder().encode('a hosted relay secret of at least 32 bytes')

/**
 * A second relay, standing for a hosted relay with `--auth token` (the relay's own token
 * authentication, with a secret of its own), recording which documents were opened with which
 * token, and a token it accepts for every document.
 */
const startHostedRelay = async (): Promise<RelayUnderTest & { token: string; opened: Array<{ doc: string; token: string | null }> }> => {
  const opened: Array<{ doc: string; token: string | null }> = []
  const relay = await startRelayUnderTest({
    extensions: [
      {
        name: 'test-recorder',
        priority: 0,
        onAuthenticate: (context: ConnectionContext) => void opened.push({ doc: context.documentName, token: context.params.get('token') })
      },
      tokenAuthentication(hostedSecret)
    ]
  })
  const token = await signAccessToken(hostedSecret, { doc: '*', role: 'edit', lifetimeMs: 3_600_000 })
  return Object.assign(relay, { opened, token })
}


test('the home screen lists the documents opened, newest first, and opens or forgets them', async ({ browser, relay }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${relay.httpUrl}/?doc=first&user=Ana`)
  await expectConnected(page)
  await page.getByTestId('go-home').click()
  const home = page.getByTestId('home')
  await expect(home.getByTestId('recent-document')).toHaveCount(1)
  await home.getByTestId('open-by-name').getByLabel('Document name').fill('team/second')
  await home.getByTestId('open-by-name').getByRole('button', { name: 'Open' }).click()
  await expect(page.getByTestId('document-name')).toHaveText('team/second')
  await expectConnected(page)
  await page.getByTestId('go-home').click()

  const recent = home.getByTestId('recent-document')
  await expect(recent).toHaveCount(2)
  await expect(recent.nth(0)).toHaveAttribute('data-document', 'team/second')
  await expect(recent.nth(1)).toHaveAttribute('data-document', 'first')
  await expect(recent.nth(0)).toHaveAttribute('data-relay', 'local')
  await expect(recent.nth(0)).toContainText('just now')

  await recent.nth(1).getByRole('button', { name: 'first', exact: true }).click()
  await expect(page).toHaveURL(`${relay.httpUrl}/?doc=first`)
  await expectConnected(page)
  await page.getByTestId('go-home').click()
  await expect(recent.nth(0)).toHaveAttribute('data-document', 'first')
  await recent.nth(1).getByRole('button', { name: /Remove “team\/second”/ }).click()
  await expect(recent).toHaveCount(1)
  await page.reload()
  await expect(home.getByTestId('recent-document')).toHaveCount(1)
  await context.close()
})

test('joining by pasting a web invite URL opens that document on its relay, with its token', async ({ browser, openWriter }) => {
  const hosted = await startHostedRelay()
  const hostContext = await browser.newContext()
  try {
    // Bo writes in "team/plan" on the hosted relay, through its own web client.
    const bo = await hostContext.newPage()
    await bo.goto(`${hosted.httpUrl}/?doc=team%2Fplan&user=Bo#token=${hosted.token}`)
    await expectConnected(bo)
    await bo.locator('.ProseMirror').click()
    await bo.keyboard.type('Agenda from Bo')

    const ana = await openWriter('Ana', 'elsewhere')
    await ana.page.getByTestId('go-home').click()
    const form = ana.page.getByTestId('join-link-form')
    await form.getByLabel('Invite link or web address').fill('http://127.0.0.1:1/?doc=..%2Fsecret')
    await form.getByRole('button', { name: 'Join' }).click()
    await expect(form.locator('.problem')).toHaveText('The link\'s document name is not valid: the document name "../secret" has a ".." segment.')

    await form.getByLabel('Invite link or web address').fill(`${hosted.httpUrl}/?doc=team%2Fplan#token=${hosted.token}`)
    await form.getByRole('button', { name: 'Join' }).click()
    await expect(ana.page.getByTestId('document-name')).toHaveText('team/plan')
    await expectConnected(ana.page)
    await expect.poll(() => editorText(ana.page)).toBe('Agenda from Bo')
    expect(new URL(ana.page.url()).searchParams.get('relay')).toBe(hosted.current.url)
    expect(hosted.opened).toContainEqual({ doc: 'team/plan', token: hosted.token })

    // The joined document is remembered with its relay and token, and reopens from the list.
    await ana.page.getByTestId('go-home').click()
    const joined = ana.page.getByTestId('recent-document').first()
    await expect(joined).toHaveAttribute('data-relay', hosted.current.url)
    await joined.getByRole('button', { name: 'team/plan', exact: true }).click()
    await expectConnected(ana.page)
    await expect.poll(() => editorText(ana.page)).toBe('Agenda from Bo')
  } finally {
    await hostContext.close()
    await hosted.stop()
  }
})

test('connecting to a hosted relay by URL and token opens a document there and remembers the relay', async ({ browser, relay }) => {
  const hosted = await startHostedRelay()
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${relay.httpUrl}/?user=Ana`)
    const form = page.getByTestId('connect-relay-form')
    await form.getByLabel('Relay address').fill('127.0.0.1:1')
    await form.getByRole('button', { name: 'Connect' }).click()
    await expect(form.locator('.problem')).toContainText('Nothing answered at ws://127.0.0.1:1')

    await form.getByLabel('Relay address').fill(hosted.httpUrl)
    await form.getByLabel('Access token').fill(hosted.token)
    await form.getByLabel('Document name').fill('handbook')
    await form.getByRole('button', { name: 'Connect' }).click()
    await expect(page.getByTestId('document-name')).toHaveText('handbook')
    await expectConnected(page)
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('Stored on the hosted relay')
    expect(hosted.opened).toContainEqual({ doc: 'handbook', token: hosted.token })
    await expect.poll(() => hosted.current.roomNames()).toContain('handbook')

    await page.getByTestId('go-home').click()
    const remembered = page.getByTestId('remembered-relay')
    await expect(remembered).toHaveCount(1)
    await expect(remembered).toHaveAttribute('data-relay', hosted.current.url)
    await expect(remembered).toContainText('with a saved token')
    // The remembered token opens other documents there too.
    await remembered.getByLabel('Document name').fill('handbook')
    await remembered.getByRole('button', { name: 'Open' }).click()
    await expectConnected(page)
    await expect.poll(() => editorText(page)).toBe('Stored on the hosted relay')
  } finally {
    await context.close()
    await hosted.stop()
  }
})

test('joining by address, the fallback for mDNS, checks the address and opens the document there', async ({ browser, relay }) => {
  const other = await startRelayUnderTest({})
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${relay.httpUrl}/?user=Ana`)
    const lan = page.getByTestId('lan-sessions')
    await expect(lan.getByTestId('lan-unavailable')).toContainText('Browsers cannot look for sessions on your network')
    const form = lan.getByTestId('join-address-form')
    await form.getByLabel('Host address').fill(`127.0.0.1:${new URL(other.httpUrl).port}`)
    await form.getByLabel('Document name').fill('minutes')
    await form.getByRole('button', { name: 'Join' }).click()
    await expect(page.getByTestId('document-name')).toHaveText('minutes')
    await expectConnected(page)
    await expect.poll(() => other.current.roomNames()).toContain('minutes')
  } finally {
    await context.close()
    await other.stop()
  }
})

test('the share dialog in the browser gives the document link and says that hosting is a desktop feature', async ({ browser, relay }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
  try {
    const page = await context.newPage()
    await page.goto(`${relay.httpUrl}/?doc=notes&user=Ana`)
    await expectConnected(page)
    await page.getByTestId('share').click()
    const dialog = page.getByTestId('share-dialog')
    await expect(dialog.getByTestId('hosting-unavailable')).toHaveText(/Hosting a session on your network is a feature of the Ensemble desktop app/)
    await expect(dialog.getByTestId('host')).toHaveCount(0)
    const webUrl = dialog.getByTestId('document-web-url')
    await expect(webUrl.locator('input')).toHaveValue(`${relay.httpUrl}/?doc=notes`)
    await webUrl.getByRole('button', { name: 'Copy' }).click()
    await expect(webUrl).toContainText('Copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${relay.httpUrl}/?doc=notes`)
    await expect(dialog.getByTestId('document-invite-link').locator('input')).toHaveValue(
      `ensemble://join?relay=${encodeURIComponent(relay.current.url)}&doc=notes`
    )
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)

    // The home screen's "Host on LAN…" says the same.
    await page.getByTestId('go-home').click()
    await page.getByTestId('host-on-lan').click()
    await expect(page.getByTestId('share-dialog').getByTestId('hosting-unavailable')).toContainText('desktop app')
  } finally {
    await context.close()
  }
})

test('changing the display name in the settings changes the name peers see, at once and for later', async ({ openWriter }) => {
  const ana = await openWriter('Ana', 'notes')
  // Bo's colour is not the one Ana picks below, which would otherwise move Ana to another (distinctColor).
  const bo = await openWriter('Bo', 'notes', { color: '#3d5a80' })
  await expect(bo.page.getByTestId('presence').locator('[data-user="Ana"]')).toHaveCount(1)

  await ana.page.getByTestId('open-settings').click()
  const settings = ana.page.getByTestId('settings-dialog')
  await expect(settings.getByLabel('LAN port')).toBeDisabled()
  await settings.getByLabel('Display name').fill('  ')
  await settings.getByRole('button', { name: 'Save' }).click()
  await expect(settings.locator('.problem')).toHaveText('The display name is empty; type the name others should see.')
  await settings.getByLabel('Display name').fill('Ana Lima')
  await settings.getByRole('button', { name: 'Use colour #1b998b' }).click()
  await settings.getByRole('button', { name: 'Save' }).click()
  await expect(settings.locator('.saved')).toHaveText('Saved.')

  const anaSeenByBo = bo.page.getByTestId('presence').locator('[data-user="Ana Lima"]')
  await expect(anaSeenByBo).toHaveCount(1)
  await expect(anaSeenByBo.locator('.avatar')).toHaveCSS('background-color', 'rgb(27, 153, 139)')
  await expect(bo.page.getByTestId('presence').locator('[data-user="Ana"]')).toHaveCount(0)

  // Saved for the next visit (the same browser profile): the next document opens as Ana Lima.
  await ana.page.goto(ana.page.url().replace(/\?.*$/, '?doc=later'))
  await expect(ana.page.getByTestId('presence').locator('[data-self]')).toHaveAttribute('data-user', 'Ana Lima')
})
