import { defineConfig } from '@playwright/test'

/**
 * Browser end-to-end tests (`e2e/`) in the Debian Chromium: Playwright cannot download its own
 * browsers here. Each test starts its own relay (see e2e/fixtures.ts), so tests run in parallel.
 * `npm run test:e2e` builds the web client first.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

export default defineConfig({
  testDir: 'e2e',
  // One tsconfig without `paths` for every file the tests load: server/tsconfig.json and
  // tsconfig.tools.json map y-leveldb to its .d.ts for the type checker only, and Playwright would
  // apply that mapping at run time.
  tsconfig: './tsconfig.base.json',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.ENSEMBLE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    viewport: { width: 900, height: 700 },
    trace: 'retain-on-failure'
  }
})
