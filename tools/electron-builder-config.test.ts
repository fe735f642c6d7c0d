import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './build-desktop'

interface BuilderConfig {
  files: Array<string | { filter: string[] }>
  protocols: Array<{ schemes: string[] }>
  asarUnpack: string[]
  linux: { target: string[]; mimeTypes: string[] }
  mac: { target: string[] }
  win: { target: string[] }
}
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>
  validateConfiguration(config: unknown, debugLogger: { add(): void; isEnabled: boolean }): Promise<void>
}
const quietLogger = { add: () => {}, isEnabled: false }

/** electron-builder.yml checked with electron-builder's own loader and schema (building needs Electron's download). */
describe('electron-builder.yml', () => {
  it('is valid for electron-builder and builds NSIS, DMG, zip, AppImage and deb with the ensemble:// protocol', async () => {
    const config = await getConfig(repoRoot, null, null)
    await validateConfiguration(config, quietLogger)
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg', 'zip'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual(['ensemble'])
    expect(config.linux.mimeTypes).toContain('x-scheme-handler/ensemble')
  })

  it('ships the main bundle package.json points at, the relay process and the web client', async () => {
    const config = await getConfig(repoRoot, null, null)
    const patterns = config.files.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter))
    expect(patterns).toEqual(expect.arrayContaining(['dist/main/**/*', 'dist/relay/**/*', 'dist/web/**/*', 'package.json']))
    const packageJson = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { main: string }
    expect(packageJson.main).toBe('dist/main/main.mjs')
    expect(config.asarUnpack).toContain('dist/web/**')
  })

  it('is refused by the schema check when broken, so the test above can fail', async () => {
    await expect(validateConfiguration({ linux: { target: 'AppImage', notAnOption: true } }, quietLogger)).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.linux/)
  })
})
