/**
 * Bundles the Electron side with esbuild into `dist/main/`:
 *   main.mjs           the main process (ESM; npm packages stay external, electron-builder ships them)
 *   preload.cjs        the sandboxed preload (one self-contained script; only `electron` is external)
 *   assets/            the tray icons
 * and the relay into `dist/relay/` (`tools/builds.mjs`): its `relay-process.mjs` is the
 * utilityProcess entry, built together with the `npm run relay` bundle from the same code.
 * `npm run build:desktop`; `npm start` and `npm run dist` run it first.
 */
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions } from 'esbuild'
import { buildRelayBundle, relayBundleDir } from './builds.mjs'

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** Conservative targets: the Electron in package.json (41) ships newer Node and Chromium than these. */
const nodeTarget = 'node22'
const chromeTarget = 'chrome140'

export const buildDesktop = async (
  outdir = join(repoRoot, 'dist/main'),
  relayOutdir = relayBundleDir
): Promise<{ outdir: string; relayOutdir: string }> => {
  const common: BuildOptions = {
    bundle: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: repoRoot,
    legalComments: 'none'
  }
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'main/electron/main.ts' },
      outdir,
      outExtension: { '.js': '.mjs' },
      platform: 'node',
      format: 'esm',
      target: nodeTarget,
      packages: 'external',
      external: ['electron']
    }),
    build({
      ...common,
      entryPoints: { preload: 'main/electron/preload.ts' },
      outdir,
      outExtension: { '.js': '.cjs' },
      platform: 'browser',
      format: 'cjs',
      target: chromeTarget,
      external: ['electron']
    }),
    buildRelayBundle(relayOutdir)
  ])
  await mkdir(join(outdir, 'assets'), { recursive: true })
  for (const icon of ['tray.png', 'tray@2x.png']) await copyFile(join(repoRoot, 'build', icon), join(outdir, 'assets', icon))
  return { outdir, relayOutdir }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now()
  buildDesktop().then(
    ({ outdir, relayOutdir }) =>
      console.log(`built the desktop main process and preload into ${outdir}, the relay into ${relayOutdir}, in ${Date.now() - started} ms`),
    (error: unknown) => {
      console.error(`build:desktop failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
  )
}
