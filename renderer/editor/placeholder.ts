import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'

export const placeholderKey = new PluginKey('placeholder')

/** Shows `text` in a document that holds nothing but one empty paragraph (CSS `[data-placeholder]::before`). */
export const placeholderPlugin = (text: string): Plugin =>
  new Plugin({
    key: placeholderKey,
    props: {
      decorations: (state) => {
        const { doc } = state
        const only = doc.childCount === 1 ? doc.firstChild : null
        if (only === null || !only.isTextblock || only.content.size > 0) return null
        return DecorationSet.create(doc, [
          Decoration.node(0, only.nodeSize, { class: 'placeholder', 'data-placeholder': text })
        ])
      }
    }
  })
