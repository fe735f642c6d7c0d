import { signAccessToken } from '../server/access/access-token'
import { tokenAuthentication } from '../server/access/token-authentication'
import { test, expect, expectConnected } from './fixtures'
import { openWithToken } from './panels'

/** What a new user meets on a first visit: the tab's icon, the name prompt, empty panels, look-alike names. */

test('every page has its icon: /favicon.ico is served, and opening a document asks for nothing that is missing', async ({ browser, relay }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const missing: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`)
  })
  await page.goto(`${relay.httpUrl}/?doc=icons&user=Ana`)
  await expectConnected(page)
  const icon = await page.request.get(`${relay.httpUrl}/favicon.ico`)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toBe('image/x-icon')
  // An ICO file: reserved 0, type 1 (icon), then the number of images.
  expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0])
  // The browser asks for the icon on its own; the page names it too.
  await expect(page.locator('link[rel=icon]')).toHaveAttribute('href', /favicon\.ico$/)
  expect(missing).toEqual([])
  await context.close()
})

test('two people with the same name get avatars that tell them apart', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'namesakes')
  const first = await openWriter('Sam Lee', 'namesakes')
  const second = await openWriter('Sam Lee', 'namesakes')
  const sams = ana.page.getByTestId('presence').locator('[data-user="Sam Lee"] .avatar')
  await expect(sams).toHaveCount(2)
  const [one, two] = await sams.all()
  expect(await one!.textContent()).not.toBe(await two!.textContent())
  expect(await one!.getAttribute('aria-label')).not.toBe(await two!.getAttribute('aria-label'))
  // Every page numbers them alike: by who joined the document first.
  const labels = async (page: typeof ana.page) =>
    (await page.getByTestId('presence').locator('[data-user="Sam Lee"] .avatar').evaluateAll((avatars) => avatars.map((avatar) => avatar.textContent))).sort()
  await expect.poll(() => labels(first.page)).toEqual(await labels(ana.page))
  await expect.poll(() => labels(second.page)).toEqual(await labels(ana.page))
})

test.describe('with access tokens', () => {
  const secret = new TextEncoder().encode('a secret of at least thirty-two bytes for the e2e relay')
  test.use({ relayOptions: { extensions: [tokenAuthentication(secret)] } })

  test('a link whose token carries a name opens the document under that name, without asking', async ({ browser, relay }) => {
    const token = await signAccessToken(secret, { doc: 'named', role: 'edit', lifetimeMs: 3_600_000, name: 'Guest Writer' })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${relay.httpUrl}/?doc=named#token=${token}`)
    await expectConnected(page)
    await expect(page.getByTestId('name-prompt')).toHaveCount(0)
    await expect(page.getByTestId('presence').locator('[data-self] .avatar')).toHaveAttribute('aria-label', 'Guest Writer (you) — active')
    await context.close()
  })

  test('a view-only reader is not told to press Comment', async ({ browser, relay }) => {
    const token = await signAccessToken(secret, { doc: 'read-only', role: 'view', lifetimeMs: 3_600_000 })
    const vic = await openWithToken(browser, relay.httpUrl, 'Vic Reader', 'read-only', token)
    const panel = vic.page.getByTestId('comments-panel')
    await expect(panel.locator('.panel-empty')).toHaveText('No comments yet.')
    await expect(panel).not.toContainText('press Comment')
    await vic.context.close()
  })
})
