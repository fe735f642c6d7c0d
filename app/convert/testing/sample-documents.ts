import type { Mark, Node } from 'prosemirror-model'
import { highlightColors, textColors } from '../../formatting'
import { schema } from '../../schema'

/**
 * Documents for conversion tests. `wholeSchemaDocument` uses every node type, mark and attribute
 * value the schema has, in the nestings the editor can make, with text that needs escaping in
 * Markdown and HTML. Tests check that it really covers the schema, so a new node type fails them
 * until its conversions exist.
 */

const { nodes: n, marks: m } = schema
const text = (value: string, ...marks: Mark[]): Node => schema.text(value, marks)
const p = (...content: Array<Node | string>): Node => n.paragraph!.create(null, content.map((part) => (typeof part === 'string' ? text(part) : part)))
const li = (...content: Node[]): Node => n.list_item!.create(null, content)
const task = (checked: boolean, ...content: Node[]): Node => n.task_item!.create({ checked }, content)
export const tableRow = (...cells: Node[]): Node => n.table_row!.create(null, cells)
export const tableCell = (...content: Node[]): Node => n.table_cell!.create(null, content)
export const tableHeader = (...content: Node[]): Node => n.table_header!.create(null, content)
export const paragraph = p

const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const svg = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4='

export const wholeSchemaDocument: Node = n.doc!.create(null, [
  n.heading!.create({ level: 1 }, text('Minutes of the *weekly* meeting')),
  n.heading!.create({ level: 2 }, [text('Agenda & '), text('goals', m.italic!.create())]),
  n.heading!.create({ level: 3 }, text('3. Details')),
  p(
    'Plain, ',
    text('bold', m.bold!.create()),
    ', ',
    text('italic', m.italic!.create()),
    ', ',
    text('underlined', m.underline!.create()),
    ', ',
    text('struck', m.strike!.create()),
    ', ',
    text('code `x`', m.code!.create()),
    ', ',
    text('bold italic', m.bold!.create(), m.italic!.create()),
    ' and ',
    text('struck underline', m.underline!.create(), m.strike!.create()),
    '.'
  ),
  p(
    'A ',
    text('link', m.link!.create({ href: 'https://example.com/a_b?c=1&d=(2)' })),
    ', a ',
    text('titled link', m.link!.create({ href: 'https://example.com/t', title: 'The "title"' })),
    ', ',
    text('bold link', m.link!.create({ href: 'mailto:team@example.com' }), m.bold!.create()),
    ' and ',
    text('https://example.com/auto', m.link!.create({ href: 'https://example.com/auto' })),
    '.'
  ),
  p('Characters to escape: * _ ` \\ [x] <div> &amp; ~tilde~ # not a heading'),
  p('1) not a list'),
  p('- not a bullet'),
  p('first line', n.hard_break!.create(), 'second line', n.hard_break!.create(), n.hard_break!.create(), 'after two breaks'),
  p('ends with a break', n.hard_break!.create()),
  p(
    'Images: ',
    n.image!.create({ src: 'https://example.com/photo.jpg', alt: 'A photo', title: 'Holiday' }),
    ' ',
    n.image!.create({ src: pixel, alt: 'pixel' }),
    ' ',
    n.image!.create({ src: svg, alt: '' }),
    ' ',
    text('linked', m.link!.create({ href: 'https://example.com/gallery' }))
  ),
  n.blockquote!.create(null, [
    p('Quoted ', text('words', m.bold!.create())),
    n.bullet_list!.create(null, [li(p('quoted item'))]),
    p('second quoted paragraph')
  ]),
  n.code_block!.create(null, text('const fence = "```"\nif (a < b && c > d) {\n  return `*not* markdown`\n}')),
  n.horizontal_rule!.create(),
  n.bullet_list!.create(null, [
    li(p('first'), n.bullet_list!.create(null, [li(p('nested')), li(p('nested two'), n.ordered_list!.create({ order: 1 }, [li(p('deep'))]))])),
    li(p('second item'), p('with a second paragraph')),
    li(p('third with ', text('code', m.code!.create())))
  ]),
  n.bullet_list!.create(null, [li(p('an adjacent list stays a list of its own'))]),
  n.ordered_list!.create({ order: 1 }, [li(p('one')), li(p('two')), li(p('three'))]),
  n.ordered_list!.create({ order: 7 }, [li(p('seven')), li(p('eight'))]),
  n.task_list!.create(null, [
    task(false, p('open task')),
    task(true, p('done ', text('task', m.italic!.create()))),
    task(false, p('task with subtasks'), n.task_list!.create(null, [task(true, p('subtask'))]))
  ]),
  n.bullet_list!.create(null, [li(p('[x] a bullet that only looks like a task'))]),
  n.table!.create(null, [
    tableRow(tableHeader(p('Name')), tableHeader(p('Role ', text('a|b', m.code!.create()))), tableHeader(p('备注 notes'))),
    tableRow(
      tableCell(p(text('Ada', m.bold!.create()))),
      tableCell(p('lead | chair, ', text('site', m.link!.create({ href: 'https://example.com/ada' })))),
      tableCell(p('first paragraph'), p('second *paragraph*'))
    ),
    tableRow(tableCell(p('Grace')), tableCell(p()), tableCell(p('line', n.hard_break!.create(), 'break')))
  ]),
  n.table!.create(null, [tableRow(tableCell(p('a table')), tableCell(p('without a header row')))]),
  p('The end.')
])

/**
 * What Markdown cannot say, for the HTML round trip: text colours and highlights of every palette
 * colour, each alignment on paragraphs and headings, and mentions of a person and a document.
 */
export const formattedDocument: Node = n.doc!.create(null, [
  n.heading!.create({ level: 2, align: 'center' }, text('Centred heading')),
  p(
    ...textColors.flatMap((color) => [text(`${color.name} text`, m.text_color!.create({ color: color.name })), text(' ')]),
    text('bold red', m.bold!.create(), m.text_color!.create({ color: 'red' }))
  ),
  p(
    ...highlightColors.flatMap((color) => [text(`${color.name} highlight`, m.highlight!.create({ color: color.name })), text(' ')]),
    text('blue on yellow', m.text_color!.create({ color: 'blue' }), m.highlight!.create({ color: 'yellow' }))
  ),
  n.paragraph!.create({ align: 'right' }, text('Right')),
  n.paragraph!.create({ align: 'justify' }, text('Justified')),
  n.paragraph!.create({ align: 'center' }, [
    text('Ask '),
    n.mention!.create({ kind: 'person', label: 'Ana Lima', color: '#d7263d' }),
    text(' about '),
    n.mention!.create({ kind: 'document', label: 'team/launch plan', color: null }),
    text(', and '),
    n.mention!.create({ kind: 'person', label: '王芳', color: null })
  ])
])

/** Node and mark type names used anywhere in `doc`. */
export const typesUsed = (doc: Node): { nodes: Set<string>; marks: Set<string> } => {
  const nodes = new Set<string>([doc.type.name])
  const marks = new Set<string>()
  doc.descendants((node) => {
    nodes.add(node.type.name)
    for (const mark of node.marks) marks.add(mark.type.name)
  })
  return { nodes, marks }
}
