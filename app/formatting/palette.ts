import type { MessageKey } from '../i18n/messages'
import { t } from '../i18n/translate'
/**
 * The fixed colours of text and highlights. Documents store a colour's name (`red`), never a CSS
 * value: what a name looks like can change with a theme, and nothing a peer or a pasted page sends
 * can put an arbitrary value into a `style` attribute. Each name has an accessible label
 * ("Red text", "Yellow highlight") from the message catalogue; the labels are the only user-facing words here.
 */

/** A colour of the palette: its stored name, its CSS value, and what assistive technology says. */
export interface PaletteColor {
  readonly name: string
  readonly css: string
  readonly label: string
}

type TextColorName = 'gray' | 'red' | 'orange' | 'green' | 'blue' | 'purple'
type HighlightName = 'yellow' | 'green' | 'blue' | 'pink' | 'orange' | 'purple'

/** A palette colour whose label is the catalogue's `palette.KIND.NAME`, in the language of the moment. */
function paletteEntry(kind: 'text', name: TextColorName, css: string): PaletteColor
function paletteEntry(kind: 'highlight', name: HighlightName, css: string): PaletteColor
function paletteEntry(kind: 'text' | 'highlight', name: string, css: string): PaletteColor {
  return {
    name,
    css,
    get label() {
      // The overloads pair each kind with its names, so the key is always in the catalogue.
      return t(`palette.${kind}.${name}` as MessageKey)
    }
  }
}

/** Text colours, dark enough to read on white (contrast ≥ 4.5:1). */
export const textColors: readonly PaletteColor[] = [
  paletteEntry('text', 'gray', '#5f6368'),
  paletteEntry('text', 'red', '#c5221f'),
  paletteEntry('text', 'orange', '#b45309'),
  paletteEntry('text', 'green', '#137333'),
  paletteEntry('text', 'blue', '#1a62c9'),
  paletteEntry('text', 'purple', '#8430ce')
]

/** Highlight (background) colours, light enough for black text on them. */
export const highlightColors: readonly PaletteColor[] = [
  paletteEntry('highlight', 'yellow', '#fef08a'),
  paletteEntry('highlight', 'green', '#bbf7d0'),
  paletteEntry('highlight', 'blue', '#bfdbfe'),
  paletteEntry('highlight', 'pink', '#fbcfe8'),
  paletteEntry('highlight', 'orange', '#fed7aa'),
  paletteEntry('highlight', 'purple', '#e9d5ff')
]

/** The palette colour called `name`, or `undefined` for a name the palette does not have. */
export const paletteColor = (palette: readonly PaletteColor[], name: unknown): PaletteColor | undefined =>
  palette.find((color) => color.name === name)

type Rgb = readonly [number, number, number]

/** A few CSS colour keywords that pasted pages use; others are not worth a table. */
const keywords: Record<string, string> = {
  black: '#000000', white: '#ffffff', gray: '#808080', grey: '#808080', silver: '#c0c0c0', red: '#ff0000', maroon: '#800000',
  orange: '#ffa500', yellow: '#ffff00', olive: '#808000', lime: '#00ff00', green: '#008000', teal: '#008080', aqua: '#00ffff',
  cyan: '#00ffff', blue: '#0000ff', navy: '#000080', purple: '#800080', fuchsia: '#ff00ff', magenta: '#ff00ff', pink: '#ffc0cb'
}

/** Reads a CSS colour (`#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`, a few keywords); `null` when transparent or unreadable. */
export const parseCssColor = (value: string): Rgb | null => {
  const text = value.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(keywords[text] ?? text)?.[1]
  if (hex !== undefined) {
    const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex
    if (full.length === 8 && full.slice(6) === '00') return null
    return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as unknown as Rgb
  }
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text)
  if (rgb === null) return null
  const alpha = rgb[4]
  if (alpha !== undefined && parseFloat(alpha) === 0) return null
  return [rgb[1], rgb[2], rgb[3]].map((part) => Math.min(255, Math.round(Number(part)))) as unknown as Rgb
}

/** "Redmean" distance: cheap, and close enough to how far apart two colours look. */
const distance = (a: Rgb, b: Rgb): number => {
  const mean = (a[0] + b[0]) / 2
  const [dr, dg, db] = [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
  return Math.sqrt((2 + mean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean) / 256) * db * db)
}

const lightness = ([r, g, b]: Rgb): number => (Math.max(r, g, b) + Math.min(r, g, b)) / 510
const chroma = ([r, g, b]: Rgb): number => Math.max(r, g, b) - Math.min(r, g, b)

const nearest = (palette: readonly PaletteColor[], rgb: Rgb): string => {
  let best = palette[0]!
  let bestDistance = Infinity
  for (const color of palette) {
    const d = distance(rgb, parseCssColor(color.css)!)
    if (d < bestDistance) [best, bestDistance] = [color, d]
  }
  return best.name
}

/**
 * The palette's text colour for a CSS colour read from HTML (a pasted page, an imported file):
 * the nearest one, so that red stays red; `null` for colours that are the default look of text
 * (black, near-black and white greys, which pages such as Google Docs write on every run of text).
 */
export const textColorFromCss = (value: string): string | null => {
  const exact = textColors.find((color) => color.css === value.trim().toLowerCase())
  if (exact !== undefined) return exact.name
  const rgb = parseCssColor(value)
  if (rgb === null || (chroma(rgb) < 40 && (lightness(rgb) < 0.3 || lightness(rgb) > 0.85))) return null
  return nearest(textColors, rgb)
}

/** The palette's highlight for a CSS background colour, or `null` for white, near-white greys and transparency. */
export const highlightFromCss = (value: string): string | null => {
  const exact = highlightColors.find((color) => color.css === value.trim().toLowerCase())
  if (exact !== undefined) return exact.name
  const rgb = parseCssColor(value)
  if (rgb === null || (chroma(rgb) < 24 && lightness(rgb) > 0.9)) return null
  return nearest(highlightColors, rgb)
}
