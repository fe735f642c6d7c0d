import { describe, expect, it } from 'vitest'
import { changeMarkName } from '../history/change-mark'
import { schema } from '../schema'
import { markdownToDocument } from './markdown-import'
import { documentToMarkdown } from './markdown-export'
import { formattedDocument, typesUsed, wholeSchemaDocument } from './testing/sample-documents'

const kinds = (markdown: string): string[] => markdownToDocument(markdown).warnings.map((warning) => warning.kind)
const json = (markdown: string): unknown => markdownToDocument(markdown).doc.toJSON()

describe('the sample documents', () => {
  it('use every node type and mark a document can hold', () => {
    const [whole, formatted] = [typesUsed(wholeSchemaDocument), typesUsed(formattedDocument)]
    const used = { nodes: new Set([...whole.nodes, ...formatted.nodes]), marks: new Set([...whole.marks, ...formatted.marks]) }
    expect([...used.nodes].sort()).toEqual(Object.keys(schema.nodes).sort())
    // The change mark exists only in the view of a version (app/history/change-mark.ts), never in a
    // document; suggestions are exported as accepted, never as marks (app/suggestions/).
    const documentMarks = Object.keys(schema.marks).filter((mark) => mark !== changeMarkName && mark !== 'insertion' && mark !== 'deletion')
    expect([...used.marks].sort()).toEqual(documentMarks.sort())
    expect(() => wholeSchemaDocument.check()).not.toThrow()
    expect(() => formattedDocument.check()).not.toThrow()
  })
})

describe('Markdown round trip', () => {
  it('reads back the exported document unchanged, without warnings', () => {
    const markdown = documentToMarkdown(wholeSchemaDocument)
    const { doc, warnings } = markdownToDocument(markdown)
    expect(warnings).toEqual([])
    expect(doc.toJSON()).toEqual(wholeSchemaDocument.toJSON())
    expect(doc.eq(wholeSchemaDocument)).toBe(true)
  })

  it('writes the same Markdown again from what it read', () => {
    const markdown = documentToMarkdown(wholeSchemaDocument)
    expect(documentToMarkdown(markdownToDocument(markdown).doc)).toBe(markdown)
  })

  it('maps the extensions as documented', () => {
    const markdown = documentToMarkdown(wholeSchemaDocument)
    expect(markdown).toContain('- [ ] open task\n- [x] done *task*\n- [ ] task with subtasks\n  - [x] subtask')
    expect(markdown).toContain('<u>underlined</u>')
    expect(markdown).toContain('~~struck~~')
    expect(markdown).toContain('![A photo](https://example.com/photo.jpg "Holiday")')
    expect(markdown).toContain('ends with a break<br>')
    expect(markdown).toContain('first line\\\nsecond line')
    // Adjacent lists keep apart by alternating their markers.
    expect(markdown).toContain('* an adjacent list stays a list of its own')
    expect(markdown).toContain('7) seven')
    expect(markdown).toContain('\\[x\\] a bullet that only looks like a task')
    expect(markdown).toContain(
      [
        '| Name | Role `a\\|b` | 备注 notes |',
        '| --- | --- | --- |',
        '| **Ada** | lead \\| chair, [site](https://example.com/ada) | first paragraph<br><br>second \\*paragraph\\* |',
        '| Grace | | line<br>break |',
        '',
        '| | |',
        '| --- | --- |',
        '| a table | without a header row |'
      ].join('\n')
    )
  })
})

describe('Markdown import', () => {
  it('reads GFM: task lists, strikethrough, autolinks and nested tasks', () => {
    expect(json('- [ ] a\n- [X] b\n  - [x] c\n\n~~gone~~ www.example.com')).toEqual({
      type: 'doc',
      content: [
        {
          type: 'task_list',
          content: [
            { type: 'task_item', attrs: { checked: false }, content: [{ type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'a' }] }] },
            {
              type: 'task_item',
              attrs: { checked: true },
              content: [
                { type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'b' }] },
                { type: 'task_list', content: [{ type: 'task_item', attrs: { checked: true }, content: [{ type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'c' }] }] }] }
              ]
            }
          ]
        },
        {
          type: 'paragraph',
          attrs: { align: null },
          content: [
            { type: 'text', marks: [{ type: 'strike' }], text: 'gone' },
            { type: 'text', text: ' ' },
            { type: 'text', marks: [{ type: 'link', attrs: { href: 'http://www.example.com', title: null } }], text: 'www.example.com' }
          ]
        }
      ]
    })
    expect(kinds('- [ ] a\n- [X] b')).toEqual([])
  })

  it('reads setext headings, indented code, entities and <ins> as underline', () => {
    const doc = markdownToDocument('Title\n=====\n\n    code here\n\n&copy; <ins>new</ins>').doc
    expect(doc.child(0).type.name).toBe('heading')
    expect(doc.child(1).type.name).toBe('code_block')
    expect(doc.child(1).textContent).toBe('code here')
    expect(doc.child(2).textContent).toBe('© new')
    expect(doc.child(2).child(1).marks.map((mark) => mark.type.name)).toEqual(['underline'])
  })

  it('gives an empty file one empty paragraph, a valid document', () => {
    const { doc, warnings } = markdownToDocument('')
    expect(() => doc.check()).not.toThrow()
    expect(doc.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { align: null } }] })
    expect(warnings).toEqual([])
  })

  it('keeps a raw HTML block as a code block, drops comments, and reports both', () => {
    const { doc, warnings } = markdownToDocument('<div class="note">\n  <b>hi</b>\n</div>\n\n<!-- private -->\n\nafter')
    expect(doc.child(0).type.name).toBe('code_block')
    expect(doc.child(0).textContent).toBe('<div class="note">\n  <b>hi</b>\n</div>')
    expect(doc.childCount).toBe(2)
    expect(warnings.map((warning) => warning.kind)).toEqual(['html-block', 'html-comment'])
  })

  it('drops inline HTML tags it cannot map but keeps their text, naming the tags', () => {
    const { doc, warnings } = markdownToDocument('H<sub>2</sub>O and <kbd>Ctrl</kbd>, line<br>break')
    expect(doc.child(0).textContent).toBe('H2O and Ctrl, linebreak')
    expect(doc.child(0).content.content.some((node) => node.type.name === 'hard_break')).toBe(true)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toMatch(/^Inline HTML tags <sub>, <kbd> \(4; line 1, line 1, line 1, line 1\) were left out/)
  })

  it('does not underline the rest of a paragraph after a lone <u>', () => {
    const { doc, warnings } = markdownToDocument('a <u>b c')
    expect(doc.child(0).textContent).toBe('a b c')
    expect(doc.child(0).content.content.every((node) => node.marks.length === 0)).toBe(true)
    expect(warnings.map((warning) => warning.kind)).toEqual(['html-inline'])
  })

  it('turns footnotes into numbered notes at the end', () => {
    const { doc, warnings } = markdownToDocument('Claim[^src] and more[^2].\n\n[^src]: The source.\n[^2]: Another.')
    expect(doc.child(0).textContent).toBe('Claim[1] and more[2].')
    expect(doc.child(1).type.name).toBe('horizontal_rule')
    expect(doc.child(2).type.name).toBe('ordered_list')
    expect(doc.child(2).textContent).toBe('The source.Another.')
    expect(warnings).toEqual([{ kind: 'footnote', count: 2, message: expect.stringContaining('numbered list at the end') }])
  })

  it('makes headings 4 to 6 level 3 and reports code block languages it drops', () => {
    const { doc, warnings } = markdownToDocument('#### four\n\n###### six\n\n```ts\nlet a\n```')
    expect(doc.child(0).attrs.level).toBe(3)
    expect(doc.child(1).attrs.level).toBe(3)
    expect(doc.child(2).textContent).toBe('let a')
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^Headings of level 4 to 6 \(2; line 1, line 3\)/),
      expect.stringMatching(/^Code block languages ts \(1; line 5\)/)
    ])
  })

  it('keeps a list that mixes tasks and plain items as a bulleted list with its text', () => {
    const { doc, warnings } = markdownToDocument('- [ ] task\n- plain')
    expect(doc.child(0).type.name).toBe('bullet_list')
    expect(doc.child(0).child(0).textContent).toBe('[ ] task')
    expect(warnings.map((warning) => warning.kind)).toEqual(['mixed-task-list'])
  })

  it('removes links and images that could run code, keeping their text', () => {
    const { doc, warnings } = markdownToDocument('[click](javascript:alert(1)) ![logo](vbscript:x) [ok](./notes.md) ![i](https://x.test/i.png)')
    expect(doc.child(0).textContent).toBe('click logo ok ')
    const marks = doc.child(0).content.content.flatMap((node) => node.marks.map((mark) => mark.attrs.href as string))
    expect(marks).toEqual(['./notes.md'])
    expect(doc.child(0).lastChild!.type.name).toBe('image')
    expect(warnings.map((warning) => warning.kind).sort()).toEqual(['unsafe-image', 'unsafe-link'])
  })

  it('reads ordered lists with their start and ) delimiters', () => {
    const { doc } = markdownToDocument('3) three\n4) four')
    expect(doc.child(0).type.name).toBe('ordered_list')
    expect(doc.child(0).attrs.order).toBe(3)
  })
})
