import type { MarkSpec } from 'prosemirror-model'
import { highlightColors, highlightFromCss, paletteColor, textColors, textColorFromCss } from './palette'

/** The part of a DOM element that parse rules read (app/ sees no DOM types). */
interface StyledElement {
  getAttribute(name: string): string | null
}

/** The value of one property in an element's `style` attribute, read from the attribute so that every DOM (the browser's, linkedom) agrees. */
export const styleProperty = (element: StyledElement, property: string): string | null => {
  const style = element.getAttribute('style')
  if (style === null) return null
  let found: string | null = null
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon > 0 && declaration.slice(0, colon).trim().toLowerCase() === property) found = declaration.slice(colon + 1).trim()
  }
  return found
}

/**
 * Text colour (`text_color`, attribute `color`: a name of `textColors`). Written as
 * `<span style="color: …" data-text-color="red">`; read from any `color` style, brought to the
 * nearest palette colour (`textColorFromCss`), so only palette colours enter a document.
 */
export const textColorSpec: MarkSpec = {
  // No `validate`: y-prosemirror drops text whose marks it cannot create; an unknown colour shows as none.
  attrs: { color: { default: null } },
  parseDOM: [
    {
      style: 'color',
      getAttrs: (value) => {
        const color = textColorFromCss(value as string)
        return color === null ? false : { color }
      }
    }
  ],
  toDOM: (mark) => {
    const color = paletteColor(textColors, mark.attrs.color)
    // A name this version does not know (a newer peer's) shows as plain text.
    return color === undefined ? ['span', 0] : ['span', { style: `color: ${color.css}`, 'data-text-color': color.name }, 0]
  }
}

/**
 * Highlight (`highlight`, attribute `color`: a name of `highlightColors`). Written as
 * `<mark style="background-color: …" data-highlight="yellow">`; read from `<mark>` (yellow unless
 * its style says otherwise) and from any `background-color`, brought to the nearest palette colour.
 */
export const highlightSpec: MarkSpec = {
  // No `validate`: y-prosemirror drops text whose marks it cannot create; an unknown colour shows as none.
  attrs: { color: { default: null } },
  parseDOM: [
    {
      tag: 'mark',
      getAttrs: (dom) => {
        const background = styleProperty(dom as StyledElement, 'background-color') ?? styleProperty(dom as StyledElement, 'background')
        return { color: (background === null ? null : highlightFromCss(background)) ?? 'yellow' }
      }
    },
    {
      style: 'background-color',
      getAttrs: (value) => {
        const color = highlightFromCss(value as string)
        return color === null ? false : { color }
      }
    }
  ],
  toDOM: (mark) => {
    const color = paletteColor(highlightColors, mark.attrs.color)
    return color === undefined ? ['mark', 0] : ['mark', { style: `background-color: ${color.css}`, 'data-highlight': color.name }, 0]
  }
}
