import { Plugin, PluginKey } from 'prosemirror-state'
import { countWords } from '../../app/word-count'

export const wordCountKey = new PluginKey<number>('word-count')

// One formatter for every render: `toLocaleString` builds one per call, a cost on every keystroke.
const wordCountFormat = new Intl.NumberFormat('en-US')

/** Keeps the document's word count in plugin state and shows it in `output` (`[data-testid=word-count]`). */
export const wordCountPlugin = (output: HTMLElement): Plugin<number> =>
  new Plugin({
    key: wordCountKey,
    state: {
      init: (_config, state) => countWords(state.doc),
      apply: (tr, count, _old, state) => (tr.docChanged ? countWords(state.doc) : count)
    },
    view: (view) => {
      const render = (): void => {
        const count = wordCountKey.getState(view.state) ?? 0
        if (output.dataset.words === String(count)) return
        output.dataset.words = String(count)
        output.textContent = `${wordCountFormat.format(count)} ${count === 1 ? 'word' : 'words'}`
      }
      render()
      return { update: render }
    }
  })
