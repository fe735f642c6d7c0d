import MarkdownIt, { type PluginSimple } from 'markdown-it'
import footnotes from 'markdown-it-footnote'
import type Token from 'markdown-it/lib/token.mjs'
import { MarkdownParser, type ParseSpec } from 'prosemirror-markdown'
import { schema } from '../schema'
import { ImportWarnings } from './import-warnings'
import type { ImportResult } from './import-result'
import { ensembleMarkdownRewrites } from './markdown-rewrites'
import { removeUnsafeUrls } from './safe-urls'
import { regularTables } from './table-shape'

/**
 * The Markdown dialect Ensemble reads: CommonMark with the GFM additions people write (tables,
 * strikethrough `~~`, autolinked URLs, task lists), footnotes, and inline HTML for underline.
 * HTML is tokenised so that it can be reported or mapped (`markdown-rewrites.ts`), never rendered.
 */
const tokenizer = MarkdownIt('default', { html: true, linkify: true })
// The plugin's types describe markdown-it's CommonJS build; the instance is the same.
tokenizer.use(footnotes as unknown as PluginSimple)
// Last, after footnotes have been collected at the end: the rewrites see the final token stream.
tokenizer.core.ruler.push('ensemble-rewrites', ensembleMarkdownRewrites)
// Every URL reaches the document parser; `removeUnsafeUrls` applies one policy to Markdown and HTML.
tokenizer.validateLink = () => true

const alt = (token: Token): string => (token.children ?? []).map((child) => child.content).join('')

/** How each markdown-it token becomes a node or mark of the schema. */
const tokenSpecs: Record<string, ParseSpec> = {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list' },
  ordered_list: { block: 'ordered_list', getAttrs: (token) => ({ order: Number(token.attrGet('start') ?? 1) || 1 }) },
  task_list: { block: 'task_list' },
  task_item: { block: 'task_item', getAttrs: (token) => ({ checked: token.attrGet('checked') === 'true' }) },
  heading: { block: 'heading', getAttrs: (token) => ({ level: Number(token.tag.slice(1)) }) },
  code_block: { block: 'code_block', noCloseToken: true },
  fence: { block: 'code_block', noCloseToken: true },
  hr: { node: 'horizontal_rule' },
  image: {
    node: 'image',
    getAttrs: (token) => ({ src: token.attrGet('src') ?? '', title: token.attrGet('title') || null, alt: alt(token) })
  },
  hardbreak: { node: 'hard_break' },
  em: { mark: 'italic' },
  strong: { mark: 'bold' },
  s: { mark: 'strike' },
  underline: { mark: 'underline' },
  link: { mark: 'link', getAttrs: (token) => ({ href: token.attrGet('href') ?? '', title: token.attrGet('title') || null }) },
  code_inline: { mark: 'code', noCloseToken: true },
  table: { block: 'table' },
  tr: { block: 'table_row' },
  th: { block: 'table_header' },
  td: { block: 'table_cell' }
}

const parser = new MarkdownParser(schema, tokenizer, tokenSpecs)

/** Reads a Markdown file into a document, with a warning for each kind of content it had to change. */
export const markdownToDocument = (markdown: string): ImportResult => {
  const warnings = new ImportWarnings()
  const parsed = parser.parse(markdown, { warnings })
  const doc = regularTables(removeUnsafeUrls(parsed, warnings))
  return { doc, warnings: warnings.list() }
}
