import { createElement, type IconNode } from 'lucide'

export type { IconNode }

/**
 * A Lucide icon as an inline SVG (`svg.icon`), hidden from screen readers: the control it sits in
 * carries the name. Icons are imported one by one from `lucide` (`import { Bold } from 'lucide'`),
 * so the bundle holds only those used.
 */
export const icon = (node: IconNode, size = 18): SVGElement =>
  createElement(node, { class: 'icon', width: size, height: size, 'stroke-width': 1.75, 'aria-hidden': 'true', focusable: 'false' })
