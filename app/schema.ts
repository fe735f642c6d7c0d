import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model'
import { changeMarkName, changeMarkSpec } from './history/change-mark'
import { highlightSpec, textColorSpec, withAlignment } from './formatting'
import { mentionSpec } from './mentions'
import { deletionMarkName, deletionMarkSpec, insertionMarkName, insertionMarkSpec } from './suggestions/marks'
import { tableNodeSpecs } from './table-schema'

/**
 * The ProseMirror schema of every Ensemble document, shared by the renderer, the relay's
 * exporters and tests. Content expressions are permissive on purpose: y-prosemirror merges
 * concurrent edits structurally and does not re-check content expressions, so a rule such as
 * `listItem+` could be broken by two people deleting different items at once. Only `doc` needs
 * `block+`: the view needs one textblock to put a cursor in, and y-prosemirror fills it in when a
 * document is empty.
 */

/** Heading levels the editor offers. */
export const headingLevels = [1, 2, 3] as const
export type HeadingLevel = (typeof headingLevels)[number]

/** Largest image file (bytes) that may be pasted or dropped into a document; see `imageFileProblem`. */
export const maxImageFileBytes = 2 * 1024 * 1024

/**
 * The part of a DOM element that parse rules read. app/ is compiled without DOM types (it runs in
 * Node too), so rules see elements through this shape.
 */
interface ParsedElement {
  getAttribute(name: string): string | null
  readonly style: { readonly fontWeight: string }
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0]
  },
  heading: {
    attrs: { level: { default: 1, validate: 'number' } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: headingLevels.map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${clampHeadingLevel(node.attrs.level as number)}`, 0]
  },
  blockquote: {
    content: 'block*',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0]
  },
  code_block: {
    content: 'text*',
    // Plain text only, but suggestions (app/suggestions/) may mark it.
    marks: `${insertionMarkName} ${deletionMarkName}`,
    group: 'block',
    code: true,
    defining: true,
    parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
    toDOM: () => ['pre', ['code', 0]]
  },
  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr']
  },
  bullet_list: {
    content: 'list_item*',
    group: 'block',
    parseDOM: [{ tag: 'ul:not([data-type=tasks])' }],
    toDOM: () => ['ul', 0]
  },
  ordered_list: {
    attrs: { order: { default: 1, validate: 'number' } },
    content: 'list_item*',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => ({ order: Number((dom as ParsedElement).getAttribute('start') ?? 1) || 1 })
      }
    ],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order as number }, 0])
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'ul:not([data-type=tasks]) > li' }, { tag: 'ol > li' }],
    toDOM: () => ['li', 0]
  },
  task_list: {
    content: 'task_item*',
    group: 'block',
    parseDOM: [{ tag: 'ul[data-type=tasks]', priority: 60 }],
    toDOM: () => ['ul', { 'data-type': 'tasks' }, 0]
  },
  task_item: {
    attrs: { checked: { default: false, validate: 'boolean' } },
    content: 'paragraph block*',
    defining: true,
    parseDOM: [
      {
        tag: 'ul[data-type=tasks] > li',
        priority: 60,
        getAttrs: (dom) => ({ checked: (dom as ParsedElement).getAttribute('data-checked') === 'true' })
      }
    ],
    toDOM: (node): DOMOutputSpec => [
      'li',
      { 'data-checked': String(node.attrs.checked) },
      ['span', { class: 'task-checkbox', contenteditable: 'false' }, ['input', checkboxAttrs(node.attrs.checked as boolean)]],
      ['div', { class: 'task-content' }, 0]
    ]
  },
  text: { group: 'inline' },
  image: {
    inline: true,
    attrs: {
      src: { validate: 'string' },
      alt: { default: '', validate: 'string' },
      title: { default: null, validate: 'string|null' }
    },
    group: 'inline',
    draggable: true,
    parseDOM: [
      {
        tag: 'img[src]',
        getAttrs: (dom) => {
          const element = dom as ParsedElement
          return { src: element.getAttribute('src'), alt: element.getAttribute('alt') ?? '', title: element.getAttribute('title') }
        }
      }
    ],
    toDOM: (node) => {
      const { src, alt, title } = node.attrs as { src: string; alt: string; title: string | null }
      return ['img', title === null ? { src, alt } : { src, alt, title }]
    }
  },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br']
  },
  // Tables (app/table-schema.ts): after every other block, so that `paragraph` stays the default.
  ...tableNodeSpecs
}

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: { validate: 'string' }, title: { default: null, validate: 'string|null' } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => ({ href: (dom as ParsedElement).getAttribute('href'), title: (dom as ParsedElement).getAttribute('title') })
      }
    ],
    toDOM: (mark) => {
      const { href, title } = mark.attrs as { href: string; title: string | null }
      return ['a', { href, title, rel: 'noopener noreferrer nofollow', target: '_blank' }, 0]
    }
  },
  bold: {
    parseDOM: [
      { tag: 'strong' },
      { tag: 'b', getAttrs: (dom) => (dom as ParsedElement).style.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (mark) => mark.type.name === 'bold' },
      { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null }
    ],
    toDOM: () => ['strong', 0]
  },
  italic: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }, { style: 'font-style=normal', clearMark: (mark) => mark.type.name === 'italic' }],
    toDOM: () => ['em', 0]
  },
  underline: {
    parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }],
    toDOM: () => ['u', 0]
  },
  strike: {
    parseDOM: [{ tag: 's' }, { tag: 'del' }, { tag: 'strike' }, { style: 'text-decoration=line-through' }],
    toDOM: () => ['s', 0]
  },
  code: {
    // Every formatting mark but suggestions (app/suggestions/), which mark code like any text.
    excludes: 'bold italic underline strike link text_color highlight code ychange',
    code: true,
    parseDOM: [{ tag: 'code' }],
    toDOM: () => ['code', 0]
  },
  // Only in a view that shows a version; never stored (app/history/change-mark.ts).
  [changeMarkName]: changeMarkSpec
}

// Editing tools (issue 16): alignment on paragraphs and headings, text colour and highlight
// (app/formatting/), mentions of people and documents (app/mentions/).
nodes.paragraph = withAlignment(nodes.paragraph!)
nodes.heading = withAlignment(nodes.heading!)
nodes.mention = mentionSpec
marks.text_color = textColorSpec
marks.highlight = highlightSpec
// Suggesting mode (issue 18): suggested insertions and deletions (app/suggestions/).
marks[insertionMarkName] = insertionMarkSpec
marks[deletionMarkName] = deletionMarkSpec

/** The document schema. Node and mark names are part of the stored format: never rename one. */
export const schema = new Schema({ nodes, marks })

function clampHeadingLevel(level: number): HeadingLevel {
  return (headingLevels as readonly number[]).includes(level) ? (level as HeadingLevel) : 1
}

function checkboxAttrs(checked: boolean): Record<string, string> {
  return checked ? { type: 'checkbox', checked: 'checked' } : { type: 'checkbox' }
}

/** Image types that may be pasted or dropped; they render in every browser without plugins. */
export const imageMimeTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const

/** Returns why a file cannot be stored in a document as an image, or `null` when it can. */
export const imageFileProblem = (file: { name: string; type: string; size: number }): string | null => {
  if (!(imageMimeTypes as readonly string[]).includes(file.type)) {
    return `"${file.name}" is ${file.type === '' ? 'of an unknown type' : file.type}; images must be PNG, JPEG, GIF, WebP or SVG`
  }
  if (file.size > maxImageFileBytes) {
    const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)
    return `"${file.name}" is ${megabytes(file.size)} MB; images stored in a document may be at most ${megabytes(maxImageFileBytes)} MB (link a larger image by URL instead)`
  }
  return null
}
