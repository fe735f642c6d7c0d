import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createDocumentDoc } from './document'
import { displayTitle, documentTitle, maxTitleLength, normalizeTitle, observeDocumentTitle, setDocumentTitle } from './document-title'

const linked = (): [Y.Doc, Y.Doc] => {
  const a = createDocumentDoc()
  const b = createDocumentDoc()
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
  b.on('update', (update: Uint8Array) => Y.applyUpdate(a, update))
  return [a, b]
}

describe('document title', () => {
  it('lives in the Y.Doc, so every copy shows the same title and hears of changes', () => {
    const [ana, ben] = linked()
    const heard: Array<string | null> = []
    observeDocumentTitle(ben, (title) => heard.push(title))
    expect(displayTitle(ben, 'team/plan')).toBe('team/plan')
    expect(setDocumentTitle(ana, '  Quarterly   plan ', 'team/plan')).toBe(true)
    expect(documentTitle(ben)).toBe('Quarterly plan')
    expect(setDocumentTitle(ben, '季度计划', 'team/plan')).toBe(true)
    expect(displayTitle(ana, 'team/plan')).toBe('季度计划')
    expect(heard).toEqual(['Quarterly plan', '季度计划'])
  })

  it('falls back to the document name when emptied or set to the name, and reports no change when there is none', () => {
    const doc = createDocumentDoc()
    setDocumentTitle(doc, 'Plan', 'plan')
    expect(setDocumentTitle(doc, 'Plan', 'plan')).toBe(false)
    expect(setDocumentTitle(doc, '   ', 'plan')).toBe(true)
    expect(documentTitle(doc)).toBeNull()
    expect(setDocumentTitle(doc, '', 'plan')).toBe(false)
    expect(setDocumentTitle(doc, 'plan', 'plan')).toBe(false)
    expect(displayTitle(doc, 'plan')).toBe('plan')
  })

  it('keeps a title to one line of at most 200 characters, counting characters, not UTF-16 units', () => {
    expect(normalizeTitle('a\nb\tc')).toBe('a b c')
    expect(Array.from(normalizeTitle('😀'.repeat(300)))).toHaveLength(maxTitleLength)
    const doc = createDocumentDoc()
    doc.getMap('meta').set('title', 42)
    expect(documentTitle(doc)).toBeNull()
  })
})
