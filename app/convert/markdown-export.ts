import type { Node } from 'prosemirror-model'
import { defaultMarkdownSerializer, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown'
import { schema } from '../schema'
import { tableAsMarkdown } from './markdown-tables'
import { documentMentionHref, type MentionAttrs } from '../mentions'

/**
 * Writes a document as Markdown that `markdownToDocument` reads back into the same document
 * (the round trip is tested over the whole schema). CommonMark carries most of the schema; for the
 * rest Ensemble writes what GitHub and most editors read:
 *
 * | schema | Markdown |
 * |---|---|
 * | `task_list` / `task_item` | `- [ ] text` / `- [x] text` (GFM task lists) |
 * | `strike` | `~~text~~` (GFM) |
 * | `underline` | `<u>text</u>` (inline HTML; CommonMark has no underline) |
 * | `image` | `![alt](src "title")`, pasted images as `data:` URLs |
 * | `hard_break` | a backslash at the end of the line; `<br>` at the end of a paragraph or in a table |
 * | `table` | a GFM pipe table (`markdown-tables.ts` says how cells that hold more than a line are written) |
 * | `mention` | `@Name` for a person, `[name](?doc=name)` for a document |
 *
 * Markdown has no colours or alignment: text colour, highlight and alignment are left out (the
 * text stays), as every Markdown editor does.
 * Adjacent lists alternate their markers (`-`/`*`, `1.`/`1)`), which is what keeps them separate
 * lists in CommonMark. Empty paragraphs have no Markdown form and are left out.
 */
export const documentToMarkdown = (doc: Node): string => serializer.serialize(doc, { tightLists: true }).trimEnd() + '\n'

const listTypes = new Set(['bullet_list', 'task_list', 'ordered_list'])

/** Whether the list at `index` of `parent` must use the alternative marker to stay apart from the list before it. */
const alternateMarker = (parent: Node, index: number): boolean => {
  let alternate = false
  // A run of adjacent lists of the same kind alternates; any other block in between resets it.
  for (let at = index - 1; at >= 0; at--) {
    const before = parent.child(at)
    if (!listTypes.has(before.type.name) || isOrdered(before) !== isOrdered(parent.child(index))) break
    alternate = !alternate
  }
  return alternate
}

const isOrdered = (node: Node): boolean => node.type.name === 'ordered_list'

/** A URL as a Markdown link destination: in `<…>` when it holds spaces or brackets. */
const destination = (url: string): string =>
  /[\s<>]/.test(url) ? `<${url.replace(/[<>]/g, (char) => encodeURIComponent(char))}>` : url.replace(/[()]/g, '\\$&')

const title = (value: unknown): string => (typeof value === 'string' && value !== '' ? ` "${value.replace(/["\\]/g, '\\$&')}"` : '')

const bulletList = (state: MarkdownSerializerState, node: Node, parent: Node, index: number): void => {
  const bullet = alternateMarker(parent, index) ? '* ' : '- '
  state.renderList(node, '  ', () => bullet)
}

const defaults = defaultMarkdownSerializer.nodes

type NodeSerializers = ConstructorParameters<typeof MarkdownSerializer>[0]

const nodeSerializers: NodeSerializers = {
  blockquote: defaults.blockquote!,
  code_block: defaults.code_block!,
  heading: defaults.heading!,
  horizontal_rule: defaults.horizontal_rule!,
  paragraph: defaults.paragraph!,
  list_item: defaults.list_item!,
  text: defaults.text!,
  bullet_list: bulletList,
  task_list: bulletList,
  task_item: (state, node) => {
    state.write(node.attrs.checked === true ? '[x] ' : '[ ] ')
    state.renderContent(node)
  },
  ordered_list: (state, node, parent, index) => {
    const start = node.attrs.order as number
    const delimiter = alternateMarker(parent, index) ? ') ' : '. '
    const width = String(start + node.childCount - 1).length
    state.renderList(node, state.repeat(' ', width + 2), (item) => {
      const number = String(start + item)
      return state.repeat(' ', width - number.length) + number + delimiter
    })
  },
  image: (state, node) => {
    state.write(`![${state.esc((node.attrs.alt as string) ?? '')}](${destination(node.attrs.src as string)}${title(node.attrs.title)})`)
  },
  mention: (state, node) => {
    const { kind, label } = node.attrs as MentionAttrs
    if (kind === 'document') state.write(`[${state.esc(label)}](${documentMentionHref(label)})`)
    else state.text(`@${label}`)
  },
  hard_break: (state, node, parent, index) => {
    // A backslash break needs text after it on the next line; at the end of a paragraph only HTML says it.
    let textFollows = false
    for (let at = index + 1; at < parent.childCount && !textFollows; at++) textFollows = parent.child(at).type !== node.type
    state.write(textFollows ? '\\\n' : '<br>')
  },
  table: (state, node) => {
    for (const line of tableAsMarkdown(node, inlineMarkdown)) {
      state.write(line)
      state.ensureNewLine()
    }
    state.closeBlock(node)
  }
}

const markSerializers: ConstructorParameters<typeof MarkdownSerializer>[1] = {
  italic: { open: '*', close: '*', mixable: true, expelEnclosingWhitespace: true },
  bold: { open: '**', close: '**', mixable: true, expelEnclosingWhitespace: true },
  strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
  underline: { open: '<u>', close: '</u>', mixable: true, expelEnclosingWhitespace: true },
  code: defaultMarkdownSerializer.marks.code!,
  text_color: { open: '', close: '', mixable: true },
  highlight: { open: '', close: '', mixable: true },
  link: {
    ...defaultMarkdownSerializer.marks.link!,
    close: (state: MarkdownSerializerState & { inAutolink?: boolean }, mark) => {
      const autolink = state.inAutolink
      state.inAutolink = undefined
      return autolink === true ? '>' : `](${destination(mark.attrs.href as string)}${title(mark.attrs.title)})`
    }
  }
}

const serializerOptions: ConstructorParameters<typeof MarkdownSerializer>[2] = {
  // Besides what prosemirror-markdown escapes: what would start an HTML tag or entity, an
  // ordered list with `)` or a setext underline at the start of a line.
  escapeExtraCharacters: /<(?=[a-z/!?])|&(?=#?[a-z0-9]+;)|(?<=^ {0,3}\d{1,9})\)(?=[ \t]|$)|^=(?==*[ \t]*$)/gi
}

const serializer = new MarkdownSerializer(nodeSerializers, markSerializers, serializerOptions)

/** Inside a table cell a line break can only be `<br>`: a cell is one line. */
const cellSerializer = new MarkdownSerializer({ ...nodeSerializers, hard_break: (state) => state.write('<br>') }, markSerializers, serializerOptions)

/** A paragraph's or heading's inline content as Markdown, for a table cell. */
const inlineMarkdown = (textblock: Node): string =>
  cellSerializer.serialize(schema.node('doc', null, [schema.node('paragraph', null, textblock.content)])).trim()
