import { Registry } from 'prom-client'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { CloseCode } from '../app/protocol'
import { signAccessToken } from '../server/access/access-token'
import { tokenAuthentication } from '../server/access/token-authentication'
import type { ConnectionContext } from '../server/extension'
import { createHttpHandler } from '../server/http'
import { test, expect, expectConnected, startRelayUnderTest, webRoot } from './fixtures'

test('the home screen opens a document by name, and a first visit asks for a display name', async ({ browser, relay }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(relay.httpUrl + '/')
  const start = page.getByTestId('open-by-name')
  await start.getByLabel('Document name').fill('team//notes')
  await start.getByRole('button', { name: 'Open' }).click()
  await expect(start.locator('.problem')).toHaveText('Cannot open it: the document name "team//notes" has an empty path segment.')
  await start.getByLabel('Document name').fill('team/notes')
  await start.getByRole('button', { name: 'Open' }).click()
  await expect(page).toHaveURL(`${relay.httpUrl}/?doc=team%2Fnotes`)

  const prompt = page.getByTestId('name-prompt')
  await prompt.getByRole('button', { name: 'Continue' }).click()
  await expect(prompt.getByLabel('Your name')).toBeFocused()
  await prompt.getByLabel('Your name').fill('Dana Roe')
  await prompt.getByRole('button', { name: 'Continue' }).click()
  await expectConnected(page)
  await expect(page.getByTestId('document-name')).toHaveText('team/notes')
  await expect(page.getByTestId('presence').locator('[data-user="Dana Roe"] .avatar')).toHaveText('DR')

  // The name is remembered: the next document opens without asking.
  await page.goto(relay.httpUrl + '/')
  await page.getByTestId('new-document').click()
  await expect(page).toHaveURL(/\?doc=doc-[a-z0-9]{10}$/)
  await expect(page.getByTestId('presence').locator('[data-user="Dana Roe"]')).toHaveCount(1)
  await context.close()
})

test('an invalid doc= explains itself on the home screen', async ({ browser, relay }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${relay.httpUrl}/?doc=..%2Fsecret`)
  await expect(page.getByTestId('home-problem')).toHaveText(
    'This link cannot open a document: the document name "../secret" has a ".." segment.'
  )
  await context.close()
})

test('a relay that closes with 4403 shows denied with its reason, and the token travels to it', async ({ browser }) => {
  // A stand-in relay: the real web client over HTTP, and a WebSocket endpoint that refuses
  // everyone the way an auth extension does once a connection is open.
  const seen: string[] = []
  const handle = createHttpHandler({ health: () => ({}), metrics: new Registry(), webRoot })
  const server = createServer((request, response) => void handle(request, response))
  const wss = new WebSocketServer({ server })
  wss.on('connection', (socket, request) => {
    seen.push(request.url ?? '')
    socket.close(CloseCode.forbidden, 'this token does not grant "team/secret"')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${port}/?doc=team%2Fsecret&user=Eve#token=t-123`)
    const status = page.getByTestId('connection-status')
    await expect(status).toHaveAttribute('data-state', 'denied')
    await expect(status).toContainText('Access denied')
    await expect(status).toHaveAttribute('title', /code 4403\). It said: this token does not grant "team\/secret"/)
    await expect(page.getByTestId('access-denied')).toHaveText(
      'The relay does not let you open “team/secret”: this token does not grant "team/secret". ' +
        'Until the relay lets you in, the document is read-only here: nothing written in this window could reach anyone.'
    )
    // The token, and the request for stored acks (renderer/session/save-tracker.ts).
    expect(seen).toEqual(['/team/secret?token=t-123&stored-acks=1'])
    // Nothing typed while denied could ever reach anyone: the editor is read-only.
    await expect(page.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false')
    // Retrying is the user's decision.
    await status.getByRole('button', { name: 'Retry now' }).click()
    await expect.poll(() => seen.length).toBe(2)
    await expect(status).toHaveAttribute('data-state', 'denied')
  } finally {
    await context.close()
    for (const client of wss.clients) client.terminate()
    await new Promise((resolve) => server.close(resolve))
  }
})

test('a relay in token mode that refuses the upgrade (the page sees 1006) shows denied with its reason, and a valid token connects', async ({
  browser
}) => {
  const secret = new TextEncoder().encode('a token-mode relay secret of at least 32 bytes')
  // Counts WebSocket upgrades (the access check runs the same hooks, as a plain GET).
  let upgrades = 0
  const relay = await startRelayUnderTest({
    extensions: [
      { name: 'upgrade-counter', priority: 0, onAuthenticate: (context: ConnectionContext) => void (context.headers.upgrade === 'websocket' && upgrades++) },
      tokenAuthentication(secret)
    ]
  })
  const hourAgo = new Date(Date.now() - 3_600_000)
  const expired = await signAccessToken(secret, { doc: 'team/plan', role: 'edit', lifetimeMs: 60_000, now: hourAgo })
  const otherDocument = await signAccessToken(secret, { doc: 'team/other', role: 'edit', lifetimeMs: 3_600_000 })
  const valid = await signAccessToken(secret, { doc: 'team/*', role: 'edit', lifetimeMs: 3_600_000 })
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' })
  const open = async (token: string) => {
    const page = await context.newPage()
    await page.goto(`${relay.httpUrl}/?doc=team%2Fplan&user=Eve#token=${token}`)
    return page.getByTestId('connection-status')
  }
  try {
    const expiredStatus = await open(expired)
    await expect(expiredStatus).toHaveAttribute('data-state', 'denied')
    await expect(expiredStatus).toHaveText(/^Access denied/)
    await expect(expiredStatus).toHaveAttribute('title', /code 4401\). It said: the access token expired at/)
    // The expiry in the page's own time zone (Tokyo, UTC+9), not in ISO UTC.
    const exp = new Date((Math.floor(hourAgo.getTime() / 1000) + 60) * 1000)
    const tokyoTime = new Date(exp.getTime() + 9 * 3_600_000).toISOString().slice(11, 16)
    const banner = expiredStatus.page().getByTestId('access-denied')
    await expect(banner).toContainText(`The access link expired on `)
    await expect(banner).toContainText(tokyoTime)
    await expect(banner).not.toContainText(exp.toISOString().slice(0, 16))
    // Retrying is the user's decision, and it is checked again.
    const upgradesAtDenial = upgrades
    await expiredStatus.getByRole('button', { name: 'Retry now' }).click()
    await expect.poll(() => upgrades).toBe(upgradesAtDenial + 1)
    await expect(expiredStatus).toHaveAttribute('data-state', 'denied')
    await expect(banner).toContainText('The access link expired on')

    const otherStatus = await open(otherDocument)
    await expect(otherStatus).toHaveAttribute('data-state', 'denied')
    await expect(otherStatus).toHaveAttribute('title', /code 4403\). It said: the access token grants "team\/other", not "team\/plan"/)
    await expect(otherStatus.page().getByTestId('access-denied')).toContainText(
      'This access link is for “team/other”, not for “team/plan”. Ask for a link to this document.'
    )


    await expect(await open(valid)).toHaveAttribute('data-state', 'connected')
  } finally {
    await context.close()
    await relay.stop()
  }
})

test('a refused token leaves the editor read-only and says so in plain words, without JWT jargon', async ({ browser }) => {
  const secret = new TextEncoder().encode('a token-mode relay secret of at least 32 bytes')
  const relay = await startRelayUnderTest({ extensions: [tokenAuthentication(secret)] })
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${relay.httpUrl}/?doc=team%2Fplan&user=Eve#token=garbage`)
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'denied')
    const banner = page.getByTestId('access-denied')
    await expect(banner).toHaveText(
      'The access link is damaged or incomplete (perhaps it was cut short when it was copied). Ask for the link again. ' +
        'Until the relay lets you in, the document is read-only here: nothing written in this window could reach anyone.'
    )
    await expect(page.locator('body')).not.toContainText(/JWT|JWS/)
    const editor = page.locator('.ProseMirror')
    await expect(editor).toHaveAttribute('contenteditable', 'false')
    await editor.click()
    await page.keyboard.type('lost words')
    expect(await page.evaluate(() => window.ensembleEditor!.view.state.doc.textContent)).toBe('')
    await expect(page.getByTestId('comments-read-only')).toHaveText(
      'Read-only while the relay refuses this page (the message above the document says why): nothing added here could reach anyone.'
    )
  } finally {
    await context.close()
    await relay.stop()
  }
})
