import type { DOMOutputSpec, Node, NodeSpec } from 'prosemirror-model'
import { documentNameProblem } from '../document-name'
import { maxDisplayNameLength } from '../profile'

/**
 * Mentions: an inline, atomic node that names a person of the document (`@Ana Lima`, in their
 * colour) or links another document (`Launch plan`, opening it). Atomic, so that it is selected,
 * copied and deleted as one unit, and synced as one Yjs element.
 */
export type MentionKind = 'person' | 'document'

export interface MentionAttrs {
  readonly kind: MentionKind
  /** The person's display name, or the document's name. */
  readonly label: string
  /** The person's colour (`#rrggbb`); `null` for documents. */
  readonly color: string | null
}

const hexColor = /^#[0-9a-f]{6}$/i

/** A colour that may go into a `style` attribute, or `null`. */
export const mentionColor = (value: unknown): string | null => (typeof value === 'string' && hexColor.test(value) ? value : null)

/** The link a document mention points at: the web client's `?doc=NAME` on the same relay (relative). */
export const documentMentionHref = (documentName: string): string => `?doc=${encodeURIComponent(documentName)}`

/** What a mention reads as in plain text: `@Name` for a person, the name for a document. */
export const mentionText = (attrs: MentionAttrs): string => (attrs.kind === 'person' ? `@${attrs.label}` : attrs.label)

interface MentionElement {
  getAttribute(name: string): string | null
  readonly textContent: string | null
}

const personAttrs = (dom: MentionElement): MentionAttrs | false => {
  const label = (dom.getAttribute('data-name') ?? dom.textContent?.replace(/^@/, '') ?? '').trim()
  if (label === '' || label.length > maxDisplayNameLength) return false
  return { kind: 'person', label, color: mentionColor(dom.getAttribute('data-color')) }
}

const documentAttrs = (dom: MentionElement): MentionAttrs | false => {
  const label = dom.getAttribute('data-document') ?? ''
  // Anything else stays what it looks like: a link (the link mark's rule reads it).
  return documentNameProblem(label) === null ? { kind: 'document', label, color: null } : false
}

export const mentionSpec: NodeSpec = {
  inline: true,
  group: 'inline',
  atom: true,
  selectable: true,
  // Defaults rather than `validate`: y-prosemirror deletes a node it cannot create, so a
  // malformed mention from a peer is shown as best it can be instead of vanishing.
  attrs: { kind: { default: 'person' }, label: { default: '' }, color: { default: null } },
  leafText: (node) => mentionText(node.attrs as MentionAttrs),
  parseDOM: [
    { tag: 'a[data-mention=document]', priority: 60, getAttrs: (dom) => documentAttrs(dom as unknown as MentionElement) },
    { tag: 'span[data-mention=person]', priority: 60, getAttrs: (dom) => personAttrs(dom as unknown as MentionElement) }
  ],
  toDOM: (node: Node): DOMOutputSpec => {
    const attrs = node.attrs as MentionAttrs
    const label = String(attrs.label)
    if (attrs.kind === 'document') {
      return ['a', { class: 'mention mention-document', 'data-mention': 'document', 'data-document': label, href: documentMentionHref(label) }, label]
    }
    const color = mentionColor(attrs.color)
    return [
      'span',
      {
        class: 'mention mention-person',
        'data-mention': 'person',
        'data-name': label,
        ...(color === null ? {} : { 'data-color': color, style: `--mention-color: ${color}` })
      },
      `@${label}`
    ]
  }
}
