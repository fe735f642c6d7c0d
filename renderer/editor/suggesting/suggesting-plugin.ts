import { keymap } from 'prosemirror-keymap'
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'
import { suggestTransaction } from './transform'

/** What the suggesting plugin needs to know about the person at this page. */
export interface SuggestingOptions {
  /** The display name suggestions are stamped with (asked each time: Settings can change it). */
  readonly author: () => string
  /** True while every change must be a suggestion (a `suggest` token): the mode cannot be left. */
  readonly mustSuggest: () => boolean
  /** True while this page may accept and reject suggestions (the `edit` role). */
  readonly canReview: () => boolean
}

interface SuggestingState {
  /** Suggesting mode chosen by an editor (Editing / Suggesting). */
  readonly chosen: boolean
}

/** Metadata of a transaction: `mode` switches suggesting mode; `direct` applies it as it is (reviews). */
export interface SuggestingMeta {
  readonly mode?: boolean
  readonly direct?: true
}

export const suggestingKey = new PluginKey<SuggestingState>('suggesting')

const optionsOf = (state: EditorState): SuggestingOptions | null => {
  const plugin = suggestingKey.get(state)
  return plugin === undefined ? null : (plugin.spec as { suggesting: SuggestingOptions }).suggesting
}

/** Whether this page's changes to the content become suggestions now. */
export const isSuggesting = (state: EditorState): boolean => {
  const options = optionsOf(state)
  if (options === null) return false
  return options.mustSuggest() || (suggestingKey.getState(state)?.chosen ?? false)
}

/** Whether suggesting mode is forced on this page (a suggester cannot leave it). */
export const mustSuggest = (state: EditorState): boolean => optionsOf(state)?.mustSuggest() ?? false

/** Whether this page may accept and reject suggestions. */
export const canReview = (state: EditorState): boolean => optionsOf(state)?.canReview() ?? false

/** Switches suggesting mode on (`true`) or off; does not apply where the mode is forced or absent. */
export const setSuggesting =
  (on: boolean): Command =>
  (state, dispatch) => {
    if (optionsOf(state) === null || mustSuggest(state)) return false
    dispatch?.(state.tr.setMeta(suggestingKey, { mode: on } satisfies SuggestingMeta))
    return true
  }

/** Editing ⇄ Suggesting. */
export const toggleSuggesting: Command = (state, dispatch) => setSuggesting(!isSuggesting(state))(state, dispatch)

const newId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/**
 * The transaction to apply for `tr`: in suggesting mode, a local change to the content turned into
 * suggestions (`suggestTransaction`); anything else as it is — remote changes, undo and redo
 * (y-prosemirror's own transactions: an undo takes back the suggestion it made), reviews, and
 * changes of the selection only.
 */
export const suggestedTransaction = (state: EditorState, tr: Transaction): Transaction => {
  if (!tr.docChanged || !isSuggesting(state)) return tr
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined
  if (sync?.isChangeOrigin === true || sync?.isUndoRedoOperation === true) return tr
  if ((tr.getMeta(suggestingKey) as SuggestingMeta | undefined)?.direct === true) return tr
  return suggestTransaction(state, tr, { author: optionsOf(state)!.author(), time: Date.now(), newId })
}

/**
 * Suggesting mode. The editor view's `dispatchTransaction` must go through `suggestedTransaction`
 * (`create-editor.ts`), since only the dispatcher can replace a transaction by another.
 * `Mod-Alt-Shift-X` switches to suggesting, `Mod-Alt-Shift-Z` back to editing, as in Google Docs.
 */
export const suggestingPlugins = (options: SuggestingOptions): Plugin[] => [
  new Plugin<SuggestingState>({
    key: suggestingKey,
    suggesting: options,
    state: {
      init: () => ({ chosen: false }),
      apply: (tr, value) => {
        const mode = (tr.getMeta(suggestingKey) as SuggestingMeta | undefined)?.mode
        return mode === undefined || mode === value.chosen ? value : { chosen: mode }
      }
    },
    props: {
      attributes: (state): Record<string, string> => ({ 'data-suggesting': String(isSuggesting(state)) })
    }
  }),
  keymap({ 'Mod-Alt-Shift-x': setSuggesting(true), 'Mod-Alt-Shift-z': setSuggesting(false) })
]
