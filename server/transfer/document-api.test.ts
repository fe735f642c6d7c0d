import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { documentFragmentName } from '../../app/document'
import { markdownToDocument } from '../../app/convert/markdown-import'
import { documentToMarkdown } from '../../app/convert/markdown-export'
import { readDocument, replaceDocument } from '../../app/convert/yjs-content'
import { schema } from '../../app/schema'
import type { Node } from 'prosemirror-model'
import { RelayRefusal, type RelayExtension } from '../extension'
import type { Relay } from '../relay'
import { MemoryStorage } from '../storage/memory-storage'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from '../testing/harness'
import { cleanupAfterEach } from '../testing/cleanup'

/**
 * The document API against a real relay with real y-websocket clients connected. Access goes
 * through an `onAuthenticate` hook like the token extension's: `?token=` (or a bearer token) of
 * `edit-…` or `view-…`, anything else refused.
 */
const tokenHook: RelayExtension = {
  name: 'test-tokens',
  onAuthenticate(context) {
    const token = context.params.get('token')
    if (token === null) throw new RelayRefusal(401, 'no access token')
    const role = (['edit', 'suggest', 'view'] as const).find((granted) => token.startsWith(`${granted}-`))
    if (role === undefined) throw new RelayRefusal(403, `token ${token} grants nothing`)
    context.role = role
  }
}

const cleanup = cleanupAfterEach()

const start = async (options: Parameters<typeof startEnsembleRelay>[0] = {}): Promise<Relay & { http: string }> => {
  const relay = await startEnsembleRelay({ lingerMs: 50, extensions: [tokenHook], logger: pino({ level: 'silent' }), ...options })
  cleanup.push(() => relay.close())
  return Object.assign(relay, { http: relay.url.replace(/^ws/, 'http') })
}

const client = async (relay: Relay, room: string, token = 'edit-1'): Promise<TestClient> => {
  const c = connectClient(relay.url, room, { params: { token } })
  cleanup.push(() => c.destroy())
  await whenSynced(c)
  return c
}

const contentOf = (c: TestClient): string => documentToMarkdown(readDocument(c.doc.getXmlFragment(documentFragmentName)))

const write = (c: TestClient, markdown: string): void =>
  replaceDocument(c.doc.getXmlFragment(documentFragmentName), markdownToDocument(markdown).doc)

const post = (relay: { http: string }, path: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${relay.http}${path}`, { method: 'POST', body, headers })

describe('GET /api/docs/NAME/export', () => {
  it('returns what connected clients wrote, in Markdown, HTML and plain text', async () => {
    const relay = await start()
    const writer = await client(relay, 'team/notes')
    write(writer, '# Plan\n\n- [x] ship *it*\n')
    await waitFor(() => relay.documentState('team/notes') !== null && (relay.documentState('team/notes')?.length ?? 0) > 20, 'the relay to hold the text')

    const markdown = await fetch(`${relay.http}/api/docs/team/notes/export?format=md&token=view-1`)
    expect(markdown.status).toBe(200)
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(markdown.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''notes.md")
    expect(await markdown.text()).toBe('# Plan\n\n- [x] ship *it*\n')

    const html = await fetch(`${relay.http}/api/docs/team%2Fnotes/export?format=html`, { headers: { Authorization: 'Bearer view-1' } })
    expect(html.status).toBe(200)
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/)
    const page = await html.text()
    expect(page).toContain('<title>team/notes</title>')
    expect(page).toContain('<h1>Plan</h1><ul data-type="tasks"><li data-checked="true">')

    const text = await fetch(`${relay.http}/api/docs/team/notes/export?format=txt&token=view-1`)
    expect(await text.text()).toBe('Plan\n\n[x] ship it\n')
  })

  it('says what is wrong with a request', async () => {
    const relay = await start()
    const expectAnswer = async (response: Promise<Response>, status: number, message: RegExp): Promise<void> => {
      const answer = await response
      expect({ status: answer.status, body: await answer.text() }).toEqual({ status, body: expect.stringMatching(message) })
    }
    await expectAnswer(fetch(`${relay.http}/api/docs/a/export?format=pdf&token=edit-1`), 400, /^Unknown format "pdf": add \?format=md\|html\|txt/)
    await expectAnswer(fetch(`${relay.http}/api/docs/a/export?token=edit-1`), 400, /^No format given/)
    await expectAnswer(fetch(`${relay.http}/api/docs/%E0%A4%A/export?format=md&token=edit-1`), 400, /not valid URL encoding/)
    await expectAnswer(fetch(`${relay.http}/api/docs/a%3Cb/export?format=md&token=edit-1`), 400, /^Not a document name/)
    await expectAnswer(fetch(`${relay.http}/api/docs/never-written/export?format=md&token=edit-1`), 404, /no document named "never-written"/)
    await expectAnswer(fetch(`${relay.http}/api/docs/a/export?format=md`), 401, /^Refused: no access token/)
    await expectAnswer(fetch(`${relay.http}/api/docs/a/export?format=md&token=nobody`), 403, /^Refused: token nobody grants nothing/)
    await expectAnswer(post(relay, '/api/docs/a/export?format=md&token=edit-1', 'x'), 405, /export takes GET requests, not POST/)
    await expectAnswer(fetch(`${relay.http}/api/docs/a/import?format=md&token=edit-1`), 405, /import takes POST requests/)
    await expectAnswer(fetch(`${relay.http}/api/docs/a/rename?token=edit-1`), 404, /No such API/)
    const unauthorized = await fetch(`${relay.http}/api/docs/a/export?format=md`)
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer')
  })
})

describe('POST /api/docs/NAME/import', () => {
  it('replaces the content as one change that every connected client sees live', async () => {
    const relay = await start()
    const first = await client(relay, 'plan')
    const second = await client(relay, 'plan')
    write(first, 'Old text\n')
    await waitFor(() => contentOf(second) === 'Old text\n', 'the second client to see the old text')
    const updatesSeen: unknown[] = []
    second.doc.on('update', (_update: Uint8Array, origin: unknown) => updatesSeen.push(origin))

    const response = await post(relay, '/api/docs/plan/import?format=md', '# New plan\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', { Authorization: 'Bearer edit-2' })
    expect(response.status).toBe(200)
    const answer = (await response.json()) as { document: string; changed: boolean; warnings: Array<{ kind: string }> }
    expect(answer).toMatchObject({ document: 'plan', changed: true })
    expect(answer.warnings).toEqual([])

    const expected = '# New plan\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n'
    await waitFor(() => contentOf(first) === expected && contentOf(second) === expected, 'both clients to show the imported text')
    expect(updatesSeen).toHaveLength(1)
  })

  it('stores the import, so the document has it after the relay restarts', async () => {
    const storage = new MemoryStorage()
    const relay = await start({ storage })
    const response = await post(relay, '/api/docs/kept/import?format=html&token=edit-1', '<h2>Kept</h2><p>across <u>restarts</u></p>')
    expect(response.status).toBe(200)
    await relay.close()
    const again = await start({ storage })
    const exported = await fetch(`${again.http}/api/docs/kept/export?format=md&token=view-1`)
    expect(await exported.text()).toBe('## Kept\n\nacross <u>restarts</u>\n')
    const reader = await client(again, 'kept', 'edit-2')
    expect(contentOf(reader)).toBe('## Kept\n\nacross <u>restarts</u>\n')
  })

  it('refuses a view-only token and leaves the document as it was', async () => {
    const relay = await start()
    const writer = await client(relay, 'guarded')
    write(writer, 'Original\n')
    await waitFor(() => (relay.documentState('guarded')?.length ?? 0) > 10, 'the relay to hold the text')
    const response = await post(relay, '/api/docs/guarded/import?format=md&token=view-1', '# Replaced')
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/may only view "guarded"; importing replaces its content and needs the edit role/)
    const suggested = await post(relay, '/api/docs/guarded/import?format=md&token=suggest-1', '# Replaced')
    expect(suggested.status).toBe(403)
    expect(await suggested.text()).toMatch(/may only suggest changes to "guarded"; importing replaces its content and needs the edit role/)
    const exported = await fetch(`${relay.http}/api/docs/guarded/export?format=md&token=view-1`)
    expect(await exported.text()).toBe('Original\n')
  })

  it('exports suggestions as accepted text', async () => {
    const relay = await start()
    const writer = await client(relay, 'suggested')
    const stamp = { author: 'Ana', time: 1_700_000_000_000 }
    const p = (...content: Node[]): Node => schema.node('paragraph', null, content)
    const doc = schema.node('doc', null, [
      p(schema.text('Keep '), schema.text('old', [schema.marks.deletion!.create({ id: 'd', ...stamp })]), schema.text('new', [schema.marks.insertion!.create({ id: 'i', ...stamp })]))
    ])
    replaceDocument(writer.doc.getXmlFragment(documentFragmentName), doc)
    await waitFor(() => (relay.documentState('suggested')?.length ?? 0) > 40, 'the relay to hold the text')
    const markdown = await fetch(`${relay.http}/api/docs/suggested/export?format=md&token=view-1`)
    expect(await markdown.text()).toBe('Keep new\n')
    const html = await (await fetch(`${relay.http}/api/docs/suggested/export?format=html&token=view-1`)).text()
    expect(html).toContain('<p>Keep new</p>')
  })

  it('refuses bad bodies with a reason and changes nothing', async () => {
    const relay = await start({ maxImportBytes: 1000 })
    const writer = await client(relay, 'safe')
    write(writer, 'Keep me\n')
    await waitFor(() => (relay.documentState('safe')?.length ?? 0) > 10, 'the relay to hold the text')
    const cases: Array<[string | Uint8Array, string, number, RegExp]> = [
      ['', 'md', 400, /body is empty/],
      [new Uint8Array([0x23, 0x20, 0xff, 0xfe]), 'md', 400, /not UTF-8 text/],
      ['a\u0000b', 'html', 400, /^Cannot import: the file is not HTML text \(it holds binary data\)/],
      ['x'.repeat(1001), 'md', 413, /larger than the 1000 bytes an import may have/],
      ['# fine', 'txt', 400, /Unknown format "txt": add \?format=md\|html/]
    ]
    for (const [body, format, status, message] of cases) {
      const response = await post(relay, `/api/docs/safe/import?format=${format}&token=edit-1`, body)
      expect({ status: response.status, body: await response.text() }).toEqual({ status, body: expect.stringMatching(message) })
    }
    expect(contentOf(writer)).toBe('Keep me\n')
    const exported = await fetch(`${relay.http}/api/docs/safe/export?format=md&token=edit-1`)
    expect(await exported.text()).toBe('Keep me\n')
  })

  it('round-trips a table through import and export in Markdown, HTML and plain text, as clients see it', async () => {
    const relay = await start()
    const reader = await client(relay, 'sheet')
    const markdown = '| Item | Qty |\n| --- | --- |\n| **Apples** \\| green | 3<br><br>in stock |\n| 梨 | |\n'
    const imported = await post(relay, '/api/docs/sheet/import?format=md&token=edit-1', markdown)
    expect(await imported.json()).toMatchObject({ changed: true, warnings: [] })
    await waitFor(() => contentOf(reader) === markdown, 'the client to see the imported table')
    const table = readDocument(reader.doc.getXmlFragment(documentFragmentName)).child(0)
    expect(table.type.name).toBe('table')
    expect(table.child(1).child(1).childCount).toBe(2)

    const exportAs = async (format: string): Promise<string> => (await fetch(`${relay.http}/api/docs/sheet/export?format=${format}&token=view-1`)).text()
    expect(await exportAs('md')).toBe(markdown)
    expect(await exportAs('txt')).toBe('Item\tQty\nApples | green\t3 in stock\n梨\t\n')
    const html = await exportAs('html')
    expect(html).toContain('<table><tbody><tr><th><p>Item</p></th><th><p>Qty</p></th></tr><tr><td><p><strong>Apples</strong> | green</p></td><td><p>3</p><p>in stock</p></td></tr>')

    // The HTML export, imported again (parsed by linkedom on the relay), gives the same table.
    const again = await post(relay, '/api/docs/sheet/import?format=html&token=edit-1', html)
    expect(await again.json()).toMatchObject({ changed: false, warnings: [] })
    expect(await exportAs('md')).toBe(markdown)
  })

  it('keeps the paragraphs the import did not change (y-prosemirror diffs)', async () => {
    const relay = await start()
    const writer = await client(relay, 'diffed')
    write(writer, 'Stays the same\n\nWill change\n')
    await waitFor(() => (relay.documentState('diffed')?.length ?? 0) > 10, 'the relay to hold the text')
    const kept = writer.doc.getXmlFragment(documentFragmentName).get(0)
    const response = await post(relay, '/api/docs/diffed/import?format=md&token=edit-1', 'Stays the same\n\nHas changed\n')
    expect(response.status).toBe(200)
    await waitFor(() => contentOf(writer) === 'Stays the same\n\nHas changed\n', 'the writer to see the import')
    expect(writer.doc.getXmlFragment(documentFragmentName).get(0)).toBe(kept)
  })
})
