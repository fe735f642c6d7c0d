/**
 * Host hand-over from the desktop app (README, "When the host leaves"): the host keeps a document
 * also on a hosted relay, hosts it on the LAN with invites that carry that relay's token, and
 * stops hosting; a browser guest continues on the hosted relay, told by name who left, and the
 * host's own copy still gets the guest's edits through the relay-to-relay link.
 */
import { parseInviteLink, parseWebUrl } from '../app/invite-link'
import { signAccessToken } from '../server/access/access-token'
import { tokenAuthentication } from '../server/access/token-authentication'
import { startEnsembleRelay } from '../server/testing/harness'
import { test } from './desktop/desktop-test'
import { editorText, expect, expectConnected } from './fixtures'

test('a guest of a desktop host continues on the relay the host keeps the document on, when the host stops hosting', async ({ browser, desktop }) => {
  test.setTimeout(120_000)
  const secret = new TextEncoder().encode('the organisation relay secret, 32+ bytes')
  const hosted = await startEnsembleRelay({ extensions: [tokenAuthentication(secret)] })
  const token = await signAccessToken(secret, { doc: 'team/report', role: 'edit', lifetimeMs: 3_600_000 })
  const ana = await desktop('Ana Lima', 'ana-host')
  const hostContext = await browser.newContext()
  const guestContext = await browser.newContext({ ignoreHTTPSErrors: true })
  try {
    const { page } = await ana.openWindow(hostContext, '/?doc=report')
    await expectConnected(page)
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('From the host.')

    // Ana keeps it on the organisation's relay, then hosts it on the LAN.
    await page.getByTestId('share').click()
    const dialog = page.getByTestId('share-dialog')
    const section = dialog.getByTestId('upstream')
    await section.getByLabel('Relay address').fill(hosted.url)
    await section.getByLabel('Document name there').fill('team/report')
    await section.getByLabel('Access token (if the relay asks for one)').fill(token)
    await section.getByRole('button', { name: 'Keep it there too' }).click()
    await expect(section.getByTestId('upstream-summary')).toHaveText(`Also kept as “team/report” on ${hosted.url}.`)
    const form = dialog.getByTestId('host-form')
    await form.getByLabel('Only people with the link').check()
    await form.getByTestId('host').click()

    // She lets the invite carry the relay's token, so that guests can continue there.
    const invite = dialog.getByTestId('invite')
    const carry = invite.getByTestId('invite-continuation')
    await expect(carry).toHaveText(`If you leave, guests continue on 127.0.0.1:${hosted.port}: the links then carry your access token for that relay`)
    await carry.locator('input').check()
    await expect(invite).toHaveAttribute('data-ready', 'true')
    await expect.poll(async () => parseInviteLink(await invite.getByTestId('invite-link').locator('input').inputValue()).also).toBe(hosted.url)
    const webUrl = await invite.getByTestId('invite-web-url').locator('input').inputValue()
    expect(parseWebUrl(webUrl)).toMatchObject({ also: hosted.url, alsoToken: token })

    const guest = await guestContext.newPage()
    await guest.goto(webUrl.replace('/?', '/?user=Cy&'))
    await expectConnected(guest)
    await expect.poll(() => editorText(guest)).toBe('From the host.')
    await expect
      .poll(() => guest.evaluate(() => window.ensembleEditor!.session.doc.getMap('session').get('continuesOn') ?? null))
      .toEqual({ relayUrl: hosted.url, documentName: 'team/report' })
    await guest.locator('.ProseMirror').press('End')
    await guest.keyboard.type(' Before the host left.')
    await expect.poll(() => editorText(page)).toBe('From the host. Before the host left.')

    await dialog.getByTestId('stop-hosting').click()
    const notice = guest.getByTestId('handover-notice')
    await expect(notice).toHaveAttribute('data-state', 'moved', { timeout: 30_000 })
    await expect(notice.getByTestId('handover-text')).toHaveText(`The host (Ana Lima) left. The session now continues on 127.0.0.1:${hosted.port}.`)
    await expectConnected(guest)
    await guest.keyboard.type(' After.')
    const expected = 'From the host. Before the host left. After.'
    await expect.poll(() => editorText(guest)).toBe(expected)
    await expect(guest.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
    // The host's own copy gets it through the relay-to-relay link.
    await expect.poll(() => editorText(page)).toBe(expected)
  } finally {
    await guestContext.close()
    await hostContext.close()
    await hosted.close()
  }
})
