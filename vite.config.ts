import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * Builds the renderer (`renderer/index.html`) into `dist/web`, which the relay serves at `/` and
 * the desktop app loads into its windows. `base: './'` keeps asset URLs relative, so the same
 * build works from `http://relay/` and from a `file://` in Electron.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true
  },
  server: { port: 5173 }
})
