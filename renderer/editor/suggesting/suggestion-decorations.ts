import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { currentLanguage, t } from '../../../app/i18n/translate'
import { suggestionAttrsOf, suggestionMarkTypes, suggestionPieces } from '../../../app/suggestions'
import './suggesting.css'

const decorationsKey = new PluginKey<DecorationSet>('suggestion-decorations')

/** Colours go into a `style` attribute, so only plain hex colours pass. */
const hexColor = /^#[0-9a-f]{6}$/i
const fallbackColor = '#6e7781'

/** When a suggestion was made, in the page's language: the time of day today, with the date before. */
export const suggestionTime = (time: number, now = Date.now()): string => {
  const date = new Date(time)
  const today = date.toDateString() === new Date(now).toDateString()
  return today
    ? date.toLocaleTimeString(currentLanguage(), { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' })
}

const decorate = (doc: Node, colorOf: (author: string) => string | undefined): DecorationSet => {
  const pieces = suggestionPieces(doc)
  if (pieces.length === 0) return DecorationSet.empty
  const { insertion } = suggestionMarkTypes(doc.type.schema)
  const decorations = pieces.map(({ pos, node, mark }) => {
    const kind = mark.type === insertion ? 'insertion' : 'deletion'
    const { author, time } = suggestionAttrsOf(mark)
    const color = colorOf(author)
    const values = { author, time: suggestionTime(time) }
    return Decoration.inline(pos, pos + node.nodeSize, {
      class: `suggested suggested-${kind}`,
      style: `--suggestion-color: ${color !== undefined && hexColor.test(color) ? color : fallbackColor}`,
      title: t(kind === 'insertion' ? 'suggestions.insertedBy' : 'suggestions.deletedBy', values)
    })
  })
  return DecorationSet.create(doc, decorations)
}

/**
 * Shows suggestions in their author's colour: insertions underlined, deletions struck through,
 * each with a tooltip naming the author and the local time. `colorOf` gives an author's colour
 * (the document's author colours); `refreshSuggestionColors` redraws when those change.
 */
export const suggestionDecorationsPlugin = (colorOf: (author: string) => string | undefined): Plugin<DecorationSet> =>
  new Plugin<DecorationSet>({
    key: decorationsKey,
    state: {
      init: (_config, state: EditorState) => decorate(state.doc, colorOf),
      apply: (tr, set) => (tr.docChanged || tr.getMeta(decorationsKey) === true ? decorate(tr.doc, colorOf) : set)
    },
    props: { decorations: (state) => decorationsKey.getState(state) }
  })

/** Redraws the suggestions, after an author's colour changed. */
export const refreshSuggestionColors = (view: EditorView): void => {
  view.dispatch(view.state.tr.setMeta(decorationsKey, true))
}
