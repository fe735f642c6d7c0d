import type { Node as PMNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import * as Y from 'yjs'
import type { DocumentAuthors } from '../../../app/history/authors'
import { h } from '../dom'
import { syncStateOf } from '../sync-state'
import { t } from '../../../app/i18n/translate'

/** Whether the text is coloured by who wrote it, and the decorations that do it. */
interface AuthorshipState {
  readonly on: boolean
  readonly decorations: DecorationSet
  /** Authors with text in the document, in order of first appearance (for the legend). */
  readonly authors: readonly string[]
}

export const authorshipKey = new PluginKey<AuthorshipState>('authorship')

/** Metas a transaction carries: switch the colours on or off, or set freshly computed ones. */
const toggleMeta = 'authorship-toggle'
const computedMeta = 'authorship-computed'

/** Text colour by author: its author's colour, light enough to read black text on. */
const tint = (color: string): string => `${color}40`

/**
 * "Who wrote what": colours every character by the author who typed it, from the
 * `PermanentUserData` the version history keeps (`app/history/authors.ts`), with a legend. The
 * document's Yjs structure mirrors ProseMirror's (y-prosemirror keeps them one to one), so the walk
 * goes through both at once: each character of a Y.XmlText is an item whose client id names its
 * author. The colours are computed once a frame after changes, when y-prosemirror has written them
 * to the Y.Doc (its view update runs before this plugin's); in between they follow the mapping.
 * Off, nothing is computed.
 */
export const authorshipPlugin = (authors: DocumentAuthors, onChange: () => void = () => {}): Plugin<AuthorshipState> =>
  new Plugin<AuthorshipState>({
    key: authorshipKey,
    state: {
      init: () => ({ on: false, decorations: DecorationSet.empty, authors: [] }),
      apply: (tr: Transaction, value: AuthorshipState): AuthorshipState => {
        const computed = tr.getMeta(computedMeta) as AuthorshipState | undefined
        if (computed !== undefined) return value.on ? computed : value
        const toggle = tr.getMeta(toggleMeta) as boolean | undefined
        if (toggle === false) return { on: false, decorations: DecorationSet.empty, authors: [] }
        if (toggle === true) return { ...value, on: true }
        if (!value.on || !tr.docChanged) return value
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
      }
    },
    props: {
      decorations: (state) => authorshipKey.getState(state)?.decorations ?? DecorationSet.empty
    },
    view: () => {
      let frame: number | null = null
      return {
        update: (view, previous) => {
          const state = authorshipKey.getState(view.state)
          if (state !== authorshipKey.getState(previous)) onChange()
          if (state?.on !== true || frame !== null) return
          const toggledOn = authorshipKey.getState(previous)?.on !== true
          if (!toggledOn && view.state.doc === previous.doc) return
          frame = requestAnimationFrame(() => {
            frame = null
            if (view.isDestroyed || authorshipKey.getState(view.state)?.on !== true) return
            view.dispatch(view.state.tr.setMeta(computedMeta, colourByAuthor(view.state, authors)).setMeta('addToHistory', false))
          })
        },
        destroy: () => {
          if (frame !== null) cancelAnimationFrame(frame)
        }
      }
    }
  })

/** Switches the colours on or off in `view`. */
export const setAuthorshipShown = (view: EditorView, on: boolean): void => {
  view.dispatch(view.state.tr.setMeta(toggleMeta, on))
}

const colourByAuthor = (state: EditorState, authors: DocumentAuthors): AuthorshipState => {
  const decorations: Decoration[] = []
  const seen: string[] = []
  const fragment = syncStateOf(state).type
  const decorate = (from: number, to: number, id: Y.ID): void => {
    const name = authors.authorOf(id)
    if (name === null) return
    if (!seen.includes(name)) seen.push(name)
    const color = authors.colorOf(name)
    if (color === undefined) return
    decorations.push(Decoration.inline(from, to, { style: `background-color: ${tint(color)}`, 'data-author': name, class: 'authored' }))
  }
  walk(state.doc, 0, fragment, decorate)
  return { on: true, decorations: DecorationSet.create(state.doc, decorations), authors: seen }
}

/**
 * Walks `node`'s content (starting at `start`) and `type`'s children together. A textblock's
 * children are Y.XmlText (characters) and inline elements (one position each); other nodes'
 * children map one to one. Where the two disagree (a change half applied), that subtree is skipped.
 */
const walk = (node: PMNode, start: number, type: Y.XmlFragment | Y.XmlElement, decorate: (from: number, to: number, id: Y.ID) => void): void => {
  const children = type.toArray()
  if (node.isTextblock) {
    let pos = start
    for (const child of children) {
      if (child instanceof Y.XmlText) {
        for (let item = child._start; item !== null; item = item.right) {
          if (item.deleted || !item.countable) continue
          decorate(pos, pos + item.length, item.id)
          pos += item.length
        }
      } else {
        if (child._item !== null) decorate(pos, pos + 1, child._item.id)
        pos += 1
      }
    }
    return
  }
  if (children.length !== node.childCount) return
  node.forEach((child, offset, index) => {
    const yChild = children[index]
    if (yChild instanceof Y.XmlElement && !child.isText) walk(child, start + offset + 1, yChild, decorate)
  })
}

/**
 * The History tab's "Who wrote what" switch (`[data-testid=authorship-toggle]`) and its legend
 * (`[data-testid=authorship-legend]`, one `[data-author]` entry per author with text).
 */
export class AuthorshipControls {
  readonly element: HTMLElement
  private readonly checkbox: HTMLInputElement
  private readonly legend: HTMLElement

  constructor(
    private readonly view: EditorView,
    private readonly authors: DocumentAuthors
  ) {
    this.checkbox = h('input', { type: 'checkbox', 'data-testid': 'authorship-toggle' })
    this.legend = h('ul', { class: 'authorship-legend', 'data-testid': 'authorship-legend', 'aria-label': t('history.authors'), hidden: true })
    this.element = h('div', { class: 'authorship' }, h('label', { class: 'choice' }, this.checkbox, t('history.colourByAuthor')), this.legend)
    this.checkbox.addEventListener('change', () => {
      setAuthorshipShown(view, this.checkbox.checked)
      this.render()
    })
  }

  /** Shows the legend of the current state; call after each editor update. */
  render(): void {
    const state = authorshipKey.getState(this.view.state)
    this.legend.hidden = state?.on !== true
    if (state?.on !== true) return
    const signature = state.authors.map((name) => `${name}:${this.authors.colorOf(name) ?? ''}`).join('|')
    if (this.legend.dataset.signature === signature) return
    this.legend.dataset.signature = signature
    this.legend.replaceChildren(
      ...state.authors.map((name) => {
        const color = this.authors.colorOf(name) ?? '#888888'
        return h('li', { 'data-author': name }, h('span', { class: 'swatch', style: `background-color: ${tint(color)}; border-color: ${color}` }), ` ${name}`)
      })
    )
  }
}
