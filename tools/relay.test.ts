import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { relayNodeFlags } from '../server/node-flags'
import { relayBundleIsStale, relayCliBundle, repoRoot, webClientIsStale } from './builds.mjs'

describe('npm run relay', () => {
  it('runs the compiled relay under plain node and serves the web client, building both first when a source is newer', async () => {
    // package.json's script, as npm runs it: the relay's V8 flags (server/node-flags.ts), then the runner.
    const script = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.relay
    expect(script).toBe(`node ${relayNodeFlags.join(' ')} tools/relay.mjs`)
    const child = spawn(process.execPath, [...relayNodeFlags, join(repoRoot, 'tools/relay.mjs'), '--port', '0', '--data', ':memory:'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' }
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (!line.startsWith('{')) return
          const entry = JSON.parse(line) as { msg?: string; url?: string }
          if (entry.msg?.startsWith('relay listening') === true) resolve(entry.url!)
        })
        void exited.then((code) => reject(new Error(`the relay exited (${code}) before listening`)))
      })
      const httpUrl = url.replace(/^ws/, 'http')
      const health = (await (await fetch(`${httpUrl}/healthz`)).json()) as { status: string }
      expect(health.status).toBe('ok')
      // The web client is built too, and served from dist/web by the bundle.
      const page = await fetch(`${httpUrl}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<title>Ensemble</title>')
      expect(webClientIsStale()).toBe(false)
      // The bundle is current, and the relay's process runs it with its V8 flags and no loader (no `--import tsx`).
      expect(relayBundleIsStale()).toBe(false)
      const commandLine = (await readFile(`/proc/${child.pid}/cmdline`, 'utf8')).split('\0')
      expect(commandLine.slice(1, 2 + relayNodeFlags.length)).toEqual([...relayNodeFlags, join(repoRoot, 'tools/relay.mjs')])
      expect(await readFile(relayCliBundle, 'utf8')).toMatch(/relay listening on/)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  }, 90_000)
})
