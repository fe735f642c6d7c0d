import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { messageStorageStatus } from '../app/protocol'
import { readStorageStatus, type StorageStatus } from '../app/storage-status'
import { cleanupAfterEach } from './testing/cleanup'
import { connectClient, waitFor, waitForConvergence, whenSynced, type TestClient } from './testing/harness'
import { runRelayCommand, startRelayProcess, type RelayProcess } from './testing/relay-process'
import { mountSmallDisk } from './testing/small-disk'
import { startTypists, tokensIn } from './testing/typists'
import { logFilesIn } from './storage/leveldb-log-check'

const writerCount = 4

/** A writer that records every storage status frame the relay sends it. */
const connectWriter = (url: string, room: string): TestClient & { statuses: StorageStatus[] } => {
  const client = connectClient(url, room)
  const statuses: StorageStatus[] = []
  client.provider.messageHandlers[messageStorageStatus] = (_encoder, decoder) => void statuses.push(readStorageStatus(decoder))
  return Object.assign(client, { statuses })
}

/** The document as a relay started from `dataDir` alone serves it to a new client. */
const readBack = async (relay: RelayProcess, room: string): Promise<string> => {
  const client = connectClient(relay.url, room)
  try {
    await whenSynced(client)
    return client.text.toString()
  } finally {
    client.destroy()
  }
}

/** How often a log line with this message was written. */
const countLines = (relay: RelayProcess, message: string): number =>
  relay.lines.filter((line) => (JSON.parse(line) as { msg?: string }).msg === message).length

describe('storage faults', () => {
  const cleanup = cleanupAfterEach()

  it('keeps every edit typed while the disk is full, stores it once space returns, and serves it all after a restart', async () => {
    const disk = await mountSmallDisk(8 * 1024 * 1024)
    cleanup.push(() => disk.unmount())
    const dataDir = join(disk.path, 'data')
    let relay = await startRelayProcess(['--data', dataDir, '--linger-ms', '1000'])
    cleanup.push(() => relay.kill('SIGKILL'))
    const writers = Array.from({ length: writerCount }, () => connectWriter(relay.url, 'full-disk'))
    cleanup.push(() => writers.forEach((writer) => writer.destroy()))
    const typists = startTypists(writers)
    cleanup.push(() => typists.stop())
    await Promise.all(writers.map(whenSynced))
    await typists.typeMore(100)

    await disk.fill()
    const typedBeforeFull = typists.typed.length
    await waitFor(async () => (await relay.health()).dependencies.saving?.ok === false, '/healthz to report unsaved edits')
    await waitFor(() => writers.every((writer) => writer.statuses.at(-1)?.stored === false), 'every writer to be told its edits are not stored')
    // A document nobody had open cannot be read while the store is being reopened: /healthz says so.
    const latecomer = connectClient(relay.url, 'opened-while-full')
    cleanup.push(() => latecomer.destroy())
    await waitFor(async () => (await relay.health()).dependencies.reading?.ok === false, '/healthz to report an unreadable document')
    await typists.typeMore(200)
    const during = await relay.health()
    expect(during.status).toBe('degraded')
    expect(during.dependencies.saving!.detail).toMatch(/^1 document has edits not yet stored \("full-disk"\), since .*No space left on device/)
    expect(during.dependencies.leveldb!.ok).toBe(false)
    expect(during.dependencies.reading!.detail).toMatch(/"opened-while-full"/)
    expect(writers[0]!.statuses.at(-1)).toMatchObject({ stored: false, reason: expect.stringMatching(/No space left on device/) })
    const typedWhileFull = typists.typed.length - typedBeforeFull

    await disk.free()
    await waitFor(async () => (await relay.health()).status === 'ok', '/healthz to be ok once space returned', 20_000)
    await waitFor(() => writers.every((writer) => writer.statuses.at(-1)?.stored === true), 'every writer to be told its edits are stored')
    await whenSynced(latecomer)
    await typists.typeMore(100)
    typists.stop()
    await waitForConvergence(writers, 20_000)

    // Logged once when the outage began and once when it ended, not once per attempt.
    expect(countLines(relay, 'a LevelDB write failed; writes stop until the store is reopened, and edits are kept in memory meanwhile')).toBe(1)
    expect(countLines(relay, 'the LevelDB store was reopened and takes writes again')).toBe(1)
    expect(countLines(relay, 'storage takes writes again; every document that had unsaved edits was written and read back')).toBe(1)

    // Nobody is left to resend anything: the restarted relay has only its data directory.
    for (const writer of writers) writer.provider.disconnect()
    await relay.kill('SIGTERM')
    expect(await relay.exited).toBe(0)
    relay = await startRelayProcess(['--data', dataDir])
    const stored = tokensIn(await readBack(relay, 'full-disk'))
    expect(stored.length).toBe(typists.typed.length)
    expect([...stored].sort()).toEqual([...typists.typed].sort())
    console.log(
      `disk full: ${typists.typed.length} tokens typed by ${writerCount} writers (${typedWhileFull} while the disk was full), ` +
        `${stored.length} served after the restart`
    )
  }, 90_000)

  /** Writers type `tokens` tokens into a relay on `dataDir`, which is then stopped gracefully; returns them. */
  const typeAndStop = async (dataDir: string, tokens: number): Promise<readonly string[]> => {
    const relay = await startRelayProcess(['--data', dataDir])
    cleanup.push(() => relay.kill('SIGKILL'))
    const writers = Array.from({ length: writerCount }, () => connectClient(relay.url, 'notes'))
    cleanup.push(() => writers.forEach((writer) => writer.destroy()))
    const typists = startTypists(writers, 5)
    cleanup.push(() => typists.stop())
    await Promise.all(writers.map(whenSynced))
    await typists.typeMore(tokens)
    typists.stop()
    await waitForConvergence(writers, 20_000)
    for (const writer of writers) writer.provider.disconnect()
    await relay.kill('SIGTERM')
    expect(await relay.exited).toBe(0)
    return typists.typed
  }

  /** The newest write-ahead log of the store in `dataDir`. */
  const newestLog = async (dataDir: string): Promise<string> => join(dataDir, (await logFilesIn(dataDir)).at(-1)!)

  /** Starts the relay on `dataDir` expecting it to refuse; returns what it said. */
  const expectRefusal = async (dataDir: string): Promise<string> => {
    const refused = startRelayProcess(['--data', dataDir])
    const error = await refused.then(
      (relay) => {
        cleanup.push(() => relay.kill('SIGKILL'))
        throw new Error('the relay started on a damaged store')
      },
      (failure: unknown) => failure as Error
    )
    return error.message
  }

  /** Runs `repair`, checks the copy it kept aside, and returns the tokens the repaired store serves. */
  const repairAndReadBack = async (dataDir: string, damagedLog: string): Promise<string[]> => {
    const damagedBytes = await readFile(damagedLog)
    const repair = await runRelayCommand(['repair', '--data', dataDir])
    expect(repair.stderr).toBe('')
    expect(repair.code).toBe(0)
    const keptAside = /A copy of it as it was is in (\S+);/.exec(repair.stdout)?.[1]
    expect(keptAside, repair.stdout).toBeDefined()
    cleanup.push(() => rm(keptAside!, { recursive: true, force: true }))
    // What could not be read is kept, byte for byte, for recovery by hand.
    expect(Buffer.compare(await readFile(join(keptAside!, damagedLog.slice(dataDir.length + 1))), damagedBytes)).toBe(0)
    expect(repair.stdout).toMatch(/It now holds 1 document\./)
    const relay = await startRelayProcess(['--data', dataDir])
    cleanup.push(() => relay.kill('SIGKILL'))
    expect((await relay.health()).status).toBe('ok')
    const text = await readBack(relay, 'notes')
    expect(tokensIn(text).join(''), 'only whole tokens').toBe(text)
    return tokensIn(text)
  }

  it('refuses a store whose log was cut to half, and repair keeps the damaged copy and serves what is left', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-cut-log-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    const typed = await typeAndStop(dataDir, 600)
    const log = await newestLog(dataDir)
    const { size } = await stat(log)
    await truncate(log, Math.floor(size / 2))

    const refusal = await expectRefusal(dataDir)
    expect(refusal).toMatch(/The document store in \S+ is damaged: \d+\.log holds \d+ bytes of whole records, but \d+ had been written by .*: the file was cut short/)
    expect(refusal).toContain(`npm run relay -- repair --data "${dataDir}"`)

    const served = await repairAndReadBack(dataDir, log)
    expect(served.length).toBeGreaterThan(0)
    expect(served.length).toBeLessThan(typed.length)
    expect(typed).toEqual(expect.arrayContaining(served))
    console.log(`log cut to half: ${typed.length} tokens typed; the relay refused to start; after repair it serves ${served.length}`)
  }, 60_000)

  it('refuses a store with 4 KiB of garbage in its log, and repair keeps the damaged copy and serves what is left', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-garbage-log-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    const typed = await typeAndStop(dataDir, 600)
    const log = await newestLog(dataDir)
    const bytes = await readFile(log)
    const middle = Math.floor(bytes.length / 2)
    for (let i = 0; i < 4096; i++) bytes[middle + i] = (i * 7919 + 13) % 256
    await writeFile(log, bytes)

    const refusal = await expectRefusal(dataDir)
    // Where the garbage lands among the records decides what the check meets first: a record whose
    // checksum or length is wrong, or (when a garbage header claims more bytes than the file has
    // left, which LevelDB reads as a writer that died mid-record) fewer whole records than the
    // ledger says were written. Each is a refusal that names the damage.
    expect(refusal).toMatch(
      /The document store in \S+ is damaged: ((checksum mismatch in the record|bad record length \d+) at byte \d+|\d+\.log holds \d+ bytes of whole records, but \d+ had been written by )/
    )
    expect(refusal).toContain('so it was not opened')

    const served = await repairAndReadBack(dataDir, log)
    expect(served.length).toBeLessThan(typed.length)
    expect(typed).toEqual(expect.arrayContaining(served))
    console.log(`4 KiB of garbage in the log: ${typed.length} tokens typed; the relay refused to start; after repair it serves ${served.length}`)
  }, 60_000)
})
