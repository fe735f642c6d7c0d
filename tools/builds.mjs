/**
 * What `npm run relay` runs and serves, built when missing or older than its sources.
 *
 * The relay as it ships: one esbuild build of its two entry points into `dist/relay/`:
 *   cli.mjs            `npm run relay`, the standalone relay (server/cli.ts)
 *   relay-process.mjs  the desktop app's utilityProcess entry (main/relay-process/entry.ts)
 * with the code they share in one chunk, and npm packages left as imports (they resolve from
 * node_modules). Running the bundle instead of the TypeScript sources keeps `tsx` (its loader
 * thread and about 30 MB of RSS) out of production and of the benchmark's figures.
 *
 * The web client: Vite's build of `renderer/` into `dist/web/` (vite.config.ts), which the relay
 * serves at `/`.
 *
 * Plain JavaScript, so that it runs before anything is compiled: `npm install` builds the relay
 * (postinstall), and `npm run relay` rebuilds either when a source is newer than its build.
 */
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))
export const relayBundleDir = join(repoRoot, 'dist/relay')
export const relayCliBundle = join(relayBundleDir, 'cli.mjs')
export const relayProcessBundle = join(relayBundleDir, 'relay-process.mjs')
export const webClientIndex = join(repoRoot, 'dist/web/index.html')

/** The newest modification time (ms) of the non-test sources (by extension) under `dirs`, and of `files`. */
const newestSourceTime = (dirs, extensions, files) => {
  let newest = 0
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (extensions.some((extension) => entry.name.endsWith(extension)) && !entry.name.endsWith('.test.ts')) {
        newest = Math.max(newest, statSync(path).mtimeMs)
      }
    }
  }
  for (const dir of dirs) visit(join(repoRoot, dir))
  for (const file of files) newest = Math.max(newest, statSync(join(repoRoot, file)).mtimeMs)
  return newest
}

/** The oldest modification time (ms) of `outputs`, or -1 when one is missing. */
const oldestOutputTime = (outputs) => {
  try {
    return Math.min(...outputs.map((output) => statSync(output).mtimeMs))
  } catch {
    return -1
  }
}

/** Whether the relay bundle is missing or older than one of its sources. */
export const relayBundleIsStale = () =>
  oldestOutputTime([relayCliBundle, relayProcessBundle]) <
  newestSourceTime(['server', 'app', 'main/relay-process'], ['.ts'], ['package-lock.json', 'tools/builds.mjs'])

/** Whether the web client is missing or older than one of its sources. */
export const webClientIsStale = () =>
  oldestOutputTime([webClientIndex]) < newestSourceTime(['renderer', 'app'], ['.ts', '.css', '.html'], ['package-lock.json', 'vite.config.ts'])

/** Builds the bundle into `outdir`; resolves with how long it took, in ms. */
export const buildRelayBundle = async (outdir = relayBundleDir) => {
  const started = Date.now()
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch (error) {
    throw new Error(
      `cannot build the relay: esbuild is not installed (${error instanceof Error ? error.message : String(error)}). ` +
        'Run `npm install` in the project folder (it installs the build tools and builds the relay).',
      { cause: error }
    )
  }
  // Chunk names carry a hash: a rebuild would otherwise leave the old ones beside the new.
  rmSync(outdir, { recursive: true, force: true })
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: { cli: 'server/cli.ts', 'relay-process': 'main/relay-process/entry.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    external: ['electron'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning'
  })
  return Date.now() - started
}

/** Builds the bundle when it is stale; returns a line saying what was done, or `null` when it was fresh. */
export const ensureRelayBundle = async () => {
  if (!relayBundleIsStale()) return null
  const ms = await buildRelayBundle()
  return `built the relay into ${relative(repoRoot, relayBundleDir)}/ in ${ms} ms`
}

/** Builds the web client with Vite when it is stale; returns a line saying what was done, or `null` when it was fresh. */
export const ensureWebClient = async () => {
  if (!webClientIsStale()) return null
  const started = Date.now()
  const { build } = await import('vite')
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' })
  return `built the web client into dist/web/ in ${Date.now() - started} ms`
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildRelayBundle().then(
    (ms) => console.log(`built the relay into ${relative(repoRoot, relayBundleDir)}/ in ${ms} ms`),
    (error) => {
      console.error(`building the relay failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
  )
}
