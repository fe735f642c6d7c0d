import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createDocumentDoc, documentFragmentName } from '../../app/document'
import { readDocumentListing } from '../../app/document-list'
import { setDocumentTitle } from '../../app/document-title'
import { signAccessToken } from '../access/access-token'
import { tokenAuthentication } from '../access/token-authentication'
import type { RelayExtension } from '../extension'
import { MemoryStorage } from '../storage/memory-storage'
import { cleanupAfterEach } from '../testing/cleanup'
import { connectClient, startEnsembleRelay, waitFor, whenSynced } from '../testing/harness'

const cleanup = cleanupAfterEach()

/** A storage holding documents written earlier, one of them titled in Chinese. */
const storedDocuments = async (): Promise<MemoryStorage> => {
  const storage = new MemoryStorage()
  const stored = async (name: string, title: string | null): Promise<void> => {
    const doc = createDocumentDoc()
    doc.getXmlFragment(documentFragmentName).insert(0, [new Y.XmlElement('paragraph')])
    if (title !== null) setDocumentTitle(doc, title, name)
    await storage.append(name, Y.encodeStateAsUpdate(doc))
  }
  await stored('team/report', '季度报告')
  await stored('team/plan', null)
  await stored('private/diary', 'Diary')
  return storage
}

const start = async (extensions: RelayExtension[] = []) => {
  const relay = await startEnsembleRelay({ storage: await storedDocuments(), extensions })
  cleanup.push(() => relay.close())
  return Object.assign(relay, { http: relay.url.replace(/^ws/, 'http') })
}

const listing = async (response: Response) => {
  expect(response.status).toBe(200)
  expect(response.headers.get('access-control-allow-origin')).toBe('*')
  return readDocumentListing(await response.json())
}

describe('GET /api/docs', () => {
  it('lists the stored documents by name with their titles, live ones from the open room', async () => {
    const relay = await start()
    const writer = connectClient(relay.url, 'team/plan')
    cleanup.push(() => writer.destroy())
    await whenSynced(writer)
    setDocumentTitle(writer.doc, 'Launch plan', 'team/plan')
    await waitFor(() => relay.documentState('team/plan') !== null, 'the relay to hold the title')

    await waitFor(async () => {
      const { documents } = await listing(await fetch(`${relay.http}/api/docs`))
      return documents.some((entry) => entry.title === 'Launch plan')
    }, 'the list to show the new title')
    expect(await listing(await fetch(`${relay.http}/api/docs/`))).toEqual({
      documents: [{ name: 'private/diary', title: 'Diary' }, { name: 'team/plan', title: 'Launch plan' }, { name: 'team/report', title: '季度报告' }],
      truncated: false
    })
    const post = await fetch(`${relay.http}/api/docs`, { method: 'POST' })
    expect({ status: post.status, allow: post.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, HEAD' })
  })

  it('lists only what the token may open, and refuses a missing or bad token with 401', async () => {
    const secret = new Uint8Array(randomBytes(32))
    const relay = await start([tokenAuthentication(secret)])
    const token = (doc: string) => signAccessToken(secret, { doc, role: 'view', lifetimeMs: 60_000 })
    const names = async (query: string) => (await listing(await fetch(`${relay.http}/api/docs${query}`))).documents.map((entry) => entry.name)

    expect(await names(`?token=${await token('team/*')}`)).toEqual(['team/plan', 'team/report'])
    expect(await names(`?token=${await token('team/report')}`)).toEqual(['team/report'])
    const bearer = await fetch(`${relay.http}/api/docs`, { headers: { Authorization: `Bearer ${await token('private/diary')}` } })
    expect((await listing(bearer)).documents).toEqual([{ name: 'private/diary', title: 'Diary' }])
    // A valid token for a document not stored yet: nothing to list, and no refusal.
    expect(await names(`?token=${await token('elsewhere')}`)).toEqual([])

    const none = await fetch(`${relay.http}/api/docs`)
    expect({ status: none.status, body: await none.text() }).toEqual({ status: 401, body: expect.stringMatching(/^Refused: /) })
    const forged = await fetch(`${relay.http}/api/docs?token=${(await token('*')).slice(0, -4)}AAAA`)
    expect(forged.status).toBe(401)
  })
})
