import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import type { ImportWarnings } from './import-warnings'

/** Schemes an imported link may use; a link without a scheme is relative and harmless. */
const linkSchemes = new Set(['http', 'https', 'mailto'])
const imageSchemes = new Set(['http', 'https'])
const imageDataUrl = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i

/** The scheme of a URL as a browser reads it (it ignores ASCII whitespace and controls), or `null` when relative. */
const schemeOf = (url: string): string | null => {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020]/g, '')
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase() ?? null
}

/** Whether an imported link may keep `href`: http(s), mailto, or relative. */
export const isSafeLinkHref = (href: string): boolean => {
  const scheme = schemeOf(href)
  return scheme === null || linkSchemes.has(scheme)
}

/** Whether an imported image may keep `src`: http(s), relative, or an image data URL of a type browsers show. */
export const isSafeImageSrc = (src: string): boolean => {
  const scheme = schemeOf(src)
  if (scheme === 'data') return imageDataUrl.test(src.trim())
  return scheme === null || imageSchemes.has(scheme)
}

/**
 * Removes from an imported document what could run code when clicked or shown: links with other
 * schemes (`javascript:`…) lose the link and keep their text; images with other sources are
 * replaced by their alt text. Each removal is reported.
 */
export const removeUnsafeUrls = (doc: Node, warnings: ImportWarnings): Node => {
  const transform = new Transform(doc)
  const changes: Array<(tr: Transform) => void> = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'image' && !isSafeImageSrc(node.attrs.src as string)) {
      warnings.add('unsafe-image', `from ${schemeOf(node.attrs.src as string) ?? 'unknown'}:`)
      const alt = node.attrs.alt as string
      changes.push((tr) =>
        alt === '' ? tr.delete(pos, pos + node.nodeSize) : tr.replaceWith(pos, pos + node.nodeSize, doc.type.schema.text(alt, node.marks))
      )
    }
    for (const mark of node.marks) {
      if (mark.type.name === 'link' && !isSafeLinkHref(mark.attrs.href as string)) {
        warnings.add('unsafe-link', `to ${schemeOf(mark.attrs.href as string)}:`)
        changes.push((tr) => tr.removeMark(pos, pos + node.nodeSize, mark))
      }
    }
  })
  // Last change first, so that earlier positions stay valid.
  for (const change of changes.reverse()) change(transform)
  return transform.doc
}
