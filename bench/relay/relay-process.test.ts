/** The relays start as the report says, and leave nothing behind. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, waitFor, whenSynced } from '../../server/testing/harness'
import { buildRelayBundle, describeRelayCommand, relayNames, startRelay, type RelayProcess } from './relay-process'

let relay: RelayProcess | undefined
// Our relay runs from the bundle, rebuilt here when a source is newer (the first build takes seconds).
beforeAll(buildRelayBundle, 60_000)
afterEach(async () => {
  await relay?.stop()
  relay = undefined
})

describe('startRelay', () => {
  it.each(relayNames)('starts %s, relays an update and says how long it took to listen', async (name) => {
    relay = await startRelay(name)
    expect(relay.listeningMs).toBeGreaterThan(0)
    const writer = connectClient(relay.url, 'relay-process-test')
    const reader = connectClient(relay.url, 'relay-process-test')
    try {
      await Promise.all([whenSynced(writer), whenSynced(reader)])
      writer.text.insert(0, 'hello')
      await waitFor(() => reader.text.toString() === 'hello', 'the reader to receive the update')
    } finally {
      writer.destroy()
      reader.destroy()
    }
  })

  it('gives reference-leveldb a LevelDB folder of its own and removes it on stop', async () => {
    relay = await startRelay('reference-leveldb')
    const folder = relay.storageDir!
    // utils.js announces the folder when YPERSISTENCE reached it; LevelDB writes CURRENT on opening.
    await waitFor(() => existsSync(path.join(folder, 'CURRENT')), 'LevelDB to open its store')
    expect(relay.outputTail()).toContain(`Persisting documents to "${folder}"`)
    await relay.stop()
    relay = undefined
    expect(existsSync(folder)).toBe(false)
  })

  it('runs the reference without persistence even when the environment asks for it', async () => {
    process.env.YPERSISTENCE = '/nonexistent/should-not-be-used'
    try {
      relay = await startRelay('reference')
    } finally {
      delete process.env.YPERSISTENCE
    }
    expect(relay.storageDir).toBeNull()
    expect(relay.outputTail()).not.toContain('Persisting documents')
  })

  it('records each command line with the versions the reference resolves', () => {
    expect(describeRelayCommand('reference-leveldb', [])).toMatch(/^HOST=127\.0\.0\.1 PORT=<free port> YPERSISTENCE=<fresh temporary folder> node node_modules\/@y\/websocket-server\/src\/server\.js .*y-leveldb \d+\.\d+\.\d+/)
    expect(describeRelayCommand('ours', ['--max-semi-space-size=2'])).toMatch(/^node --max-semi-space-size=2 dist\/relay\/cli\.mjs --host 127\.0\.0\.1 /)
  })
})
