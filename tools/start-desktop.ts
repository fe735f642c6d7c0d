/**
 * `npm start`: builds the main process (and the renderer, if it has a build script), then launches
 * Electron on this checkout. Where the Electron binary is missing it runs electron's own installer;
 * if that fails too (no access to GitHub), it says so and points to the browser alternative.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDesktop, repoRoot } from './build-desktop'
import { findElectronBinary, installElectronBinary } from './electron-binary'

const say = (line: string): void => console.log(`start: ${line}`)

const main = async (): Promise<number> => {
  await buildDesktop()
  say('built dist/main (main process, preload, relay process)')
  const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {}
  if (scripts['build:web'] !== undefined) {
    const web = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: repoRoot, stdio: 'inherit' })
    if (web.status !== 0) {
      say('building the renderer (npm run build:web) failed; see above')
      return 1
    }
  } else if (!existsSync(join(repoRoot, 'dist/web/index.html'))) {
    say('the renderer is not built (no dist/web); the window will say so')
  }

  let binary = findElectronBinary()
  if ('missing' in binary) {
    say(`no Electron binary (${binary.missing}); running electron's installer to download it`)
    const problem = installElectronBinary()
    binary = problem === null ? findElectronBinary() : { missing: problem }
  }
  if ('missing' in binary) {
    console.error(
      [
        '',
        `start: cannot start the desktop app: the Electron binary could not be installed (${binary.missing}).`,
        'start: Electron downloads it from GitHub, which this machine could not reach.',
        'start: use Ensemble in a browser instead:',
        'start:   npm run relay           # then open http://127.0.0.1:4455/ in a browser',
        ''
      ].join('\n')
    )
    return 1
  }

  say(`launching ${binary.path}`)
  const electron = spawn(binary.path, ['.', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' })
  const forward = (signal: NodeJS.Signals): void => void electron.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return new Promise((resolve) => electron.once('exit', (code, signal) => resolve(code ?? (signal === null ? 0 : 1))))
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
