import { describe, expect, it } from 'vitest'
import { documentToHtml } from '../../app/convert/html-export'
import { htmlToDocument } from '../../app/convert/html-import'
import { formattedDocument, wholeSchemaDocument } from '../../app/convert/testing/sample-documents'
import { serverDom } from './server-dom'

const dom = serverDom
const read = (html: string) => htmlToDocument(html, { dom })
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

describe('HTML round trip (linkedom, as on the relay)', () => {
  it('reads back the exported page as the same document, without warnings', () => {
    const html = documentToHtml(wholeSchemaDocument, { dom, title: 'Minutes' })
    const { doc, warnings } = read(html)
    expect(warnings).toEqual([])
    expect(doc.toJSON()).toEqual(wholeSchemaDocument.toJSON())
  })

  it('keeps colours, highlights, alignment and mentions', () => {
    const html = documentToHtml(formattedDocument, { dom, title: 'Formatted' })
    const { doc, warnings } = read(html)
    expect(warnings).toEqual([])
    expect(doc.toJSON()).toEqual(formattedDocument.toJSON())
    // Attribute order is the DOM's (linkedom reverses it): each element is checked by its attributes.
    const element = (tag: string, attributes: Record<string, string>, text: string): RegExp =>
      new RegExp(`<${tag}${Object.entries(attributes).map(([name, value]) => `(?=[^>]* ${name}="${escape(value)}")`).join('')}[^>]*>${escape(text)}</${tag}>`)
    expect(html).toMatch(element('h2', { style: 'text-align: center' }, 'Centred heading'))
    expect(html).toMatch(element('span', { style: 'color: #c5221f', 'data-text-color': 'red' }, 'red text'))
    expect(html).toMatch(element('mark', { style: 'background-color: #fef08a', 'data-highlight': 'yellow' }, 'yellow highlight'))
    expect(html).toMatch(element('span', { 'data-mention': 'person', 'data-name': 'Ana Lima', 'data-color': '#d7263d' }, '@Ana Lima'))
    expect(html).toMatch(element('a', { 'data-mention': 'document', href: '?doc=team%2Flaunch%20plan' }, 'team/launch plan'))
  })

  it('writes a standalone page: title, charset, no editor attributes, disabled task boxes', () => {
    const html = documentToHtml(wholeSchemaDocument, { dom, title: 'Q3 <plans> & "goals"' })
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true)
    expect(html).toContain('<title>Q3 &lt;plans&gt; &amp; &quot;goals&quot;</title>')
    expect(html).not.toContain('contenteditable')
    expect(html).toMatch(/<li data-checked="true"><span class="task-checkbox"><input (?=[^>]*disabled)(?=[^>]*checked)[^>]*><\/span>/)
    expect(html).toContain('&lt;div&gt; &amp;amp;')
  })
})

describe('HTML import', () => {
  it('reads a fragment as well as a page', () => {
    expect(read('<p>Just <b>this</b></p>').doc.toJSON()).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'Just ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'this' }] }]
    })
    expect(read('plain words').doc.textContent).toBe('plain words')
  })

  it('reads GitHub-style task lists (a checkbox leading each item) as task lists', () => {
    const { doc, warnings } = read(
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled checked> shipped</li><li><input type="checkbox"> pending</li></ul>'
    )
    expect(warnings).toEqual([])
    expect(doc.child(0).type.name).toBe('task_list')
    expect(doc.child(0).content.content.map((item) => [item.attrs.checked, item.textContent.trim()])).toEqual([
      [true, 'shipped'],
      [false, 'pending']
    ])
  })

  it('keeps a table a table, and turns a table nested in a cell into one paragraph per row', () => {
    const { doc, warnings } = read(
      '<table><thead><tr><th>Name</th><th>Notes</th></tr></thead><tbody><tr><td>Ada</td><td><table><tr><td>x</td><td>y</td></tr><tr><td><table><tr><td>deep</td></tr></table></td></tr></table></td></tr></tbody></table>'
    )
    expect(doc.childCount).toBe(1)
    const table = doc.child(0)
    expect(table.type.name).toBe('table')
    expect(table.child(0).content.content.map((cell) => [cell.type.name, cell.textContent])).toEqual([
      ['table_header', 'Name'],
      ['table_header', 'Notes']
    ])
    expect(table.child(1).child(1).content.content.map((block) => [block.type.name, block.textContent])).toEqual([
      ['paragraph', 'x | y'],
      ['paragraph', 'deep']
    ])
    expect(warnings).toEqual([{ kind: 'nested-table', count: 2, message: expect.stringMatching(/^Tables inside table cells \(2\) became one paragraph per row/) }])
  })

  it('reports what it leaves out and what loses its formatting', () => {
    const { doc, warnings } = read(
      '<h5>Small heading</h5><p>H<sub>2</sub>O <small>small</small></p><video src="a.mp4"></video><script>alert(1)</script><iframe src="https://x.test"></iframe>'
    )
    expect(doc.child(0).type.name).toBe('heading')
    expect(doc.child(0).attrs.level).toBe(3)
    expect(doc.child(1).textContent).toBe('H2O small')
    expect(doc.textContent).not.toContain('alert')
    expect(Object.fromEntries(warnings.map((warning) => [warning.kind, warning.message]))).toEqual({
      'dropped-element': 'Elements without text <video>, <script>, <iframe> (3) were left out (Ensemble documents cannot hold them).',
      'heading-level': expect.stringMatching(/^Headings of level 4 to 6 \(1\)/),
      'unsupported-element': expect.stringMatching(/^Unsupported elements <sub>, <small> \(2\) are not part of Ensemble documents; their text was kept/)
    })
  })

  it('removes links and images that could run code', () => {
    const { doc, warnings } = read('<p><a href=" javascript:alert(1)">x</a> <img src="data:text/html,<b>" alt="pic"> <a href="#top">top</a></p>')
    expect(doc.child(0).textContent).toBe('x pic top')
    expect(warnings.map((warning) => warning.kind).sort()).toEqual(['unsafe-image', 'unsafe-link'])
    expect(doc.child(0).lastChild!.marks[0]!.attrs.href).toBe('#top')
  })

  it('keeps no unsafe link on the description of an unsafe image inside it', () => {
    const { doc } = read('<p><a href="javascript:alert(1)"><img src="javascript:alert(2)" alt="pic"></a></p>')
    expect(doc.child(0).textContent).toBe('pic')
    expect(doc.child(0).firstChild!.marks).toEqual([])
  })

  it('brings pasted colours to the palette and drops the default ones (as Google Docs writes them)', () => {
    const { doc } = read(
      '<p><span style="color:#000000">plain</span> <span style="color: rgb(230, 0, 0)">red</span> <span style="color:#3c78d8;background-color:#ffff00">blue on yellow</span>' +
        ' <span style="background-color: transparent">none</span> <mark>marked</mark> <span style="color: url(javascript:x)">bad</span></p>'
    )
    const marksOf = (text: string) =>
      doc.child(0).content.content.find((node) => node.text?.trim() === text)!.marks.map((mark) => `${mark.type.name}:${mark.attrs.color as string}`)
    expect(marksOf('red')).toEqual(['text_color:red'])
    expect(marksOf('blue on yellow')).toEqual(['text_color:blue', 'highlight:yellow'])
    expect(doc.child(0).textContent).toBe('plain red blue on yellow none marked bad')
    expect(doc.child(0).content.content.filter((node) => node.marks.length === 0).map((node) => node.text)).toEqual(['plain ', ' ', ' none ', ' bad'])
    expect(marksOf('marked')).toEqual(['highlight:yellow'])
    expect(marksOf('bad')).toEqual([])
  })

  it('reads alignment from text-align and align, and leaves left and start unstored', () => {
    const { doc } = read('<p style="line-height:1.38;text-align: center;">a</p><h1 align="right">b</h1><p style="text-align:left">c</p><p style="text-align: start">d</p><p style="text-align: end">e</p>')
    expect(doc.content.content.map((block) => block.attrs.align as unknown)).toEqual(['center', 'right', null, null, 'right'])
  })

  it('reads a mention of an invalid document name as the link it looks like', () => {
    const { doc } = read('<p><a data-mention="document" data-document="../x" href="?doc=..%2Fx">x</a> <span data-mention="person" data-color="red; x: y">@Ana</span></p>')
    const [link, , person] = doc.child(0).content.content
    expect(link!.marks[0]!.type.name).toBe('link')
    expect(person!.type.name).toBe('mention')
    expect(person!.attrs).toEqual({ kind: 'person', label: 'Ana', color: null })
  })

  it('gives an empty page a valid document', () => {
    const { doc } = read('<!doctype html><html><head><title>x</title></head><body></body></html>')
    expect(() => doc.check()).not.toThrow()
  })
})
