import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeUtilityProcessLauncher } from '../main/relay-host/node-launcher'
import { RelayHostService } from '../main/relay-host/relay-host-service'
import { connectClient, whenSynced } from '../server/testing/harness'
import { buildDesktop, repoRoot } from './build-desktop'

/** The bundles Electron loads, built the way `npm start` and `npm run dist` build them. */
describe('the desktop bundles', () => {
  let outdir: string
  let relayOutdir: string

  beforeAll(async () => {
    // Inside node_modules so that the bundles' external packages resolve as they do from dist/.
    await mkdir(join(repoRoot, 'node_modules/.cache'), { recursive: true })
    outdir = await mkdtemp(join(repoRoot, 'node_modules/.cache/ensemble-desktop-build-'))
    relayOutdir = join(outdir, 'relay')
    await buildDesktop(outdir, relayOutdir)
  })
  afterAll(() => rm(outdir, { recursive: true, force: true }))

  it('keeps the preload self-contained and small, with electron as its only import', async () => {
    const preload = await readFile(join(outdir, 'preload.cjs'), 'utf8')
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron'])
    expect(preload).toContain('exposeInMainWorld')
    expect(preload.length).toBeLessThan(20_000)
  })

  it('runs the bundled relay process: start, documents, graceful stop', async () => {
    const data = join(outdir, 'data')
    const service = new RelayHostService(
      new NodeUtilityProcessLauncher({ entry: join(relayOutdir, 'relay-process.mjs'), stdio: 'ignore', logger: pino({ level: 'silent' }) }),
      pino({ level: 'silent' }),
      { config: { dataDir: data, webRoot: null, logLevel: 'silent' } }
    )
    try {
      const url = await service.start()
      const client = connectClient(url, 'bundled')
      await whenSynced(client)
      client.text.insert(0, 'from the bundle')
      const reader = connectClient(url, 'bundled')
      await whenSynced(reader)
      await expect.poll(() => reader.text.toString()).toBe('from the bundle')
      client.destroy()
      reader.destroy()
      await service.stop()
      expect(service.status).toEqual({ state: 'stopped' })
    } finally {
      await service.stop()
      service.dispose()
    }
  })
})
