/**
 * What the test suites need from the machine besides npm packages, found or installed before
 * they run (`npm test` runs this first; so does `.ci/run`, before `npm ci`): Debian's Chromium for
 * the browser tests, Redis and PostgreSQL for the cluster and storage tests, OpenSSL for the TLS
 * tests, a Chinese font for the screenshots in Chinese. On Debian as root the missing ones are
 * installed with apt; elsewhere this names the exact command and fails, so that no suite is
 * skipped for want of a service.
 *
 * Plain JavaScript with no dependencies: it runs before `npm ci`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { delimiter, join } from 'node:path'

const onPath = (command) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, command)))
const postgresInstalled = () => {
  if (process.env.ENSEMBLE_PG_BIN !== undefined) return existsSync(join(process.env.ENSEMBLE_PG_BIN, 'initdb'))
  const root = '/usr/lib/postgresql'
  return existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')))
}

const chineseFontInstalled = () => {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  return fonts.status === 0 && fonts.stdout.trim() !== ''
}

/** Each thing the tests need: what for, the Debian package, and how to tell it is there. */
const needs = [
  {
    what: 'Chromium, for the browser tests',
    debian: 'chromium',
    present: () => existsSync(process.env.ENSEMBLE_CHROMIUM ?? '/usr/bin/chromium')
  },
  { what: 'Redis, for the cluster tests', debian: 'redis-server', present: () => onPath('redis-server') },
  { what: 'PostgreSQL, for the storage and cluster tests', debian: 'postgresql', present: postgresInstalled },
  { what: 'OpenSSL, for the TLS tests', debian: 'openssl', present: () => onPath('openssl') },
  { what: 'a Chinese font, for the Chinese screenshots of the e2e tests', debian: 'fonts-noto-cjk', present: chineseFontInstalled }
]

// The disk-full tests mount an 8 MiB tmpfs, which only root may do.
if (process.getuid?.() !== 0) {
  console.error('npm test runs as root: the disk-full tests mount a small tmpfs (server/testing/small-disk.ts). Run it with sudo, as CI does.')
  process.exit(1)
}

const missing = needs.filter((need) => !need.present())
if (missing.length === 0) {
  console.log(`test prerequisites: ${needs.map((need) => need.debian).join(', ')} are installed`)
  process.exit(0)
}

const packages = missing.map((need) => need.debian)
const hasApt = onPath('apt-get') && existsSync('/etc/debian_version')
if (!hasApt) {
  console.error(
    [
      'npm test needs what this machine lacks:',
      ...missing.map((need) => `  - ${need.what} (Debian package "${need.debian}")`),
      `Install them with your package manager (on Debian or Ubuntu: apt-get install -y ${packages.join(' ')}).`,
      'Chromium elsewhere: point ENSEMBLE_CHROMIUM at its executable; PostgreSQL: set ENSEMBLE_PG_BIN to the folder holding initdb.',
      'Then run npm test again.'
    ].join('\n')
  )
  process.exit(1)
}

const run = (args) => {
  console.log(`test prerequisites: apt-get ${args.join(' ')}`)
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (result.status !== 0) {
    console.error(`test prerequisites: apt-get ${args[0]} failed (exit ${result.status ?? result.signal}); install ${packages.join(' ')} by hand, then run npm test again`)
    process.exit(1)
  }
}
console.log(`test prerequisites: installing ${packages.join(', ')} (${missing.map((need) => need.what).join('; ')})`)
run(['update', '-qq'])
run(['install', '-y', '-qq', '--no-install-recommends', ...packages])
const stillMissing = missing.filter((need) => !need.present())
if (stillMissing.length > 0) {
  console.error(`test prerequisites: still missing after apt-get: ${stillMissing.map((need) => need.debian).join(', ')}`)
  process.exit(1)
}
console.log(`test prerequisites: installed ${packages.join(', ')}`)
