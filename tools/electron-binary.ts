/**
 * Where the Electron binary is, if it is installed. The `electron` npm package downloads it in a
 * postinstall script that `allowScripts` blocks (so that `npm install` works without GitHub); this
 * module tells whether the binary is there, and can run that download on demand.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { repoRoot } from './build-desktop'

const require = createRequire(import.meta.url)

export type ElectronBinary = { readonly path: string } | { readonly missing: string }

export const findElectronBinary = (): ElectronBinary => {
  let path: string
  try {
    // The package's main export is the path of the binary; it throws when the download never happened.
    path = require('electron') as string
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split('\n')[0]! : String(error) }
  }
  return existsSync(path) ? { path } : { missing: `the Electron package points to ${path}, which does not exist` }
}

/** Runs electron's own install script (it downloads the binary); returns what went wrong, or `null`. */
export const installElectronBinary = (timeoutMs = 180_000): string | null => {
  const script = join(repoRoot, 'node_modules/electron/install.js')
  if (!existsSync(script)) return 'node_modules/electron is not installed; run npm install'
  const run = spawnSync(process.execPath, [script], { cwd: join(repoRoot, 'node_modules/electron'), encoding: 'utf8', timeout: timeoutMs })
  if (run.error !== undefined) return run.error.message
  if (run.status !== 0) {
    const lines = `${run.stderr}\n${run.stdout}`.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '))
    return lines.slice(0, 3).join(' ') || `the install script exited with code ${run.status}`
  }
  return null
}
