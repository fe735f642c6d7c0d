import { PluginKey, type Plugin } from 'prosemirror-state'
import { filterItems, slashTrigger, suggestionPlugin, type SuggestionState } from '../suggest'
import { blockTypeItems, type BlockTypeItem } from './block-types'
import { slashMenuStrings as strings } from './strings'

export const slashMenuKey = new PluginKey<SuggestionState>('slash-menu')

/**
 * The slash menu (`[data-testid=slash-menu]`): `/` at the start of an empty block lists the block
 * types, filtered as the user types (`/hea` shows the headings); choosing one removes the `/…`
 * and turns the block into that type. Only types that can go there are listed (no heading inside
 * a list item's first line, where the schema wants a paragraph). Escape leaves the text as typed.
 */
export const slashMenuPlugin = (items: readonly BlockTypeItem[] = blockTypeItems): Plugin<SuggestionState> =>
  suggestionPlugin<BlockTypeItem>({
    key: slashMenuKey,
    id: 'slash-menu',
    label: strings.menu,
    trigger: slashTrigger,
    items: (query, state, match) => {
      // What the block would be once the `/query` is gone: only commands that apply there are offered.
      const cleared = state.apply(state.tr.delete(match.from, match.to))
      return filterItems(query, items).filter((item) => item.command(cleared))
    },
    option: (item) => ({ value: item.id, label: item.label, icon: item.icon }),
    choose: (view, item, match) => {
      view.dispatch(view.state.tr.delete(match.from, match.to))
      item.command(view.state, view.dispatch, view)
      view.focus()
    }
  })
