/**
 * `npm run test:electronegativity`: runs @doyensec/electronegativity over the app's Electron code
 * (main/ and, once it exists, renderer/) and fails on any finding of medium severity or above.
 * Findings reviewed and accepted are silenced where they occur with an `eng-disable` comment that
 * says why. The page CSP is added to the scan as an HTML page so that electronegativity evaluates
 * the policy itself (in the code it is a constant it cannot read).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contentSecurityPolicy } from '../main/security/app-origin'
import { repoRoot } from './build-desktop'

interface Finding {
  readonly file: string
  readonly id: string
  readonly description: string
  readonly sample?: string
  readonly location: { readonly line: number; readonly column: number }
  readonly severity: { readonly value: number; readonly name: string }
  readonly confidence: { readonly name: string }
}
interface ParseError {
  readonly file: string
  readonly message: string
  /** `false`: the file could not be parsed, so it was not checked. */
  readonly tolerable: boolean
}
type Run = (options: Record<string, unknown>) => Promise<{ globalChecks: number; atomicChecks: number; issues: Finding[]; errors: ParseError[] }>

const require = createRequire(import.meta.url)
const loaded = require('@doyensec/electronegativity') as Run | { default: Run }
const run: Run = typeof loaded === 'function' ? loaded : loaded.default
const mediumSeverity = 2

/**
 * Checks left out, and why:
 * - AvailableSecurityFixesGlobalCheck downloads the list of Electron releases, which the test must
 *   not depend on (CI may be offline); Electron upgrades are a dependency-update matter.
 */
const excludedChecks = ['availablesecurityfixesglobalcheck']

const main = async (): Promise<number> => {
  const electronVersion = (JSON.parse(await readFile(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version
  const scan = await mkdtemp(join(tmpdir(), 'ensemble-electronegativity-'))
  try {
    for (const folder of ['main', 'renderer']) {
      if (!existsSync(join(repoRoot, folder))) continue
      // Tests and test fixtures are not part of the app.
      await cp(join(repoRoot, folder), join(scan, folder), {
        recursive: true,
        filter: (source) => !source.endsWith('.test.ts') && !source.split(/[\\/]/).includes('testing')
      })
    }
    await writeFile(
      join(scan, 'app-page-csp.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"></head><body></body></html>\n`
    )
    const { globalChecks, atomicChecks, issues, errors } = await run({
      input: scan,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: excludedChecks
    })
    // A file that does not parse was not checked at all: that is a failure, not a pass.
    const unparsed = errors.filter((error) => !error.tolerable)
    for (const error of unparsed) console.log(`UNCHECKED     ${error.file.replace(scan, '')}: ${error.message}`)
    const serious = issues.filter((finding) => finding.severity.value >= mediumSeverity)
    for (const finding of issues) {
      const where = `${finding.file}:${finding.location.line}:${finding.location.column}`
      console.log(`${finding.severity.name.padEnd(13)} ${finding.confidence.name.padEnd(9)} ${finding.id} ${where} ${finding.description}`)
    }
    console.log(
      `electronegativity (Electron ${electronVersion}): ${atomicChecks} atomic and ${globalChecks} global checks, ` +
        `${issues.length} findings, ${serious.length} of medium severity or above, ${unparsed.length} files that could not be parsed`
    )
    return serious.length === 0 && unparsed.length === 0 ? 0 : 1
  } finally {
    await rm(scan, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`electronegativity failed to run: ${error instanceof Error ? error.stack : String(error)}`)
    process.exit(1)
  }
)
