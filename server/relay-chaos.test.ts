import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { connectClient, waitFor, waitForConvergence, whenSynced, type TestClient } from './testing/harness'
import { startRelayProcess, type RelayProcess } from './testing/relay-process'
import { startTypists, tokensIn } from './testing/typists'

const writerCount = 4
const kills = 5
/** Tokens typed between two kills, and while the relay is down, before the next step. */
const tokensPerPhase = 10 * writerCount

/**
 * Chaos: writers keep typing unique tokens while the relay process (the real command line, with a
 * LevelDB data directory) is killed with SIGKILL and restarted on the same port, again and again.
 * Nothing a writer typed may be lost: afterwards every writer, a fresh client, and the relay
 * restarted from its data directory alone hold every token exactly once.
 */
it(`loses no keystroke while the relay is killed ${kills} times`, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-chaos-'))
  const args = (port: number): string[] => ['--port', String(port), '--data', dataDir, '--linger-ms', '1000']
  let relay: RelayProcess = await startRelayProcess(args(0))
  const port = Number(new URL(relay.url).port)
  const writers: TestClient[] = Array.from({ length: writerCount }, () => connectClient(relay.url, 'chaos'))
  const typists = startTypists(writers)
  const { typed } = typists
  const freshClients: TestClient[] = []
  try {
    await Promise.all(writers.map(whenSynced))
    for (let kill = 1; kill <= kills; kill++) {
      await typists.typeMore(tokensPerPhase)
      relay.child.kill('SIGKILL')
      expect(await relay.exited).toBe('SIGKILL')
      // Writers keep typing while the relay is down.
      await typists.typeMore(tokensPerPhase)
      relay = await startRelayProcess(args(port))
      await waitFor(() => writers.every((writer) => writer.provider.wsconnected), `the writers to reconnect after kill ${kill}`, 20_000)
    }
    typists.stop()
    await Promise.all(writers.map(whenSynced))
    await waitForConvergence(writers, 20_000)
    const fresh = connectClient(relay.url, 'chaos')
    freshClients.push(fresh)
    await whenSynced(fresh)
    await waitForConvergence([...writers, fresh], 20_000)

    // Stop gracefully, drop every client, and read the document from the data directory alone.
    relay.child.kill('SIGTERM')
    expect(await relay.exited).toBe(0)
    for (const writer of writers) writer.provider.disconnect()
    relay = await startRelayProcess(args(port))
    const fromDisk = connectClient(relay.url, 'chaos')
    freshClients.push(fromDisk)
    await whenSynced(fromDisk)

    const expected = [...typed].sort()
    for (const [name, client] of [...writers.map((writer, i) => [`writer ${i}`, writer] as const), ['fresh client', fresh] as const, ['relay restarted from disk', fromDisk] as const]) {
      const tokens = tokensIn(client.text.toString())
      expect(tokens.join(''), name).toBe(client.text.toString())
      expect([...tokens].sort(), name).toEqual(expected)
    }
    console.log(`relay chaos: ${kills} SIGKILLs, ${typed.length} tokens from ${writerCount} writers, none lost`)
  } finally {
    typists.stop()
    for (const client of [...writers, ...freshClients]) client.destroy()
    relay.child.kill('SIGKILL')
    await relay.exited
    await rm(dataDir, { recursive: true, force: true })
  }
}, 120_000)
