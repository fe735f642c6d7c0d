import { Plugin, PluginKey } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { blockWindowCss, nextBlockWindow, windowedFromBlocks, type BlockRange } from './block-window'

export const blockWindowKey = new PluginKey('block-window')

let editors = 0

/**
 * Renders only a window of a long document's top-level blocks (./block-window.ts): measures which
 * blocks are on screen when the page scrolls or resizes and when the number of blocks changes,
 * and rewrites one adopted style sheet when the window moves.
 */
export const blockWindowPlugin = (): Plugin => {
  const scope = String(++editors)
  return new Plugin({
    key: blockWindowKey,
    props: { attributes: { 'data-block-window': scope } },
    view: (view) => new BlockWindowView(view, scope)
  })
}

class BlockWindowView {
  private readonly sheet = new CSSStyleSheet()
  private window: BlockRange | null = null
  private blocks = -1
  private frame: number | null = null

  constructor(
    private readonly view: EditorView,
    private readonly scope: string
  ) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet]
    // Scroll events do not bubble; a capturing listener hears the editor's scrolling container.
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true })
    window.addEventListener('resize', this.schedule)
    this.schedule()
  }

  update(): void {
    if (this.view.dom.childElementCount !== this.blocks) this.schedule()
  }

  destroy(): void {
    document.removeEventListener('scroll', this.onScroll, { capture: true })
    window.removeEventListener('resize', this.schedule)
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet)
  }

  // Measured at once: scroll events come before the frame's rendering, which then has the window.
  private readonly onScroll = (event: Event): void => {
    const target = event.target
    if (target === document || (target instanceof Node && target.contains(this.view.dom))) this.measure()
  }

  private readonly schedule = (): void => {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null
      this.measure()
    })
  }

  private measure(): void {
    const children = this.view.dom.children
    this.blocks = children.length
    const visible = this.blocks < windowedFromBlocks ? null : visibleBlocks(children)
    const next = visible === null ? null : nextBlockWindow(this.window, visible, this.blocks)
    if (next?.first === this.window?.first && next?.last === this.window?.last) return
    this.window = next
    this.sheet.replaceSync(blockWindowCss(this.scope, next))
  }
}

/**
 * The blocks that meet the page's viewport, by binary search over their positions; null when the
 * editor is not laid out (a hidden tab), so that the window stays where it was.
 */
const visibleBlocks = (children: HTMLCollection): BlockRange | null => {
  const height = window.innerHeight
  const rect = (index: number): DOMRect => children[index]!.getBoundingClientRect()
  if (rect(children.length - 1).bottom - rect(0).top <= 0) return null
  // The first block whose bottom is below the viewport's top, the last whose top is above its bottom.
  const first = search(children.length, (index) => rect(index).bottom > 0)
  const after = search(children.length, (index) => rect(index).top >= height)
  return { first: Math.min(first, children.length - 1), last: Math.max(Math.min(after - 1, children.length - 1), first) }
}

/** The smallest index in [0, count) for which `test` holds (it holds for every index after), or count. */
const search = (count: number, test: (index: number) => boolean): number => {
  let low = 0
  let high = count
  while (low < high) {
    const middle = (low + high) >>> 1
    if (test(middle)) high = middle
    else low = middle + 1
  }
  return low
}
