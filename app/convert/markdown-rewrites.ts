import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs'
import type Token from 'markdown-it/lib/token.mjs'
import type { Nesting } from 'markdown-it/lib/token.mjs'
import type { ImportWarnings } from './import-warnings'
import { t } from '../i18n/translate'

/**
 * A markdown-it core rule that turns the tokens of what CommonMark and GFM can say, but an
 * Ensemble document cannot hold as such, into tokens the document parser understands, reporting
 * each change in `env.warnings`:
 *
 * - GFM task lists (`- [ ] item`, `- [x] item`) become `task_list` / `task_item` tokens;
 * - `<u>…</u>` and `<ins>…</ins>` become the underline mark, `<br>` a hard break;
 * - a table's cells get their content in paragraphs (split where `<br><br>` joins them, as the
 *   export writes a cell of several paragraphs), an empty header row is left out (the export's for
 *   a table without one), column alignments are not kept;
 * - headings 4–6 become level 3, raw HTML blocks become code blocks, footnotes become a numbered
 *   list at the end; other inline HTML tags are left out.
 */
export const ensembleMarkdownRewrites = (state: StateCore): void => {
  const warnings = (state.env as { warnings?: ImportWarnings }).warnings
  if (warnings === undefined) throw new TypeError('markdown import needs env.warnings to report unsupported content')
  const rewrite = new TokenRewriter(state, warnings)
  state.tokens = rewrite.blocks(state.tokens)
}

/** Matches the task marker at the start of a list item's text: `[ ]`, `[x]` or `[X]`. */
const taskMarker = /^\[([ xX])\](?:[ \t]+|$)/
const underlineTags = /^<(\/?)(u|ins)\s*>$/i
const breakTag = /^<br\s*\/?>$/i
const htmlComment = /^<!--[\s\S]*-->$/

class TokenRewriter {
  constructor(
    private readonly state: StateCore,
    private readonly warnings: ImportWarnings
  ) {}

  blocks(tokens: Token[]): Token[] {
    const out: Token[] = []
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!
      switch (token.type) {
        case 'table_open': {
          const end = findClose(tokens, index, 'table_close')
          out.push(...this.table(tokens.slice(index, end + 1)))
          index = end
          break
        }
        case 'html_block':
          out.push(...this.htmlBlock(token))
          break
        case 'heading_open':
        case 'heading_close':
          if (/^h[4-6]$/.test(token.tag)) {
            if (token.nesting === 1) this.warnings.add('heading-level', undefined, lineOf(token))
            token.tag = 'h3'
          }
          out.push(token)
          break
        case 'fence':
          if (token.info.trim() !== '') this.warnings.add('code-language', token.info.trim().split(/\s/)[0], lineOf(token))
          out.push(token)
          break
        case 'bullet_list_open':
          this.markTaskList(tokens, index)
          out.push(token)
          break
        case 'inline':
          token.children = this.inline(token.children ?? [], token)
          out.push(token)
          break
        case 'footnote_block_open':
          out.push(this.token('hr', 'hr', 0), this.token('ordered_list_open', 'ol', 1))
          break
        case 'footnote_block_close':
          out.push(this.token('ordered_list_close', 'ol', -1))
          break
        case 'footnote_open':
          this.warnings.add('footnote')
          out.push(this.token('list_item_open', 'li', 1))
          break
        case 'footnote_close':
          out.push(this.token('list_item_close', 'li', -1))
          break
        case 'footnote_anchor':
          break
        default:
          out.push(token)
      }
    }
    return out
  }

  /** A GFM table's tokens as the document parser reads them: rows of `th`/`td` cells holding paragraphs. */
  private table(table: Token[]): Token[] {
    const out: Token[] = []
    const bodyRows = table.some((token) => token.type === 'tbody_open')
    let alignment = false
    for (let index = 0; index < table.length; index++) {
      const token = table[index]!
      switch (token.type) {
        case 'thead_open': {
          const end = findClose(table, index, 'thead_close')
          const empty = table.slice(index, end).every((cell) => cell.type !== 'inline' || cell.content.trim() === '')
          if (empty && bodyRows) index = end
          break
        }
        case 'thead_close':
        case 'tbody_open':
        case 'tbody_close':
          break
        case 'th_open':
        case 'td_open':
          if (/text-align/.test(token.attrGet('style') ?? '')) alignment = true
          token.attrs = null
          out.push(token)
          break
        case 'inline':
          out.push(...this.cellParagraphs(this.inline(token.children ?? [], token)))
          break
        default:
          out.push(token)
      }
    }
    if (alignment) this.warnings.add('table-alignment', undefined, lineOf(table[0]!))
    return out
  }

  /** A cell's inline tokens as paragraphs, a new one wherever two line breaks follow each other. */
  private cellParagraphs(children: Token[]): Token[] {
    const paragraphs: Token[][] = [[]]
    for (let index = 0; index < children.length; index++) {
      if (children[index]!.type === 'hardbreak' && children[index + 1]?.type === 'hardbreak') {
        paragraphs.push([])
        index++
      } else paragraphs.at(-1)!.push(children[index]!)
    }
    return paragraphs.flatMap((content) => {
      const inline = this.token('inline', '', 0)
      inline.children = content
      inline.content = content.map((child) => child.content).join('')
      return [this.token('paragraph_open', 'p', 1), inline, this.token('paragraph_close', 'p', -1)]
    })
  }

  private htmlBlock(token: Token): Token[] {
    const html = token.content.trim()
    if (htmlComment.test(html)) {
      this.warnings.add('html-comment', undefined, lineOf(token))
      return []
    }
    this.warnings.add('html-block', undefined, lineOf(token))
    const code = this.token('code_block', 'code', 0)
    code.content = token.content
    return [code]
  }

  /** Turns the bullet list opened at `index` into a task list when every item starts with `[ ]` or `[x]`. */
  private markTaskList(tokens: Token[], index: number): void {
    const list = tokens[index]!
    const end = findClose(tokens, index, 'bullet_list_close')
    const items: Array<{ open: Token; close: Token; text: Token | undefined }> = []
    for (let at = index + 1; at < end; at++) {
      const token = tokens[at]!
      if (token.type !== 'list_item_open' || token.level !== list.level + 1) continue
      const close = tokens[findClose(tokens, at, 'list_item_close')]!
      // An item's first line is its first paragraph's inline token, if it starts with a paragraph.
      const text = tokens[at + 1]?.type === 'paragraph_open' ? tokens[at + 2] : undefined
      items.push({ open: token, close, text })
    }
    const markers = items.map((item) => taskMarker.exec(item.text?.content ?? ''))
    const tasks = markers.filter((marker) => marker !== null).length
    if (tasks === 0) return
    if (tasks < items.length) {
      this.warnings.add('mixed-task-list', undefined, lineOf(list))
      return
    }
    list.type = 'task_list_open'
    tokens[end]!.type = 'task_list_close'
    items.forEach(({ open, close, text }, at) => {
      const marker = markers[at]!
      open.type = 'task_item_open'
      open.attrSet('checked', String(marker[1] !== ' '))
      close.type = 'task_item_close'
      stripLeadingText(text!, marker[0].length)
    })
  }

  private inline(children: Token[], parent: Token): Token[] {
    const paired = pairUnderlineTags(children)
    const out: Token[] = []
    children.forEach((token, index) => {
      if (token.type === 'footnote_ref') {
        const id = (token.meta as { id: number }).id
        out.push(this.text(`[${id + 1}]`))
      } else if (token.type === 'html_inline') {
        out.push(...this.htmlInline(token, paired.get(index), parent))
      } else out.push(token)
    })
    return out
  }

  /** `underline` is set for a `<u>`/`<ins>` tag that has its partner; a lone one would underline the rest of the paragraph. */
  private htmlInline(token: Token, underline: 'open' | 'close' | undefined, parent: Token): Token[] {
    const html = token.content.trim()
    if (breakTag.test(html)) return [this.token('hardbreak', 'br', 0)]
    if (underline === 'open') return [this.token('underline_open', 'u', 1)]
    if (underline === 'close') return [this.token('underline_close', 'u', -1)]
    if (htmlComment.test(html)) this.warnings.add('html-comment', undefined, lineOf(parent))
    else this.warnings.add('html-inline', `<${tagName(html)}>`, lineOf(parent))
    return []
  }

  private token(type: string, tag: string, nesting: Nesting): Token {
    return new this.state.Token(type, tag, nesting)
  }

  private text(content: string): Token {
    const token = this.token('text', '', 0)
    token.content = content
    return token
  }
}

/** Which inline HTML tokens are matching `<u>`/`<ins>` open and close tags, by index. */
const pairUnderlineTags = (children: Token[]): Map<number, 'open' | 'close'> => {
  const paired = new Map<number, 'open' | 'close'>()
  const open: number[] = []
  children.forEach((token, index) => {
    if (token.type !== 'html_inline') return
    const tag = underlineTags.exec(token.content.trim())
    if (tag === null) return
    if (tag[1] !== '/') open.push(index)
    else if (open.length > 0) {
      paired.set(open.pop()!, 'open')
      paired.set(index, 'close')
    }
  })
  return paired
}

/** The index of the token closing the one opened at `index`. */
const findClose = (tokens: Token[], index: number, closeType: string): number => {
  const level = tokens[index]!.level
  for (let at = index + 1; at < tokens.length; at++) {
    if (tokens[at]!.type === closeType && tokens[at]!.level === level) return at
  }
  throw new RangeError(`markdown-it produced a ${tokens[index]!.type} at token ${index} without its ${closeType}`)
}

/** Removes the first `length` characters of an inline token's text (a task marker). */
const stripLeadingText = (inline: Token, length: number): void => {
  inline.content = inline.content.slice(length)
  const first = inline.children?.[0]
  if (first?.type === 'text') first.content = first.content.slice(length)
}

const lineOf = (token: Token): string => (token.map === null ? t('import.unknownLine') : t('import.line', { line: token.map[0] + 1 }))

const tagName = (html: string): string => /^<\/?([a-z][a-z0-9-]*)/i.exec(html)?.[1]?.toLowerCase() ?? html.slice(0, 20)
