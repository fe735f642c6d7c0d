import { describe, expect, it } from 'vitest'
import { documentNameProblem } from '../../app/document-name'
import { documentNameForFile } from './import-file'

describe('documentNameForFile', () => {
  it('keeps what a document name may hold and adds a random suffix', () => {
    expect(documentNameForFile('Meeting notes (v2).md')).toMatch(/^Meeting notes \(v2\)-[a-z2-9]{4}$/)
    expect(documentNameForFile('Q3/plan: draft?.html')).toMatch(/^Q3-plan- draft-[a-z2-9]{4}$/)
    expect(documentNameForFile('.md')).toMatch(/^imported-[a-z2-9]{4}$/)
    expect(documentNameForFile('notes.md')).not.toBe(documentNameForFile('notes.md'))
  })

  it('always gives a valid document name', () => {
    for (const fileName of ['…', '  spaced  .md', 'a'.repeat(300) + '.md', '..', 'über Straße.markdown', '#!$%.html']) {
      expect(documentNameProblem(documentNameForFile(fileName))).toBeNull()
    }
  })
})
