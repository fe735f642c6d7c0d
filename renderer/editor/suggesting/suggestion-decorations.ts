import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { currentLanguage, t } from '../../../app/i18n/translate'
import { updatedBlockSum } from '../../../app/changed-blocks'
import { blockSuggestionCount, countSuggestionPieces, suggestionAttrsOf, suggestionMarkTypes, suggestionPieces } from '../../../app/suggestions'
import './suggesting.css'

/** The decorations, and how many suggestion pieces the document has (0: nothing to look for). */
interface SuggestionDecorations {
  readonly set: DecorationSet
  readonly pieces: number
}

const decorationsKey = new PluginKey<SuggestionDecorations>('suggestion-decorations')

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
export const suggestionDecorationsPlugin = (colorOf: (author: string) => string | undefined): Plugin<SuggestionDecorations> =>
  new Plugin<SuggestionDecorations>({
    key: decorationsKey,
    state: {
      init: (_config, state: EditorState) => decorated(state.doc, countSuggestionPieces(state.doc), colorOf),
      apply: (tr, value, old) => {
        if (!tr.docChanged && tr.getMeta(decorationsKey) !== true) return value
        // Recounted only in the blocks the transaction changed: a document without suggestions costs nothing more.
        return decorated(tr.doc, updatedBlockSum(old.doc, value.pieces, tr.doc, blockSuggestionCount), colorOf)
      }
    },
    props: { decorations: (state) => decorationsKey.getState(state)?.set }
  })

const decorated = (doc: Node, pieces: number, colorOf: (author: string) => string | undefined): SuggestionDecorations => ({
  set: pieces === 0 ? DecorationSet.empty : decorate(doc, colorOf),
  pieces
})

/** Redraws the suggestions, after an author's colour changed. */
export const refreshSuggestionColors = (view: EditorView): void => {
  view.dispatch(view.state.tr.setMeta(decorationsKey, true))
}
