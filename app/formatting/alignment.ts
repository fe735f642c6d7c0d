import type { Attrs, DOMOutputSpec, NodeSpec, TagParseRule } from 'prosemirror-model'
import { styleProperty } from './marks'

/** How a paragraph or heading is aligned; `null` (the default) follows the text: left for left-to-right scripts. */
export const alignments = ['left', 'center', 'right', 'justify'] as const
export type Alignment = (typeof alignments)[number]

export const isAlignment = (value: unknown): value is Alignment => (alignments as readonly unknown[]).includes(value)

interface AlignedElement {
  getAttribute(name: string): string | null
}

/** The alignment an HTML block asks for: its `text-align` style, or the old `align` attribute. */
export const alignmentOf = (element: AlignedElement): Alignment | null => {
  const value = (styleProperty(element, 'text-align') ?? element.getAttribute('align') ?? '').trim().toLowerCase()
  if (value === 'start') return null
  if (value === 'end') return 'right'
  return isAlignment(value) && value !== 'left' ? value : null
}

/**
 * `spec` (a paragraph's or a heading's) with an `align` attribute: written as
 * `style="text-align: …"`, read from `text-align` (Google Docs and Word write it) or `align`.
 * Left is stored as `null`, so that a paragraph nobody aligned stores nothing extra.
 */
export const withAlignment = (spec: NodeSpec): NodeSpec => ({
  ...spec,
  // No `validate`: y-prosemirror deletes a node it cannot create, so a bad value from a peer must
  // not make the paragraph invalid; it is shown as not aligned instead.
  attrs: { ...spec.attrs, align: { default: null } },
  parseDOM: spec.parseDOM?.map((tagRule): TagParseRule => {
    return {
      ...tagRule,
      getAttrs: (dom) => {
        const base = tagRule.getAttrs === undefined ? (tagRule.attrs ?? {}) : tagRule.getAttrs(dom)
        if (base === false) return false
        return { ...(base ?? {}), align: alignmentOf(dom as unknown as AlignedElement) } satisfies Attrs
      }
    }
  }),
  toDOM: (node) => {
    const out = spec.toDOM!(node) as DOMOutputSpec
    const align = node.attrs.align as unknown
    if (!Array.isArray(out) || !isAlignment(align) || align === 'left') return out
    const [tag, ...rest] = out as [string, ...unknown[]]
    const first = rest[0]
    const hasAttrs = typeof first === 'object' && first !== null && !Array.isArray(first)
    const attrs = { ...(hasAttrs ? (first as Record<string, string>) : {}), style: `text-align: ${align}` }
    return [tag, attrs, ...(hasAttrs ? rest.slice(1) : rest)] as DOMOutputSpec
  }
})
