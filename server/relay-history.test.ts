import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDocumentDoc } from '../app/document'
import { connectClient, startEnsembleRelay, waitFor, whenSynced, type TestClient } from './testing/harness'
import { cleanupAfterEach } from './testing/cleanup'

const cleanup = cleanupAfterEach()
const track = (client: TestClient): TestClient => {
  cleanup.push(() => client.destroy())
  return client
}

/** The text of `snapshot` as `client` can rebuild it from what the relay sent it. */
const versionText = (client: TestClient, snapshot: Y.Snapshot): string =>
  Y.createDocFromSnapshot(client.doc, snapshot).getText('text').toString()

const relayText = (state: Uint8Array | null): string => {
  const doc = new Y.Doc()
  if (state !== null) Y.applyUpdate(doc, state)
  return doc.getText('text').toString()
}

describe('relay and version history', () => {
  it('hands a late joiner the deleted text an old version needs, from the live room', async () => {
    const relay = await startEnsembleRelay()
    cleanup.push(() => relay.close())
    const writer = track(connectClient(relay.url, 'history/live', { doc: createDocumentDoc() }))
    await whenSynced(writer)
    writer.text.insert(0, 'keep every word')
    const before = Y.snapshot(writer.doc)
    writer.text.delete(5, 6)
    await waitFor(() => relayText(relay.documentState('history/live')) === 'keep word', 'the relay to apply the deletion')

    const late = track(connectClient(relay.url, 'history/live', { doc: createDocumentDoc() }))
    await whenSynced(late)
    expect(late.text.toString()).toBe('keep word')
    expect(versionText(late, before)).toBe('keep every word')
  })

  it('keeps that text across a restart that reloads and compacts the stored log', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-history-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    const first = await startEnsembleRelay({ dataDir })
    const writer = connectClient(first.url, 'history/disk', { doc: createDocumentDoc() })
    await whenSynced(writer)
    writer.text.insert(0, 'draft: ')
    const drafted = Y.snapshot(writer.doc)
    // Enough separate appends that closing the room compacts the log (room.ts: compactAfterAppends).
    for (let i = 0; i < 110; i++) {
      writer.text.insert(writer.text.length, `${i % 10}`)
      const expected = writer.text.toString()
      await waitFor(() => relayText(first.documentState('history/disk')) === expected, `edit ${i} to reach the relay`)
    }
    writer.text.delete(0, 7)
    const final = writer.text.toString()
    await waitFor(() => relayText(first.documentState('history/disk')) === final, 'the deletion to reach the relay')
    writer.destroy()
    await first.close()

    const second = await startEnsembleRelay({ dataDir })
    cleanup.push(() => second.close())
    const late = track(connectClient(second.url, 'history/disk', { doc: createDocumentDoc() }))
    await whenSynced(late)
    expect(late.text.toString()).toBe(final)
    expect(versionText(late, drafted)).toBe('draft: ')
  })
})
