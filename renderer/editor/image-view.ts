import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey } from 'prosemirror-state'
import type { NodeView } from 'prosemirror-view'
import { t } from '../../app/i18n/translate'

export const imageViewKey = new PluginKey('image-view')

/**
 * Shows images in the editor as `span.image` around the `img`, with `data-state` loading, loaded
 * or broken. A broken image (its address fails, or is not an image) would otherwise be a 0×0
 * element: nothing to see, click, select or delete. It shows a placeholder instead
 * (`.image-problem`) with its address in the tooltip; the document keeps the image as it was,
 * since the address may work for others or later.
 */
export const imageViewPlugin = (): Plugin =>
  new Plugin({
    key: imageViewKey,
    props: {
      nodeViews: { image: (node) => new ImageView(node) }
    }
  })

class ImageView implements NodeView {
  readonly dom: HTMLSpanElement
  private readonly image: HTMLImageElement
  private readonly problem: HTMLSpanElement

  constructor(private node: Node) {
    this.dom = document.createElement('span')
    this.dom.className = 'image'
    this.image = document.createElement('img')
    this.problem = document.createElement('span')
    this.problem.className = 'image-problem'
    this.problem.hidden = true
    this.image.addEventListener('load', () => this.show('loaded'))
    this.image.addEventListener('error', () => this.show('broken'))
    this.dom.append(this.image, this.problem)
    this.render()
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    this.render()
    return true
  }

  // The image and its placeholder are ours; ProseMirror redraws the node when it changes.
  ignoreMutation(): boolean {
    return true
  }

  private render(): void {
    const { src, alt, title } = this.node.attrs as { src: string; alt: string; title: string | null }
    if (this.image.getAttribute('src') !== src) {
      this.show('loading')
      this.image.src = src
    }
    this.image.alt = alt
    if (title === null) this.image.removeAttribute('title')
    else this.image.title = title
    this.problem.textContent = alt === '' ? t('image.notLoaded') : t('image.notLoadedAlt', { alt })
    // A data: URL is the image itself, not an address anyone could check.
    this.problem.title = src.startsWith('data:') ? t('image.damaged') : t('image.nothingFrom', { src })
  }

  private show(state: 'loading' | 'loaded' | 'broken'): void {
    this.dom.dataset.state = state
    this.image.hidden = state === 'broken'
    this.problem.hidden = state !== 'broken'
  }
}
