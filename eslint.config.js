// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'

/**
 * The folder table of ARCHITECTURE.md, enforced: each zone lists the folders its files may not
 * import from. Node built-ins and Electron are banned separately below.
 */
const layers = {
  app: ['server', 'main', 'renderer', 'e2e', 'bench', 'tools', 'build'],
  server: ['main', 'renderer', 'e2e', 'bench', 'tools', 'build'],
  renderer: ['server', 'main', 'e2e', 'bench', 'tools', 'build'],
  main: ['renderer', 'e2e', 'bench', 'tools', 'build']
}

const nodeBuiltins = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'util', 'worker_threads', 'events', 'buffer', 'process'],
  message: 'Node built-ins are not available here (ARCHITECTURE.md, folder table).'
}
const electron = { group: ['electron', 'electron/*'], message: 'Only main/ may import Electron (ARCHITECTURE.md).' }

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'ensemble-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })]
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...Object.entries(layers).map(([target, from]) => ({
              target: `./${target}`,
              from: from.map((folder) => `./${folder}`),
              message: `${target}/ may not import from this folder (ARCHITECTURE.md, folder table).`
            })),
            {
              target: './!(e2e|bench|tools)/**/*',
              from: ['./e2e', './bench', './tools'],
              message: 'e2e/, bench/ and tools/ are never imported.'
            }
          ]
        }
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer']
    }
  },
  {
    files: ['renderer/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron] }] }
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron] }] }
  },
  {
    // Plain-JavaScript tools that run before anything is compiled, under Node.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } }
  }
)
