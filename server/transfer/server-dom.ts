import { parseHTML } from 'linkedom'
import type { DomDocument, HtmlDom } from '../../app/convert/html-dom'

const emptyPage = '<!doctype html><html><head></head><body></body></html>'

/**
 * The DOM for HTML conversions on the relay, where Node has none: linkedom. linkedom builds a
 * document only from a whole page, so a fragment (or text without `<html>`) is parsed into the
 * body of an empty page, as a browser's `DOMParser` would.
 */
export const serverDom: HtmlDom = {
  parseDocument: (html) => {
    if (/<html[\s>]/i.test(html)) {
      const { document } = parseHTML(html)
      if (document.body !== null) return document as unknown as DomDocument
    }
    const { document } = parseHTML(emptyPage)
    document.body.innerHTML = html
    return document as unknown as DomDocument
  }
}
