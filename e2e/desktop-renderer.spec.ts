/**
 * The renderer in its desktop mode, in Chromium, against the real main-process services under Node
 * (`e2e/desktop/headless-desktop.ts`): the home screen, recent documents kept by the main process,
 * window titles and presence, hosting from the share dialog with signed invites that a browser
 * guest uses, LAN sessions found by discovery, join links and menu commands. Electron itself
 * cannot run here; `npm run test:electron` covers the real app where it can.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseInviteLink, parseWebUrl } from '../app/invite-link'
import type { Library } from '../app/library'
import { freePort } from '../server/testing/services'
import { connectClient, startEnsembleRelay, whenSynced } from '../server/testing/harness'
import * as Y from 'yjs'
import { documentFragmentName } from '../app/document'
import type { HeadlessDesktop } from './desktop/headless-desktop'
import { test } from './desktop/desktop-test'
import { editorText, expect, expectConnected } from './fixtures'

const storedLibrary = async (desktop: HeadlessDesktop): Promise<Library> => JSON.parse(await readFile(join(desktop.userData, 'library.json'), 'utf8')) as Library

/** The claims of a JWT, unverified: to check which role an invite carries. */
const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>

test('desktop home: a new document on the embedded relay, the title from presence, and recent documents kept by the main process', async ({ browser, desktop }) => {
  const ana = await desktop('Ana Lima', 'ana-host')
  const context = await browser.newContext()
  const window = await ana.openWindow(context)
  const { page } = window
  const home = page.getByTestId('home')
  await expect(home).toBeVisible()
  await expect(home.getByTestId('lan-unavailable')).toBeHidden()
  await expect(home.getByTestId('lan-sessions')).toContainText('Looking for sessions… none found yet')

  await home.getByTestId('new-document').click()
  await expectConnected(page)
  const name = new URL(page.url()).searchParams.get('doc')!
  expect(name).toMatch(/^doc-[a-z0-9]{10}$/)
  expect(new URL(page.url()).searchParams.has('relay')).toBe(false)
  await page.locator('.ProseMirror').click()
  await page.keyboard.type('Kept on this computer')
  await expect.poll(() => ana.services.relayHost.status.state).toBe('listening')
  await expect.poll(() => ana.titles.get(window.id)).toBe(`${name} — Ensemble`)
  await expect(page.getByTestId('presence').locator('[data-self]')).toHaveAttribute('data-user', 'Ana Lima')

  await page.getByTestId('go-home').click()
  await expect(home).toBeVisible()
  await expect.poll(() => ana.titles.get(window.id)).toBe('Ensemble')
  const recent = home.getByTestId('recent-document')
  await expect(recent).toHaveCount(1)
  await expect(recent).toHaveAttribute('data-relay', 'local')
  await expect(recent).toContainText('On this computer')
  expect((await storedLibrary(ana)).documents).toEqual([{ documentName: name, openedAt: expect.any(Number) }])

  // Another window sees the same library, and hears of changes made in the first.
  const second = await ana.openWindow(context)
  await expect(second.page.getByTestId('recent-document')).toHaveCount(1)
  await recent.getByRole('button', { name: /^Remove/ }).click()
  await expect(second.page.getByTestId('recent-document')).toHaveCount(0)
  expect((await storedLibrary(ana)).documents).toEqual([])
  await context.close()
})

test('hosting from the share dialog: signed invites a browser guest uses, the view role, and Stop hosting', async ({ browser, desktop }) => {
  const ana = await desktop('Ana Lima', 'ana-host')
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
  const { page, id } = await ana.openWindow(context, '/?doc=plan')
  await expectConnected(page)
  await page.locator('.ProseMirror').click()
  await page.keyboard.type('From the host.')

  await page.getByTestId('share').click()
  const dialog = page.getByTestId('share-dialog')
  await expect(dialog.getByTestId('hosting-unavailable')).toHaveCount(0)
  const form = dialog.getByTestId('host-form')
  await expect(form.getByLabel('Session name')).toHaveValue('Ana Lima’s session')
  await form.getByLabel('Only people with the link').check()
  await expect(form.getByLabel('People on the network')).toBeHidden()
  await form.getByTestId('host').click()
  await expect(dialog.getByTestId('hosting-summary')).toHaveText('Hosting “Ana Lima’s session”: only people with a link can join.')
  expect(ana.services.lan.state).toMatchObject({ state: 'hosting', access: 'link', port: ana.lanPort() })

  const invite = dialog.getByTestId('invite')
  await expect(invite).toHaveAttribute('data-ready', 'true')
  const link = await invite.getByTestId('invite-link').locator('input').inputValue()
  const webUrl = await invite.getByTestId('invite-web-url').locator('input').inputValue()
  // The LAN door speaks TLS with a certificate of Ana's installation, whose fingerprint the link carries.
  const lanRelay = `wss://127.0.0.1:${ana.lanPort()}`
  const hosting = ana.services.lan.state
  if (hosting.state !== 'hosting') throw new Error('not hosting')
  expect(parseInviteLink(link)).toMatchObject({ relay: lanRelay, doc: 'plan', fingerprint: hosting.fingerprint })
  expect(parseWebUrl(webUrl)).toEqual(parseInviteLink(link))
  expect(claimsOf(parseInviteLink(link).token!)).toMatchObject({ doc: 'plan', role: 'edit' })
  await invite.getByTestId('invite-web-url').getByRole('button', { name: 'Copy' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(webUrl)

  // A browser guest opens the web URL: the web client from the host's LAN listener, with the token
  // (its browser warned about the self-signed certificate first, and the guest went on).
  const guestContext = await browser.newContext({ ignoreHTTPSErrors: true })
  const guest = await guestContext.newPage()
  await guest.goto(webUrl.replace('/?', '/?user=Cy&'))
  await expectConnected(guest)
  await expect.poll(() => editorText(guest)).toBe('From the host.')
  await guest.locator('.ProseMirror').press('End')
  await guest.keyboard.type(' And from the guest.')
  await expect.poll(() => editorText(page)).toBe('From the host. And from the guest.')
  await expect.poll(() => ana.titles.get(id)).toBe('plan — Ensemble (with Cy)')

  // Without the link's token the LAN door stays shut (a fresh context: no offline copy either).
  const strangerContext = await browser.newContext({ ignoreHTTPSErrors: true })
  const stranger = await strangerContext.newPage()
  await stranger.goto(`https://127.0.0.1:${ana.lanPort()}/?doc=plan&user=Dee`)
  // The refused upgrade reaches the page as 1006; the relay's access check tells it why.
  const strangerStatus = stranger.getByTestId('connection-status')
  await expect(strangerStatus).toHaveAttribute('data-state', 'denied')
  await expect(strangerStatus).toHaveAttribute('title', /It said: this session is open only to people with an invite link; ask the host for one/)
  await expect(stranger.getByTestId('access-denied')).toContainText(
    '“plan” can only be opened with an access link, and the address you opened has none. Ask whoever shared the document for its link.'
  )
  await expect(stranger.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false')
  expect(await editorText(stranger)).toBe('')

  // The suggest and view roles give links whose tokens say so.
  await invite.getByLabel('People with the link').selectOption('suggest')
  await expect(invite).toHaveAttribute('data-role', 'suggest')
  await expect(invite).toHaveAttribute('data-ready', 'true')
  const suggestLink = await invite.getByTestId('invite-link').locator('input').inputValue()
  expect(claimsOf(parseInviteLink(suggestLink).token!)).toMatchObject({ doc: 'plan', role: 'suggest' })
  await invite.getByLabel('People with the link').selectOption('view')
  await expect(invite).toHaveAttribute('data-role', 'view')
  await expect(invite).toHaveAttribute('data-ready', 'true')
  const viewLink = await invite.getByTestId('invite-link').locator('input').inputValue()
  expect(claimsOf(parseInviteLink(viewLink).token!)).toMatchObject({ doc: 'plan', role: 'view' })

  await dialog.getByTestId('stop-hosting').click()
  await expect(dialog.getByTestId('host-form')).toBeVisible()
  await expect(guest.getByTestId('connection-status')).not.toHaveAttribute('data-state', 'connected')
  expect(ana.services.lan.state).toEqual({ state: 'off' })
  await strangerContext.close()
  await guestContext.close()
  await context.close()
})

test('LAN sessions found by discovery appear on the home screen as they start, and joining one edits with the host', async ({ browser, desktop }) => {
  const ana = await desktop('Ana Lima', 'ana-host')
  const bo = await desktop('Bo Ode', 'bo-host')
  const anaContext = await browser.newContext()
  // Electron would accept the certificate Bo's app pinned; Chromium here takes any (see headless-desktop.ts).
  const boContext = await browser.newContext({ ignoreHTTPSErrors: true })
  const boWindow = await bo.openWindow(boContext)
  const sessions = boWindow.page.getByTestId('lan-session')
  await expect(boWindow.page.getByTestId('lan-sessions')).toContainText('none found yet')

  const anaWindow = await ana.openWindow(anaContext, '/?doc=minutes')
  await expectConnected(anaWindow.page)
  await anaWindow.page.locator('.ProseMirror').click()
  await anaWindow.page.keyboard.type('Minutes by Ana.')
  await anaWindow.page.getByTestId('share').click()
  const form = anaWindow.page.getByTestId('share-dialog').getByTestId('host-form')
  await form.getByLabel('Session name').fill('Planning')
  await form.getByTestId('host').click()
  await expect(anaWindow.page.getByTestId('hosting-summary')).toHaveText('Hosting “Planning”: anyone on this network can edit.')

  // Bo's home screen lists it without a reload.
  await expect(sessions).toHaveCount(1)
  await expect(sessions).toHaveAttribute('data-session', 'Planning')
  await expect(sessions).toContainText(`ana-host · 1 document open · wss://127.0.0.1:${ana.lanPort()}`)
  await sessions.getByRole('button', { name: 'Join' }).click()
  await expect(sessions.locator('.problem')).toHaveText('The document name is empty; ask ana-host which document to open.')
  await sessions.getByLabel('Document name').fill('minutes')
  await sessions.getByRole('button', { name: 'Join' }).click()
  await expectConnected(boWindow.page)
  await expect.poll(() => editorText(boWindow.page)).toBe('Minutes by Ana.')
  await expect.poll(() => ana.titles.get(anaWindow.id)).toBe('minutes — Ensemble (with Bo Ode)')
  await expect.poll(() => ana.notifications).toContainEqual({ title: 'minutes', body: 'Bo Ode joined' })
  await expect.poll(() => ana.tray.tooltip).toBe('Ensemble: 1 person in 1 document')
  // Leaving the home screen stopped Bo's browsing (the list is dropped with it).
  await expect.poll(() => bo.services.discovery.sessions.length).toBe(0)

  // Bo's recent documents remember where it was.
  await boWindow.page.getByTestId('go-home').click()
  await expect(boWindow.page.getByTestId('recent-document')).toHaveAttribute('data-relay', `wss://127.0.0.1:${ana.lanPort()}`)
  // Bo's app checked Ana's certificate against the advert's fingerprint before joining, and pinned it.
  const anaHosting = ana.services.lan.state
  expect(anaHosting.state === 'hosting' && bo.pins.pinned('127.0.0.1')).toBe(anaHosting.state === 'hosting' ? anaHosting.fingerprint : false)
  // Stopping the session takes it off Bo's list.
  await expect(sessions).toHaveCount(1)
  await anaWindow.page.getByTestId('stop-hosting').click()
  await expect(sessions).toHaveCount(0)
  await anaContext.close()
  await boContext.close()
})

test('join links and menu commands from the main process; the LAN port setting is stored and used', async ({ browser, desktop }) => {
  const ana = await desktop('Ana Lima', 'ana-host')
  const context = await browser.newContext()
  // Started by a link: the window opens that document instead of the home screen.
  ana.setPendingJoin({ relay: ana.relayUrl, doc: 'from-a-link' })
  const window = await ana.openWindow(context)
  await expect(window.page.getByTestId('document-name')).toHaveText('from-a-link')
  await expectConnected(window.page)

  // Edit-menu undo goes to y-prosemirror.
  await window.page.locator('.ProseMirror').click()
  await window.page.keyboard.type('typed')
  await expect.poll(() => editorText(window.page)).toBe('typed')
  ana.sendMenu(window, 'undo')
  await expect.poll(() => editorText(window.page)).toBe('')

  // File › Save Version… opens the history at the name box; Enter saves a named version.
  ana.sendMenu(window, 'save-version')
  await expect(window.page.getByTestId('version-name')).toBeFocused()
  await window.page.keyboard.type('Before settings')
  await window.page.keyboard.press('Enter')
  await expect(window.page.getByTestId('version-item').filter({ hasText: 'Before settings' })).toHaveAttribute('data-kind', 'named')

  ana.sendMenu(window, 'open-settings')
  const settings = window.page.getByTestId('settings-dialog')
  await expect(settings.getByLabel('LAN port')).toHaveValue(String(ana.lanPort()))
  await settings.getByLabel('LAN port').fill('80')
  await settings.getByRole('button', { name: 'Save' }).click()
  await expect(settings.locator('.problem')).toHaveText('The LAN port 80 is outside 1024–65535.')
  const port = await freePort()
  await settings.getByLabel('LAN port').fill(String(port))
  await settings.getByLabel('Display name').fill('Ana L.')
  await settings.getByRole('button', { name: 'Save' }).click()
  await expect(settings.locator('.saved')).toHaveText('Saved.')
  const stored = JSON.parse(await readFile(join(ana.userData, 'settings.json'), 'utf8')) as { lanPort: number; displayName: string }
  expect(stored).toMatchObject({ lanPort: port, displayName: 'Ana L.' })
  await expect(window.page.getByTestId('presence').locator('[data-self]')).toHaveAttribute('data-user', 'Ana L.')

  ana.sendMenu(window, 'host-session')
  const dialog = window.page.getByTestId('share-dialog')
  await expect(dialog.getByRole('heading', { name: 'Host on LAN' })).toBeVisible()
  await dialog.getByTestId('host').click()
  await expect(dialog.getByTestId('hosting-summary')).toBeVisible()
  await expect(dialog).toContainText(`Reachable at wss://127.0.0.1:${port}.`)
  await expect(dialog).toContainText('Open a document and choose Share to invite people to it.')

  ana.sendMenu(window, 'open-home')
  await expect(window.page.getByTestId('home')).toBeVisible()
  await expect(window.page.getByTestId('hosting-status')).toHaveText('Hosting “Ana L.’s session”')

  // On the home screen, "Connect to a Relay…" goes to the form in place.
  ana.sendMenu(window, 'connect-to-relay')
  await expect(window.page.getByTestId('connect-relay-form').getByLabel('Relay address')).toBeFocused()

  // A link opened while the app runs.
  ana.requestJoin(window, { relay: ana.relayUrl, doc: 'second-link' })
  await expect(window.page.getByTestId('document-name')).toHaveText('second-link')
  await expectConnected(window.page)
  ana.sendMenu(window, 'share-document')
  await expect(window.page.getByTestId('share-dialog').getByRole('heading', { name: 'Share “second-link”' })).toBeVisible()
  await expect(window.page.getByTestId('invite')).toHaveAttribute('data-ready', 'true')

  // In a document, "Join by Link…" opens the join forms in a dialog (replacing the share dialog).
  ana.sendMenu(window, 'join-by-link')
  const joinDialog = window.page.getByTestId('join-dialog')
  await expect(joinDialog.getByLabel('Invite link or web address')).toBeFocused()
  await expect(window.page.getByTestId('share-dialog')).toHaveCount(0)
  await joinDialog.getByLabel('Invite link or web address').fill(`ensemble://join?relay=${encodeURIComponent(ana.relayUrl)}&doc=third`)
  await joinDialog.getByTestId('join-link-form').getByRole('button', { name: 'Join' }).click()
  await expect(window.page.getByTestId('document-name')).toHaveText('third')
  ana.sendMenu(window, 'new-document')
  await expect(window.page.getByTestId('document-name')).toHaveText(/^doc-[a-z0-9]{10}$/)
  await context.close()
})

test('an invite whose certificate fingerprint is not the host\'s is refused with the reason; the right one joins', async ({ browser, desktop }) => {
  const ana = await desktop('Ana Lima', 'ana-host')
  const bo = await desktop('Bo Ode', 'bo-host')
  const anaContext = await browser.newContext()
  const anaWindow = await ana.openWindow(anaContext, '/?doc=secret')
  await expectConnected(anaWindow.page)
  await anaWindow.page.locator('.ProseMirror').click()
  await anaWindow.page.keyboard.type('Only for the right host.')
  await ana.services.lan.host({ sessionName: 'Private', access: 'link', networkRole: 'edit' })
  const invite = parseInviteLink((await ana.services.lan.createInvite({ documentName: 'secret', role: 'edit', ttlSeconds: 600 })).link)

  // Someone else's certificate in the link (an impostor's invite, or one for another host): refused before anything is sent.
  const wrong = `sha256/${'B'.repeat(43)}=`
  const boContext = await browser.newContext({ ignoreHTTPSErrors: true })
  bo.setPendingJoin({ relay: invite.relay, doc: invite.doc, token: invite.token!, fingerprint: wrong })
  const refused = await bo.openWindow(boContext)
  await expect(refused.page.getByTestId('home-problem')).toContainText(
    `This session's host could not be verified, so the document was not opened: the host at 127.0.0.1:${ana.lanPort()} presented a certificate (${invite.fingerprint}) that is not the one in your invite (${wrong}).`
  )
  expect(bo.pins.pinned('127.0.0.1')).toBeUndefined()

  // The real invite's fingerprint matches: Bo's app pins it and joins.
  bo.requestJoin(refused, { relay: invite.relay, doc: invite.doc, token: invite.token!, fingerprint: invite.fingerprint! })
  await expectConnected(refused.page)
  await expect.poll(() => editorText(refused.page)).toBe('Only for the right host.')
  expect(bo.pins.pinned('127.0.0.1')).toBe(invite.fingerprint)
  await anaContext.close()
  await boContext.close()
})

test('a local document is also kept on a hosted relay from the share dialog, both ways, until that is stopped', async ({ browser, desktop }, testInfo) => {
  const hosted = await startEnsembleRelay()
  const ana = await desktop('Ana Lima', 'ana-host')
  const context = await browser.newContext()
  const { page } = await ana.openWindow(context, '/?doc=report')
  await expectConnected(page)
  await page.locator('.ProseMirror').click()
  await page.keyboard.type('Draft on the laptop.')

  await page.getByTestId('share').click()
  const section = page.getByTestId('share-dialog').getByTestId('upstream')
  await expect(section).toHaveAttribute('data-state', 'off')
  await section.getByLabel('Relay address').fill('https://relay.example.org/some/path')
  await section.getByRole('button', { name: 'Keep it there too' }).click()
  await expect(section.locator('.problem')).toContainText('must be only ws(s)://host[:port], without a path or query')
  await section.getByLabel('Relay address').fill(hosted.url)
  await section.getByLabel('Document name there').fill('team/report')
  await section.getByRole('button', { name: 'Keep it there too' }).click()
  await expect(section.getByTestId('upstream-summary')).toHaveText(`Also kept as “team/report” on ${hosted.url}.`)
  await page.screenshot({ path: testInfo.outputPath('share-keep-on-relay.png') })

  // The office reads and writes it on the hosted relay; the laptop sees that too.
  const office = connectClient(hosted.url, 'team/report')
  try {
    await whenSynced(office)
    const fragment = office.doc.getXmlFragment(documentFragmentName)
    await expect.poll(() => fragment.toString()).toContain('Draft on the laptop.')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('From the office.')])
    fragment.push([paragraph])
    await expect.poll(() => editorText(page)).toBe('Draft on the laptop.\nFrom the office.')
    await section.getByTestId('upstream-stop').click()
    await expect(section).toHaveAttribute('data-state', 'off')
    expect(ana.services.upstream.links).toEqual([])
  } finally {
    office.destroy()
    await context.close()
    await hosted.close()
  }
})
