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
    sourcemap: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        // The service worker must sit beside index.html (its scope) under a stable name.
        'service-worker': fileURLToPath(new URL('./renderer/service-worker.ts', import.meta.url))
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'service-worker' ? 'service-worker.js' : 'assets/[name]-[hash].js'),
        // The Markdown converters (import and export) in a chunk of their own: index.html preloads
        // it, so the service worker keeps it for offline use, and the editor chunk stays smaller.
        codeSplitting: {
          groups: [
            {
              name: 'converters',
              test: /node_modules[\\/](markdown-it|markdown-it-footnote|prosemirror-markdown|linkify-it|mdurl|uc\.micro|entities|punycode\.js)[\\/]/
            },
            // The emoji names (gemoji, 1,900 emoji) likewise: preloaded and kept offline, out of the editor chunk.
            { name: 'emoji-data', test: /node_modules[\\/]gemoji[\\/]/ }
          ]
        }
      }
    }
  },
  server: { port: 5173 }
})
