import { describe, expect, it } from 'vitest'
import { markdownToDocument } from './markdown-import'
import { documentToPlainText } from './plain-text'
import { wholeSchemaDocument } from './testing/sample-documents'

describe('plain text export', () => {
  it('writes blocks, lists, tasks and quotes as readable text without formatting', () => {
    const doc = markdownToDocument('# Title\n\nSome **bold** [link](https://x.test) text\\\nnext line\n\n- a\n  - b\n\n3. c\n\n- [x] done\n\n> quoted\n\n---\n\n![a chart](c.png)').doc
    expect(documentToPlainText(doc)).toBe(
      'Title\n\nSome bold link text\nnext line\n\n- a\n  - b\n\n3. c\n\n[x] done\n\n> quoted\n\n---\n\na chart\n'
    )
  })

  it('keeps code blocks exactly and loses no text of the whole schema', () => {
    const text = documentToPlainText(wholeSchemaDocument)
    expect(text).toContain('const fence = "```"\nif (a < b && c > d) {\n  return `*not* markdown`\n}')
    wholeSchemaDocument.descendants((node) => {
      if (node.isText) expect(text).toContain(node.text!.split('\n')[0])
    })
  })
})
