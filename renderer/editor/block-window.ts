/**
 * Which top-level blocks of a long document the browser renders at all. The editor's CSS skips
 * the rendering of off-screen blocks with `content-visibility: auto`, but Chromium decides that by
 * an intersection observation of every such block on every frame that changes the layout (11 ms
 * per keystroke at 5,000 blocks on the 2-core machine, bench/editor/README.md). So in a long
 * document only a window of blocks around the visible ones keeps `auto`; those beyond it get
 * `content-visibility: hidden`, which the browser never observes. The window follows the scroll
 * position; it moves only once the visible blocks come near its edge.
 */

/** Top-level block indexes, first and last included. */
export interface BlockRange {
  readonly first: number
  readonly last: number
}

/** Below this many top-level blocks every block keeps `content-visibility: auto`. */
export const windowedFromBlocks = 1000

/** Blocks kept on each side of the visible ones (a few screens of paragraphs). */
export const windowMargin = 150

/**
 * The window to render for `visible` blocks out of `count`: the current one while the visible
 * blocks stay at least half a margin inside it, else one centred on them, a margin each side.
 */
export const nextBlockWindow = (current: BlockRange | null, visible: BlockRange, count: number, margin = windowMargin): BlockRange => {
  const lastIndex = count - 1
  const keep = Math.floor(margin / 2)
  if (
    current !== null &&
    current.last <= lastIndex &&
    visible.first - current.first >= Math.min(keep, visible.first) &&
    current.last - visible.last >= Math.min(keep, lastIndex - visible.last)
  ) {
    return current
  }
  return { first: Math.max(0, visible.first - margin), last: Math.min(lastIndex, visible.last + margin) }
}

/** The top-level blocks the editor's CSS lets the browser skip (renderer/style.css). */
const skippable = ':is(p, h1, h2, h3, h4, h5, h6, pre, blockquote, ul, ol):not(.selection-block)'

/**
 * The style sheet that hides the blocks outside `window` in the editor whose root carries
 * `data-block-window="scope"`. Screen only: a printed document shows every block.
 */
export const blockWindowCss = (scope: string, window: BlockRange | null): string => {
  if (window === null) return ''
  const root = `.ProseMirror[data-block-window="${scope}"] > ${skippable}`
  // :nth-child counts from 1; `-n+K` is the first K, `n+K` the K-th and after.
  const selectors = [
    ...(window.first > 0 ? [`${root}:nth-child(-n+${window.first})`] : []),
    `${root}:nth-child(n+${window.last + 2})`
  ]
  return `@media screen { ${selectors.join(', ')} { content-visibility: hidden; } }`
}
