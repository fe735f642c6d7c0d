/**
 * What an import could not carry over as it was. Content Ensemble documents cannot hold is turned
 * into something they can (a nested table into paragraphs, a footnote into a numbered note) or, when
 * nothing sensible remains, left out; either way the user is told, never silently.
 */

/** Kinds of unsupported content: what they are called, and what happened to them. */
export const importWarningKinds = {
  'nested-table': ['Tables inside table cells', 'became one paragraph per row inside their cell, cells separated by " | " (Ensemble tables do not nest)'],
  'table-caption': ['Table captions', 'became a paragraph above their table'],
  'table-alignment': ['Column alignments of tables', 'were not kept (Ensemble table cells have no alignment of their own)'],
  'html-block': ['Raw HTML blocks', 'were kept as code blocks showing the HTML as text (HTML inside Markdown is not rendered)'],
  'html-comment': ['HTML comments', 'were left out (comments are not shown in documents)'],
  'html-inline': ['Inline HTML tags', 'were left out, the text inside them kept'],
  footnote: ['Footnotes', 'became a numbered list at the end of the document, marked [1], [2]… in the text (Ensemble documents have no footnotes)'],
  'heading-level': ['Headings of level 4 to 6', 'became level-3 headings (Ensemble offers heading levels 1 to 3)'],
  'code-language': ['Code block languages', 'were not kept (Ensemble code blocks have no language)'],
  'mixed-task-list': ['Lists mixing task items and plain items', 'stay bulleted lists with "[ ]" and "[x]" kept as text'],
  'unsupported-element': ['Unsupported elements', 'are not part of Ensemble documents; their text was kept, their formatting lost'],
  'dropped-element': ['Elements without text', 'were left out (Ensemble documents cannot hold them)'],
  'unsafe-link': ['Links', 'were removed, their text kept: only web, mail and relative links are allowed'],
  'unsafe-image': ['Images', 'were replaced by their description: images must come from the web, be relative, or be PNG, JPEG, GIF, WebP or SVG data']
} as const satisfies Record<string, readonly [string, string]>

export type ImportWarningKind = keyof typeof importWarningKinds

/** One kind of content the import changed or left out, with how often and where. */
export interface ImportWarning {
  readonly kind: ImportWarningKind
  readonly count: number
  /** One sentence for people: what there was, where, and what became of it. */
  readonly message: string
}

/** Collects warnings while a file is converted, one entry per kind. */
export class ImportWarnings {
  private readonly seen = new Map<ImportWarningKind, { count: number; details: Set<string>; where: string[] }>()

  /**
   * Records one occurrence. `detail` names it more precisely (`<sub>`, `javascript:`), `where`
   * places it (`line 12`); the first few places of each kind are listed.
   */
  add(kind: ImportWarningKind, detail?: string, where?: string): void {
    const entry = this.seen.get(kind) ?? { count: 0, details: new Set<string>(), where: [] }
    entry.count++
    if (detail !== undefined && entry.details.size < maxListed) entry.details.add(detail)
    if (where !== undefined && entry.where.length < maxListed) entry.where.push(where)
    this.seen.set(kind, entry)
  }

  list(): ImportWarning[] {
    return [...this.seen].map(([kind, { count, details, where }]) => {
      const [label, effect] = importWarningKinds[kind]
      const detail = details.size === 0 ? '' : ` ${[...details].join(', ')}`
      const places = where.length === 0 ? '' : `; ${where.join(', ')}${count > where.length ? ', …' : ''}`
      return { kind, count, message: `${label}${detail} (${count}${places}) ${effect}.` }
    })
  }
}

const maxListed = 5
