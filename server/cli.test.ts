import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { connectClient, waitFor, whenSynced } from './testing/harness'
import { perConnectionProcessMetrics } from './metrics'

const running: ChildProcess[] = []
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})

/** Starts `npm run relay`'s entry point and resolves with the URL from its "listening" log line. */
const startCli = async (args: string[]): Promise<{ child: ChildProcess; url: string; lines: string[] }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  running.push(child)
  const lines: string[] = []
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line)
      const entry = JSON.parse(line) as { msg?: string; url?: string }
      if (entry.msg?.startsWith('relay listening') === true && entry.url !== undefined) resolve(entry.url)
    })
    child.once('exit', (code) => reject(new Error(`relay exited with ${code} before listening: ${lines.join('\n')}`)))
  })
  return { child, url, lines }
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)))

describe('npm run relay', () => {
  it('logs JSON, stops gracefully on SIGTERM with exit 0, and keeps what was written', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-cli-'))
    try {
      const first = await startCli(['--port', '0', '--data', dataDir, '--host', '127.0.0.1'])
      expect(first.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
      const writer = connectClient(first.url, 'cli-doc')
      await whenSynced(writer)
      writer.text.insert(0, 'written before SIGTERM')
      const closed = new Promise<number>((resolve) =>
        writer.provider.on('connection-close', (event) => resolve(event?.code ?? 0))
      )
      // A second client seeing the edit proves the relay has applied it.
      const witness = connectClient(first.url, 'cli-doc')
      await waitFor(() => witness.text.toString() === 'written before SIGTERM', 'the edit to reach the relay')
      witness.destroy()
      // The CLI's relay is the only one in its process, so /metrics also carries Node's own.
      const metrics = await (await fetch(`${first.url.replace(/^ws/, 'http')}/metrics`)).text()
      expect(metrics).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m)
      expect(metrics).toMatch(/^process_resident_memory_bytes \d/m)
      expect(metrics).toMatch(/^ensemble_connections \d/m)
      // Metrics that walk every socket on each scrape are left out; the relay counts its connections.
      for (const name of perConnectionProcessMetrics) expect(metrics).not.toMatch(new RegExp(`^${name} `, 'm'))
      expect(metrics).toMatch(/^process_max_fds \d/m)
      const exited = exitOf(first.child)
      first.child.kill('SIGTERM')
      // Exit 0 also means within the deadline: past 4.5 s the relay gives up and exits 1.
      expect(await exited).toBe(0)
      expect(await closed).toBe(1001)
      writer.destroy()
      expect(first.lines.some((line) => line.includes('"msg":"relay stopped"'))).toBe(true)

      const second = await startCli(['--port', '0', '--data', dataDir])
      const reader = connectClient(second.url, 'cli-doc')
      await whenSynced(reader)
      expect(reader.text.toString()).toBe('written before SIGTERM')
      reader.destroy()
      const exitedAgain = exitOf(second.child)
      second.child.kill('SIGINT')
      expect(await exitedAgain).toBe(0)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses a bad flag with exit code 2 and a message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', 'none'], { stdio: ['ignore', 'pipe', 'pipe'] })
    running.push(child)
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await exitOf(child)).toBe(2)
    expect(stderr).toContain('--port (or ENSEMBLE_PORT) must be a whole number')
  })

  it('says clearly when another relay holds the data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ensemble-cli-lock-'))
    try {
      await startCli(['--port', '0', '--data', dataDir])
      const second = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--data', dataDir], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      running.push(second)
      let stderr = ''
      second.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      expect(await exitOf(second)).toBe(1)
      expect(stderr).toContain('LOCK: Resource temporarily unavailable. Another relay (or Ensemble window) is using this data directory.')
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
