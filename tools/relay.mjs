/**
 * `npm run relay`: runs the compiled relay (`dist/relay/cli.mjs`), building it and the web client
 * it serves first when they are missing or older than their sources. Plain JavaScript under plain
 * `node`: no TypeScript loader in the relay's process.
 */
import { pathToFileURL } from 'node:url'
import { ensureRelayBundle, ensureWebClient, relayCliBundle } from './builds.mjs'

try {
  for (const built of [await ensureRelayBundle(), await ensureWebClient()]) {
    if (built !== null) process.stderr.write(`ensemble relay: ${built}\n`)
  }
} catch (error) {
  process.stderr.write(`ensemble relay: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
// The bundle reads its flags from process.argv.slice(2), which are this script's.
await import(pathToFileURL(relayCliBundle).href)
