import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The renderer files whose words go through the message catalogue (`app/i18n`). The home screen,
 * the editor's toolbar and the editor screen's header are converted separately and not yet here.
 */
const translatedAreas = [
  'renderer/panels',
  'renderer/settings',
  'renderer/share',
  'renderer/transfer',
  'renderer/session',
  'renderer/private-messages',
  'renderer/shell',
  'renderer/editor',
  'renderer/screens/name-prompt.ts',
  'renderer/ui/dialog.ts',
  'renderer/ui/dom.ts',
  'renderer/ui/copy-field.ts',
  'renderer/diagnostics.ts',
  'renderer/main.ts'
]
const notYet = new Set(['renderer/editor/toolbar.ts'])

const root = join(import.meta.dirname, '..')

const sourceFiles = (path: string): string[] => {
  const full = join(root, path)
  if (statSync(full).isFile()) return [path]
  return readdirSync(full).flatMap((name) => sourceFiles(join(path, name)))
}

/**
 * Words a person reads, written where the DOM gets them: assigned to `textContent`, `title`,
 * `placeholder` or an `aria-label`, as an attribute of `h()` or a template, or as text between a
 * template's tags, or as a text child of `h()`. A word is two letters in a row, so symbols (`↑`, `✉`,
 * `A`) pass. Text built in other ways (a variable holding a literal, `append('words')`) is not
 * seen: the test catches the usual slips, it does not prove their absence.
 */
const literalPatterns: readonly RegExp[] = [
  /\.(?:textContent|title|placeholder|alt)\s*=\s*(['`])[^'`]*[A-Za-z]{2}/,
  /setAttribute\('(?:aria-label|title|placeholder|alt)',\s*(['`])[^'`]*[A-Za-z]{2}/,
  /'(?:aria-label|title|placeholder|alt)':\s*(['`])[^'`]*[A-Za-z]{2}/,
  /\b(?:aria-label|title|placeholder|alt)="(?![a-z]+:\/\/)[^"]*[A-Za-z]{2}[^"]*"/,
  /<\/?[a-z][^<>]*>\s*[A-Za-z]{2}[^<>]*<\/?[a-z]/,
  // A text child of `h(tag, attributes, 'Words')`.
  /\},\s*(['`])[^'`]*[A-Za-z]{2}[^'`]*\1\)/,
  /(?:showNotice|notify|showProblem)\((['`])[^'`]*[A-Za-z]{2}/,
  /throw new \w*Error\((['`])[^'`]*[A-Za-z]{2}/
]

/** Lines that are not shown to people: comments, console output and internal errors marked as such. */
const exempt = (line: string): boolean => /^\s*(\/\/|\*|\/\*\*)/.test(line) || /console\.(log|warn|error|info)/.test(line)

/** Internal errors (a programmer's mistake, never a user's): kept in English for the logs. */
const internalErrors = [
  'the editor has no y-prosemirror sync plugin',
  'the template has no',
  'unknown connection state',
  'unknown update state',
  'unknown hand-over state',
  'index.html lacks the #app element',
  'the provider has no sync message handler',
  "the relay's access check"
]

describe('renderer strings', () => {
  const files = translatedAreas.flatMap(sourceFiles).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !notYet.has(file))

  it('finds the files it checks', () => {
    expect(files.length).toBeGreaterThan(60)
  })

  it('shows no English literal outside t() in the translated areas', () => {
    const found: string[] = []
    for (const file of files) {
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (exempt(line) || internalErrors.some((message) => line.includes(message))) return
          // What `${…}` puts into a template is code, not words.
          const words = line.replace(/\$\{[^}]*\}/g, '')
          if (literalPatterns.some((pattern) => pattern.test(words))) found.push(`${relative(root, join(root, file))}:${index + 1}: ${line.trim()}`)
        })
    }
    expect(found).toEqual([])
  })

  it('would catch the kinds of literal it looks for', () => {
    const samples = [
      "button.textContent = 'Retry now'",
      "h('input', { placeholder: 'x', 'aria-label': 'Version name' })",
      '<button type="button">Stop hosting</button>',
      '<div aria-label="Suggested colours"></div>',
      "showNotice(`Saved the PDF as ${path}.`)",
      "throw new RangeError('you are offline')",
      "h('button', { type: 'submit' }, 'Save version')"
    ]
    for (const sample of samples) expect(literalPatterns.some((pattern) => pattern.test(sample)), sample).toBe(true)
    expect(literalPatterns.some((pattern) => pattern.test("button.textContent = t('connection.retry')"))).toBe(false)
    expect(literalPatterns.some((pattern) => pattern.test("button.textContent = '✉'"))).toBe(false)
  })
})
