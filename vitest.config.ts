import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{app,server,main,renderer,tools,bench,patches}/**/*.test.ts'],
    testTimeout: 30_000,
    // It imports its JSON schema without an import attribute, which Node refuses; Vite's transform does not.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    hookTimeout: 30_000
  }
})
