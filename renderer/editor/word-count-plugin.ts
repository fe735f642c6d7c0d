import { Plugin, PluginKey } from 'prosemirror-state'
import { updatedBlockSum } from '../../app/changed-blocks'
import { countBlockWords, countWords } from '../../app/word-count'
import { t } from '../../app/i18n/translate'

export const wordCountKey = new PluginKey<number>('word-count')

/** Keeps the document's word count in plugin state and shows it in `output` (`[data-testid=word-count]`). */
export const wordCountPlugin = (output: HTMLElement): Plugin<number> =>
  new Plugin({
    key: wordCountKey,
    state: {
      init: (_config, state) => countWords(state.doc),
      // Only the blocks a transaction changed are counted again.
      apply: (tr, count, old, state) => (tr.docChanged ? updatedBlockSum(old.doc, count, state.doc, countBlockWords) : count)
    },
    view: (view) => {
      const render = (): void => {
        const count = wordCountKey.getState(view.state) ?? 0
        if (output.dataset.words === String(count)) return
        output.dataset.words = String(count)
        output.textContent = t('editor.words', { count })
      }
      render()
      return { update: render }
    }
  })
