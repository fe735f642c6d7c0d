import type { DomDocument, HtmlDom } from '../../app/convert/html-dom'

/** The browser's own DOM for HTML conversions: `DOMParser` builds a whole document from any HTML. */
export const browserDom: HtmlDom = {
  parseDocument: (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as DomDocument
}
