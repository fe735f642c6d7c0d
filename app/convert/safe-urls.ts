import { Fragment, type Node } from 'prosemirror-model'
import type { ImportWarnings } from './import-warnings'
import { t } from '../i18n/translate'

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
export const removeUnsafeUrls = (doc: Node, warnings: ImportWarnings): Node => doc.copy(withoutUnsafeUrls(doc.content, warnings))

/** `removeUnsafeUrls` for any content, such as a pasted slice's. */
export const withoutUnsafeUrls = (content: Fragment, warnings: ImportWarnings): Fragment => {
  const nodes: Node[] = []
  content.forEach((node) => {
    let marks = node.marks
    for (const mark of node.marks) {
      if (mark.type.name === 'link' && !isSafeLinkHref(mark.attrs.href as string)) {
        warnings.add('unsafe-link', t('import.linkTo', { scheme: schemeOf(mark.attrs.href as string) ?? t('import.unknownScheme') }))
        marks = mark.removeFromSet(marks)
      }
    }
    if (node.type.name === 'image' && !isSafeImageSrc(node.attrs.src as string)) {
      warnings.add('unsafe-image', t('import.imageFrom', { scheme: schemeOf(node.attrs.src as string) ?? t('import.unknownScheme') }))
      const alt = node.attrs.alt as string
      if (alt !== '') nodes.push(node.type.schema.text(alt, marks))
      return
    }
    const safe = node.isText || node.childCount === 0 ? node : node.copy(withoutUnsafeUrls(node.content, warnings))
    nodes.push(marks === node.marks ? safe : safe.mark(marks))
  })
  // fromArray joins text nodes that now have the same marks, as a transform would.
  return Fragment.fromArray(nodes)
}
