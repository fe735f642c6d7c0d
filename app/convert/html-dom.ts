/**
 * The DOM that HTML conversions run on, handed in by the caller: the browser's in the renderer,
 * linkedom on the relay (`server/transfer/server-dom.ts`). app/ sees neither, so it describes the
 * little it uses here.
 */
export interface HtmlDom {
  /** Parses an HTML page or fragment into a whole document with `head` and `body`. */
  parseDocument(html: string): DomDocument
}

export interface DomNode {
  readonly nodeType: number
  readonly parentNode: DomNode | null
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
  textContent: string | null
  appendChild<T extends DomNode>(node: T): T
  insertBefore<T extends DomNode>(node: T, child: DomNode | null): T
  removeChild<T extends DomNode>(child: T): T
}

export interface DomElement extends DomNode {
  readonly tagName: string
  readonly outerHTML: string
  innerHTML: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  readonly children: ArrayLike<DomElement>
  readonly nextElementSibling: DomElement | null
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null
  readonly head: DomElement | null
  readonly body: DomElement | null
  createElement(tagName: string): DomElement
  createTextNode(data: string): DomNode
}

/** Moves every child of `from` to the end of `to`. */
export const moveChildren = (from: DomNode, to: DomNode): void => {
  while (from.firstChild !== null) to.appendChild(from.firstChild)
}

/** Puts `replacement` where `element` is and removes `element`. */
export const replaceElement = (element: DomElement, ...replacement: DomNode[]): void => {
  const parent = element.parentNode
  if (parent === null) return
  for (const node of replacement) parent.insertBefore(node, element)
  parent.removeChild(element)
}
