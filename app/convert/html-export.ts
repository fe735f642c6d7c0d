import { DOMSerializer, type Node } from 'prosemirror-model'
import { schema } from '../schema'
import type { DomNode, HtmlDom } from './html-dom'

const serializer = DOMSerializer.fromSchema(schema)

/** The document type prosemirror-model's serializer expects (the DOM's `Document` where DOM types exist). */
type SerializerDocument = NonNullable<Parameters<DOMSerializer['serializeFragment']>[1]>['document']

/** A few rules so that the page reads well on its own; the editor's own stylesheet is not part of it. */
const pageStyle = `
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 16px/1.6 system-ui, sans-serif; color: #222; }
img { max-width: 100%; }
pre { background: #f5f5f5; padding: .75rem; overflow-x: auto; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; color: #555; }
ul[data-type=tasks] { list-style: none; padding-left: .25rem; }
ul[data-type=tasks] > li { display: flex; gap: .5rem; }
ul[data-type=tasks] > li > .task-content > :first-child { margin-top: 0; }
table { border-collapse: collapse; margin: 1rem 0; }
td, th { border: 1px solid #bbb; padding: .3rem .6rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td > :first-child, th > :first-child { margin-top: 0; }
td > :last-child, th > :last-child { margin-bottom: 0; }
.mention-person { color: var(--mention-color, #1a62c9); font-weight: 600; }`

/**
 * Writes a document as a standalone HTML page. The markup is the schema's own (`toDOM`), which
 * `htmlToDocument` reads back into the same document; task lists keep their
 * `<ul data-type="tasks">` with a disabled checkbox per item.
 */
export const documentToHtml = (doc: Node, options: { readonly dom: HtmlDom; readonly title: string }): string => {
  const page = options.dom.parseDocument('<!doctype html><html><head></head><body></body></html>')
  const body = page.body
  if (body === null) throw new TypeError('the HTML DOM handed to the exporter made a document without <body>')
  body.appendChild(serializer.serializeFragment(doc.content, { document: page as unknown as SerializerDocument }) as unknown as DomNode)
  // The editor's `contenteditable="false"` means nothing in a file; a checkbox there is only a picture.
  for (const element of Array.from(body.querySelectorAll('[contenteditable]'))) element.removeAttribute('contenteditable')
  for (const box of Array.from(body.querySelectorAll('ul[data-type=tasks] input[type=checkbox]'))) box.setAttribute('disabled', '')
  // The head is written here rather than through the DOM: DOM implementations differ in how they
  // escape a <title>, and the title is the caller's text.
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="generator" content="Ensemble">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${pageStyle}\n</style>`,
    '</head>',
    `<body>\n${body.innerHTML}\n</body>`,
    '</html>',
    ''
  ].join('\n')
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!)
