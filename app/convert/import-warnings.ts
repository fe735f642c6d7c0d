/**
 * What an import could not carry over as it was. Content Ensemble documents cannot hold is turned
 * into something they can (a nested table into paragraphs, a footnote into a numbered note) or, when
 * nothing sensible remains, left out; either way the user is told, never silently.
 */
import { t } from '../i18n/translate'

/**
 * Kinds of unsupported content. What each is called and what happened to it are the catalogue's
 * `import.kind.KIND` and `import.effect.KIND`.
 */
export const importWarningKinds = [
  'nested-table',
  'table-caption',
  'table-alignment',
  'html-block',
  'html-comment',
  'html-inline',
  'footnote',
  'heading-level',
  'code-language',
  'mixed-task-list',
  'unsupported-element',
  'dropped-element',
  'unsafe-link',
  'unsafe-image'
] as const

export type ImportWarningKind = (typeof importWarningKinds)[number]

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
      const label = t(`import.kind.${kind}`)
      const effect = t(`import.effect.${kind}`)
      const detail = details.size === 0 ? '' : ` ${[...details].join(', ')}`
      const places = where.length === 0 ? '' : `; ${where.join(', ')}${count > where.length ? ', …' : ''}`
      return { kind, count, message: t('import.warning', { label, detail, count, places, effect }) }
    })
  }
}

const maxListed = 5
