import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{app,server,main,renderer,tools,bench}/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
